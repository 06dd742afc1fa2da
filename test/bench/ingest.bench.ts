/**
 * npm run bench:ingest — autocannon against a real server on the embedded store.
 * Targets (issue 2, 2-core machine): ≥ 40,000 events/s with 1,000-event batches;
 * ≥ 3,000 single-event requests/s with p99 < 15 ms.
 * BENCH_DURATION (seconds, default 15) and BENCH_CONNECTIONS_SINGLE / _BATCH (default 8 / 4) tune
 * the run. Batches need a few connections in flight: while one batch is appended on the main
 * thread, the next is validated on a worker; with two connections that pipeline idled a quarter
 * of the time.
 */
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashToken } from '../../infra/auth/tokens.ts';
import { aConcludedCaseHistory, VALID_DEPT_USCC } from '../builders/case-events.ts';
import { startServer } from '../support/server-process.ts';
import { machineLine } from './machine.ts';

const duration = Number(process.env.BENCH_DURATION ?? 15);
const token = 'bench-department-token-000000';

/** A realistic case history as JSON text with placeholders, so each request gets fresh ids cheaply. */
const history = aConcludedCaseHistory('__CASE__').map((e) => JSON.stringify({ ...e, eventId: '__EVENT__' }));
// Splitting with a capture group keeps the placeholders at the odd indexes.
const templates = history.map((json) => json.split(/(__CASE__|__EVENT__)/));

function events(n: number): string[] {
  const out: string[] = [];
  while (out.length < n) {
    const caseId = `BENCH-${randomUUID().slice(0, 18)}`;
    for (const parts of templates) {
      if (out.length === n) break;
      out.push(parts.map((p) => (p === '__CASE__' ? caseId : p === '__EVENT__' ? randomUUID() : p)).join(''));
    }
  }
  return out;
}

/**
 * Request bodies made before the clock starts: the load generator shares the two cores with the
 * server, and building a megabyte of JSON with fresh UUIDs per request would otherwise be measured
 * as if it were the server's work. Falls back to building on the fly if the pool runs dry.
 */
function pool(count: number, make: () => string): () => string {
  const bodies = Array.from({ length: count }, make);
  return () => bodies.pop() ?? make();
}

async function run(name: string, opts: { connections: number; body: () => string; eventsPerRequest: number; url: string }) {
  const result = await autocannon({
    url: `${opts.url}/v1/events`,
    connections: opts.connections,
    duration,
    requests: [
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: opts.body() }),
      },
    ],
  });
  const ok = result['2xx'];
  const seconds = result.duration;
  console.log(
    `${name}: ${(ok / seconds).toFixed(0)} req/s, ${((ok * opts.eventsPerRequest) / seconds).toFixed(0)} events/s; ` +
      `latency p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ` +
      `${ok} ok, ${result.non2xx} non-2xx, ${result.errors} errors, ${opts.connections} connections, ${seconds.toFixed(1)} s`,
  );
  return { ok, seconds };
}

async function main(projections: 'on' | 'off') {
  const dir = mkdtempSync(join(tmpdir(), 'sunlight-bench-'));
  const server = await startServer({
    SUNLIGHT_PROJECTIONS: projections,
    SUNLIGHT_DATA_DIR: dir,
    SUNLIGHT_ADMIN_TOKEN: 'bench-admin-token-00000000000',
    SUNLIGHT_TOKENS: JSON.stringify([{ name: 'bench', role: 'department', departments: [VALID_DEPT_USCC], sha256: hashToken(token) }]),
    SUNLIGHT_LOG_LEVEL: 'error',
  });
  try {
    console.log(`\nserver: embedded SQLite (WAL, synchronous=FULL) in ${dir}; read models ${projections === 'on' ? 'maintained in the same process (embedded ClickHouse)' : 'off (an API node)'}; ${duration} s per scenario`);
    const single = await run('single-event requests', { url: server.url, connections: Number(process.env.BENCH_CONNECTIONS_SINGLE ?? 8), eventsPerRequest: 1, body: pool(duration * 8_000, () => events(1)[0]!) });
    const batched = await run('1,000-event batches', { url: server.url, connections: Number(process.env.BENCH_CONNECTIONS_BATCH ?? 4), eventsPerRequest: 1000, body: pool(duration * 60, () => `[${events(1000).join(',')}]`) });
    const head = (await (await fetch(`${server.url}/health`)).json()) as { headPosition: number };
    console.log(`\nstored events (head position, including reference data): ${head.headPosition}; acknowledged by the benchmark: ${single.ok + batched.ok * 1000}`);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`machine: ${machineLine()}`);
// An API node alone (the targets), then the all-in-one embedded server with its projector.
for (const mode of (process.env.BENCH_PROJECTIONS ?? 'off,on').split(',')) await main(mode as 'on' | 'off');
