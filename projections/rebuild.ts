import type { ClickHouse } from '../infra/clickhouse/client.ts';
import type { DdlContext } from '../infra/clickhouse/ddl.ts';
import type { EventStore } from '../infra/event-store/port.ts';
import { allTables } from './index.ts';
import type { Projection, ProjectionServices, TableRows } from './projection.ts';
import { PendingStreams } from './services/pending-streams.ts';
import { forgetColumns } from '../infra/clickhouse/insert.ts';
import { rowsFor, writeRows } from './write-batch.ts';
import { eventsProjection } from './events/index.ts';
import { eventsOnWorker } from './rebuild-events.ts';

export interface RebuildProgress {
  state: 'idle' | 'running' | 'swapping' | 'done' | 'failed';
  processed: number;
  /** Head position when the rebuild started; it keeps catching up past it. */
  target: number;
  position: number;
  startedAt: string | null;
  finishedAt: string | null;
  eventsPerSecond: number;
  error: string | null;
}

const SUFFIX = '_rebuild';

/**
 * Cases held back at most when the store cannot say where they end (PendingStreams): half the case
 * history cache (StreamHistories), so a case let go still has its history in memory.
 */
export const HOLD_CASES = 25_000;

/**
 * Rebuilds every read model from the log into fresh `<table>_rebuild` tables while the live
 * tables keep answering queries, then swaps each pair with EXCHANGE TABLES. `pauseLive` stops
 * the live projection just before the final catch-up, so no event is projected into the old
 * tables after the new ones have passed it; `resumeLive` starts it again on the new tables.
 */
export async function rebuildReadModels(args: {
  store: EventStore;
  ch: ClickHouse;
  projections: Projection[];
  services: ProjectionServices;
  pageSize?: number;
  /** How many cases may wait for their history to stop growing (PendingStreams). */
  holdCases?: number;
  progress: RebuildProgress;
  pauseLive(): Promise<void>;
  resumeLive(): Promise<void>;
}): Promise<void> {
  const { store, ch, progress } = args;
  let services = args.services;
  const tables = allTables(args.projections);
  const ctx: DdlContext = { database: ch.database, ...(ch.cluster && { cluster: ch.cluster }) };
  Object.assign(progress, { state: 'running', processed: 0, position: -1, startedAt: new Date().toISOString(), finishedAt: null, error: null });
  progress.target = Number(await store.headPosition());
  const t0 = performance.now();
  const eventsWorker = args.projections.includes(eventsProjection) ? eventsOnWorker(store, ch, `events${SUFFIX}`) : undefined;
  const onMainThread = eventsWorker ? args.projections.filter((p) => p !== eventsProjection) : args.projections;
  try {
    services = { ...args.services, pendingCases: new PendingStreams(args.holdCases ?? HOLD_CASES, await store.streamEnds?.('case-')) };
    for (const [name, ddl] of Object.entries(tables)) {
      await ch.client.command({ query: `DROP TABLE IF EXISTS ${name}${SUFFIX}` });
      await ch.client.command({ query: ddl(ctx, `${name}${SUFFIX}`) });
    }
    let after = await catchUp(-1n);
    await args.pauseLive();
    progress.state = 'swapping';
    after = await catchUp(after);
    for (const name of Object.keys(tables)) await ch.client.command({ query: `EXCHANGE TABLES ${name} AND ${name}${SUFFIX}` });
    for (const name of Object.keys(tables)) await ch.client.command({ query: `DROP TABLE IF EXISTS ${name}${SUFFIX}` });
    forgetColumns(ch);
    await args.resumeLive();
    Object.assign(progress, { state: 'done', finishedAt: new Date().toISOString() });
  } catch (error) {
    Object.assign(progress, { state: 'failed', error: error instanceof Error ? error.message : String(error), finishedAt: new Date().toISOString() });
    await args.resumeLive().catch(() => {});
    throw error;
  } finally {
    await eventsWorker?.close();
  }

  // Two pages in flight: while ClickHouse writes one page's rows, the next page is read and mapped.
  // Each page's rows and checkpoint are still written after the page before it.
  async function catchUp(from: bigint): Promise<bigint> {
    let after = from;
    let writing: Promise<void> = Promise.resolve();
    for (;;) {
      const page = await store.readAll({ after, maxCount: args.pageSize ?? 20_000 });
      if (page.length === 0) break;
      const upTo = page.at(-1)!.position;
      const eventsReady = eventsWorker?.prepare(after, upTo);
      eventsReady?.catch(() => {}); // met below, after the main thread's share
      const rows = await rowsFor(onMainThread, services, page);
      const loadEvents = eventsReady ? [await eventsReady] : [];
      await writing;
      writing = writeRows(ch, rows, upTo, SUFFIX, loadEvents).then(() => {
        progress.processed += page.length;
        progress.position = Number(upTo);
        progress.eventsPerSecond = Math.round(progress.processed / ((performance.now() - t0) / 1000));
      });
      // A failure is met at the next `await writing`; until then it must not count as unhandled.
      writing.catch(() => {});
      after = upTo;
    }
    await writing;
    // The held-back cases now, before the live projection is paused for the last catch-up, which
    // holds back only what was appended meanwhile.
    const held = await flushed();
    if (Object.values(held).some((rows) => rows.length > 0)) await writeRows(ch, held, after, SUFFIX);
    return after;
  }

  async function flushed(): Promise<TableRows> {
    const rows: TableRows = {};
    for (const p of onMainThread) {
      for (const [table, list] of Object.entries((await p.flush?.(services)) ?? {})) {
        const target = (rows[table] ??= []);
        for (const row of list) target.push(row);
      }
    }
    return rows;
  }
}

export const idleProgress = (): RebuildProgress => ({ state: 'idle', processed: 0, target: 0, position: -1, startedAt: null, finishedAt: null, eventsPerSecond: 0, error: null });
