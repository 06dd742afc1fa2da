/**
 * npm run bench:simulate — how fast the county simulator generates cases.
 * Target (issue 4): 1,000,000 cases in minutes, not hours.
 * BENCH_CASES (default 100,000) sets the size; BENCH_OUT=FILE also keeps the NDJSON.
 */
import { createWriteStream } from 'node:fs';
import { streamSink, writeSimulation, type LineSink } from '../../infra/simulator/output.ts';
import { simulateCounty } from '../../infra/simulator/simulate.ts';
import { machineLine } from './machine.ts';

const cases = Number(process.env.BENCH_CASES ?? 100_000);
const seed = 42;

/** Counts bytes and drops them: measures generation and serialisation, not the disk. */
function countingSink(): LineSink & { bytes: number } {
  const sink = {
    bytes: 0,
    write(line: string) {
      sink.bytes += Buffer.byteLength(line) + 1;
      return undefined;
    },
    close: async () => {},
  };
  return sink;
}

function generateOnly(): { seconds: number; cases: number; events: number } {
  const started = performance.now();
  let n = 0;
  let events = 0;
  for (const c of simulateCounty({ seed, cases }).cases) {
    n++;
    events += c.events.length;
  }
  return { seconds: (performance.now() - started) / 1000, cases: n, events };
}

async function ndjson(): Promise<{ seconds: number; cases: number; events: number; bytes: number }> {
  const sink = process.env.BENCH_OUT ? streamSink(createWriteStream(process.env.BENCH_OUT), true) : countingSink();
  const started = performance.now();
  const done = await writeSimulation(simulateCounty({ seed, cases }), sink, countingSink());
  return { seconds: (performance.now() - started) / 1000, ...done, bytes: 'bytes' in sink ? (sink.bytes as number) : NaN };
}

const rate = (n: number, s: number) => Math.round(n / s).toLocaleString('en-US');

async function main() {
  console.log(`simulate: ${cases.toLocaleString('en-US')} cases, seed ${seed}`);
  console.log(machineLine());
  const g = generateOnly();
  console.log(`generate (events as objects): ${g.seconds.toFixed(2)} s, ${rate(g.cases, g.seconds)} cases/s, ${rate(g.events, g.seconds)} events/s, ${(g.events / g.cases).toFixed(1)} events per case`);
  const w = await ndjson();
  const mb = Number.isNaN(w.bytes) ? '' : `, ${(w.bytes / 2 ** 20).toFixed(0)} MiB (${(w.bytes / 2 ** 20 / w.seconds).toFixed(0)} MiB/s)`;
  console.log(`NDJSON in business-time order: ${w.seconds.toFixed(2)} s, ${rate(w.cases, w.seconds)} cases/s, ${rate(w.events, w.seconds)} events/s${mb}`);
  console.log(`projected for 1,000,000 cases: ${((w.seconds * 1_000_000) / w.cases / 60).toFixed(1)} min; peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
