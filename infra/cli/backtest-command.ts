import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { runningServer } from '../server-lock.ts';

const USAGE = `usage: sunlight backtest --rule ID [--from INSTANT --to INSTANT | --at INSTANT ...]
                          [--threshold NAME=VALUE ...] [--token TOKEN] [--json]

Runs one rule, or a changed threshold, over history and lists the alerts it would have raised,
without raising them. Evaluates once a day (09:00) from --from to --to (default: the last 30
days), or at each --at instant. Thresholds are those of domain/alerts/thresholds.ts, e.g.
--threshold reportingLagWorkingDays=2. Runs inside the server that owns the read models
(give --token, or SUNLIGHT_ADMIN_TOKEN).
`;

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { rule: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, at: { type: 'string', multiple: true }, threshold: { type: 'string', multiple: true }, token: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help || !values.rule) return process.stdout.write(USAGE), values.help ? 0 : 2;
  const config = loadConfig();
  const server = runningServer(config.dataDir);
  if (!server) {
    process.stderr.write(`Sunlight is not running on ${config.dataDir}: start it (npm start) so the backtest can read its read models.\n`);
    return 2;
  }
  const token = values.token ?? config.auth.adminToken;
  if (!token) {
    process.stderr.write('give a supervisor or admin token with --token or SUNLIGHT_ADMIN_TOKEN\n');
    return 2;
  }
  const thresholds = Object.fromEntries((values.threshold ?? []).map((t) => {
    const [name, value] = t.split('=');
    if (!name || value === undefined || Number.isNaN(Number(value))) throw new Error(`--threshold must be NAME=NUMBER, got ${t}`);
    return [name, Number(value)];
  }));
  const body = { ruleId: values.rule, thresholds, ...(values.at && { at: values.at }), ...(values.from && { from: values.from }), ...(values.to && { to: values.to }) };
  const res = await fetch(`${server.url}/v1/alerts/backtest`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const result = (await res.json()) as { wouldRaise?: number; evaluatedAt?: number; byDepartment?: Record<string, number>; alerts?: { caseId: string; level: string; firstAt: string; reason: string }[]; message?: string };
  if (!res.ok) {
    process.stderr.write(`backtest refused (${res.status}): ${result.message ?? JSON.stringify(result)}\n`);
    return 1;
  }
  if (values.json) return process.stdout.write(`${JSON.stringify(result, null, 2)}\n`), 0;
  process.stdout.write(`${values.rule}: ${result.wouldRaise} alerts would have been raised over ${result.evaluatedAt} evaluations\n`);
  for (const [dept, n] of Object.entries(result.byDepartment ?? {})) process.stdout.write(`  ${dept}  ${n}\n`);
  for (const a of (result.alerts ?? []).slice(0, 20)) process.stdout.write(`  ${a.firstAt}  ${a.caseId}  ${a.level}  ${a.reason}\n`);
  return 0;
}
