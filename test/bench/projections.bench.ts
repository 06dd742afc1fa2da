import { defaultClockConfig } from '../../domain/clock/index.ts';
import { projectionServices } from '../../projections/projection.ts';
/**
 * npm run bench:projections — two figures, each printed with the machine:
 *  1. rebuild throughput: every read model rebuilt into embedded ClickHouse from a log of
 *     BENCH_EVENTS events (default 1,000,000) of the county simulator, in the order they were
 *     sent, so that cases interleave as in a real log. Target ≥ 100,000 events/s. Then each stage
 *     of the rebuild alone, in CPU per event, and the bound their sum puts on any arrangement.
 *  2. live projection lag while a running server ingests BENCH_RATE events/s (default 2,000) for
 *     BENCH_SECONDS (default 30) of the same county, in the order they were sent: time from an
 *     append's acknowledgement until the read models cover it. Target p99 < 1 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pinnedSettings, openChdb } from '../../infra/clickhouse/client.ts';
import { migrate } from '../../infra/clickhouse/migrations.ts';
import { createSqliteEventStore } from '../../infra/event-store/sqlite.ts';
import { migrations, projections } from '../../projections/index.ts';
import { idleProgress, rebuildReadModels } from '../../projections/rebuild.ts';
import { appendCountyLog, countyInSendOrder } from './county-log.ts';
import { rebuildBudget } from './rebuild-budget.ts';
import { machineLine } from './machine.ts';
import { startServer } from '../support/server-process.ts';

const total = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const rate = Number(process.env.BENCH_RATE ?? 2000);
const seconds = Number(process.env.BENCH_SECONDS ?? 30);

async function rebuildThroughput(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sunlight-bench-proj-'));
  const store = createSqliteEventStore({ file: join(dir, 'events.db') });
  const t0 = performance.now();
  const written = await appendCountyLog(store, total);
  console.log(`log: ${written} case events of a simulated county, in the order they were sent, written to SQLite in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const ch = await openChdb(join(dir, 'clickhouse'), 'sunlight', pinnedSettings('Asia/Shanghai'));
  await migrate(ch, migrations);
  const progress = idleProgress();
  const t1 = performance.now();
  await rebuildReadModels({ store, ch, projections, services: projectionServices(store, defaultClockConfig), progress, pauseLive: async () => {}, resumeLive: async () => {} });
  const secs = (performance.now() - t1) / 1000;
  console.log(`rebuild: ${progress.processed} events in ${secs.toFixed(1)} s = ${Math.round(progress.processed / secs)} events/s (target ≥ 100,000)`);
  await rebuildBudget(store, ch, projectionServices(store, defaultClockConfig));
  await ch.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

async function liveLag(): Promise<void> {
  const admin = 'bench-admin-token-00000000000';
  const server = await startServer({ SUNLIGHT_DATA_DIR: mkdtempSync(join(tmpdir(), 'sunlight-bench-live-')), SUNLIGHT_ADMIN_TOKEN: admin, SUNLIGHT_LOG_LEVEL: 'error' });
  const headers = { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };
  const pending: { position: number; ackedAt: number }[] = [];
  const lags: number[] = [];
  let stop = false;
  const poller = (async () => {
    while (!stop || pending.length > 0) {
      const s = (await (await fetch(`${server.url}/v1/status`, { headers })).json()) as { projection: { checkpoint: number } };
      const now = performance.now();
      while (pending.length > 0 && pending[0]!.position <= s.projection.checkpoint) lags.push(now - pending.shift()!.ackedAt);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const perTick = Math.max(1, Math.round(rate / 20));
  const county = countyInSendOrder(rate * seconds);
  const published = await fetch(`${server.url}/v1/events`, { method: 'POST', headers, body: JSON.stringify(county.reference) });
  if (!published.ok) throw new Error(`the county's reference events were refused: ${published.status} ${await published.text()}`);
  const t0 = performance.now();
  let sent = 0;
  for (const batch of ticks(county.events, perTick)) {
    const due = t0 + (sent / rate) * 1000;
    if (due > performance.now()) await new Promise((r) => setTimeout(r, due - performance.now()));
    const res = await fetch(`${server.url}/v1/events`, { method: 'POST', headers, body: JSON.stringify(batch) });
    const body = (await res.json()) as { streams: { position: number | null }[] };
    pending.push({ position: Math.max(...body.streams.map((s) => s.position ?? 0)), ackedAt: performance.now() });
    sent += batch.length;
  }
  const achieved = sent / ((performance.now() - t0) / 1000);
  stop = true;
  await poller;
  await server.stop();
  lags.sort((a, b) => a - b);
  const q = (p: number) => lags[Math.min(lags.length - 1, Math.floor(p * lags.length))]!.toFixed(0);
  console.log(`live: ${sent} events at ${achieved.toFixed(0)} events/s in requests of ${perTick}; projection lag p50 ${q(0.5)} ms, p90 ${q(0.9)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms (target p99 < 1000 ms)`);
}

function* ticks<T>(events: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const e of events) {
    batch.push(e);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

console.log(`machine: ${machineLine()}`);
if (process.env.BENCH_ONLY !== 'live') await rebuildThroughput();
if (process.env.BENCH_ONLY !== 'rebuild') await liveLag();
