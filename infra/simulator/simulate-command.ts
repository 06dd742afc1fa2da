import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { loadConfig } from '../config.ts';
import { runningServer } from '../server-lock.ts';
import { fileSink, streamSink, writeSimulation, type LineSink } from './output.ts';
import { parseRates } from './rates.ts';
import { serverSink } from './server-sink.ts';
import { simulateCounty, type Simulation } from './simulate.ts';
import { evaluateSimulation } from './evaluate-rules.ts';
import { formatScores } from '../../alerts/recall.ts';

export const USAGE = `usage: sunlight simulate --seed N --cases N [--from 2026-01-01 --to 2026-12-31]
                         [--out FILE] [--labels FILE] [--to URL --token T] [--rates FILE]

Generates a simulated county (departments, matters, windows) and its cases, deterministically.
  --seed N         seeds the cases (default 1); the same seed gives the same bytes
  --cases N        cases arriving over the period (default 10000)
  --from, --to     first and last arrival date (default the 2026 calendar year);
                   --until is the same as --to DATE
  --out FILE       NDJSON of events (reference data first); default standard output
  --labels FILE    NDJSON ground truth, one line per case: labels (rule, evidence event ids),
                   classification and due date
  --to URL         POST to a running server's /v1/events in batches of 1,000 instead
                   (also --server URL); --token T is an admin token (default SUNLIGHT_ADMIN_TOKEN).
                   --token without a URL sends to the server running on SUNLIGHT_DATA_DIR
  --rates FILE     JSON overriding any rate of infra/simulator/rates.ts, e.g.
                   {"refusal": 0.05, "irregularities": {"IR12": 0.01}}
  --county-seed N  seeds the county itself (default 2026)
  --quiet          no progress bar
  --evaluate       instead of writing events, run the county through the system (a scratch log,
                   the projections, every rule) and print per rule: injected, detected, false
                   alarms, recall and precision; exits 1 if a deterministic rule misses or
                   raises a false alarm
`;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `sunlight simulate`: see USAGE. */
export async function runSimulate(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      seed: { type: 'string' }, cases: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, until: { type: 'string' },
      out: { type: 'string' }, labels: { type: 'string' }, server: { type: 'string' }, token: { type: 'string' }, rates: { type: 'string' },
      'county-seed': { type: 'string' }, quiet: { type: 'boolean' }, help: { type: 'boolean' }, evaluate: { type: 'boolean' },
    },
  });
  if (values.help) return process.stdout.write(USAGE), 0;
  // --to names the last date or the server, told apart by the value's shape.
  const until = values.until ?? (values.to !== undefined && DATE.test(values.to) ? values.to : undefined);
  const url = values.server ?? (values.to !== undefined && !DATE.test(values.to) ? values.to : undefined);
  const target = serverTarget(url, values.token);
  if (target && values.out) throw new Error('choose one destination: --out FILE or --to URL');
  const cases = positiveInt(values.cases ?? '10000', '--cases');
  const sim = simulateCounty({
    seed: integer(values.seed ?? '1', '--seed'),
    cases,
    ...(values.from ? { from: date(values.from, '--from') } : {}),
    ...(until ? { to: date(until, '--to') } : {}),
    ...(values.rates ? { rates: parseRates(JSON.parse(readFileSync(values.rates, 'utf8'))) } : {}),
    ...(values['county-seed'] ? { countySeed: integer(values['county-seed'], '--county-seed') } : {}),
  });
  if (values.evaluate) return evaluateAndReport(sim, values.quiet ?? false);
  const events: LineSink = target ? serverSink(target) : values.out ? fileSink(values.out) : streamSink(process.stdout, false);
  const bar = values.quiet ? null : new cliProgress.SingleBar({ stream: process.stderr, format: 'simulate |{bar}| {value}/{total} cases | {events} events | {rate} cases/s | ETA {eta_formatted}', hideCursor: true }, cliProgress.Presets.shades_classic);
  const started = performance.now();
  bar?.start(cases, 0, { events: 0, rate: 0 });
  const done = await writeSimulation(sim, events, values.labels ? fileSink(values.labels) : null, (p) =>
    bar?.update(Math.min(p.cases, cases), { events: p.events, rate: Math.round(p.cases / ((performance.now() - started) / 1000)) }),
  );
  bar?.stop();
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(`${done.cases} cases, ${done.events} case events and ${sim.reference.length} reference events in ${seconds.toFixed(1)} s${target ? ` → ${target.url}` : ''}\n`);
  return 0;
}

function serverTarget(url: string | undefined, token: string | undefined): { url: string; token: string } | null {
  if (url === undefined && token === undefined) return null;
  const config = loadConfig();
  const base = url ?? runningServer(config.dataDir)?.url;
  if (!base) throw new Error(`--token was given but no URL, and no server is running on ${config.dataDir}; pass --to URL`);
  const secret = token ?? config.auth.adminToken;
  if (!secret) throw new Error('sending to a server needs an admin token: pass --token T or set SUNLIGHT_ADMIN_TOKEN');
  return { url: base, token: secret };
}

function integer(text: string, flag: string): number {
  if (!/^-?\d+$/.test(text)) throw new Error(`${flag} must be a whole number, got "${text}"`);
  return Number(text);
}

function positiveInt(text: string, flag: string): number {
  const n = integer(text, flag);
  if (n < 1) throw new Error(`${flag} must be at least 1, got ${n}`);
  return n;
}

function date(text: string, flag: string): string {
  if (!DATE.test(text)) throw new Error(`${flag} must be a date written YYYY-MM-DD, got "${text}"`);
  return text;
}

async function evaluateAndReport(sim: Simulation, quiet: boolean): Promise<number> {
  const result = await evaluateSimulation(sim, { ...(!quiet && { progress: (s: string) => process.stderr.write(`${s}\n`) }) });
  process.stdout.write(`${result.cases} cases, ${result.events} events; log ${result.millis.log} ms, projections ${result.millis.project} ms, rules ${result.millis.evaluate} ms\n\n`);
  process.stdout.write(formatScores(result.scores));
  return result.scores.some((s) => s.deterministic && (s.missed > 0 || s.falseAlarms > 0)) ? 1 : 0;
}
