import { Worker } from 'node:worker_threads';
import type { ClickHouse } from '../infra/clickhouse/client.ts';
import { columnsOf, insertFile, insertFileName } from '../infra/clickhouse/insert.ts';
import type { EventStore } from '../infra/event-store/port.ts';
import type { EventsJob } from './rebuild-events-worker.ts';

/**
 * During a rebuild of the embedded read models, the events table (every case event mapped, masked
 * and written out) is built on a worker thread, beside the main thread's case clocks: the two were
 * the largest shares of a rebuild's time. The worker reads the log file itself, so nothing large
 * crosses between the threads. Only for the embedded pair: a log file and chDB's insert files.
 */
export function eventsOnWorker(store: EventStore, ch: ClickHouse, table: string) {
  if (!store.localFile || !ch.insertDir) return undefined;
  const insertDir = ch.insertDir;
  const worker = new Worker(new URL('./rebuild-events-worker-entry.mjs', import.meta.url), {
    workerData: { file: store.localFile },
    resourceLimits: { maxYoungGenerationSizeMb: 96 },
  });
  const jobs = new Map<number, { resolve(rows: number): void; reject(error: Error): void }>();
  let nextId = 0;
  let failed: Error | undefined;
  worker.on('message', (m: { id: number; rows?: number; error?: string }) => {
    const job = jobs.get(m.id);
    jobs.delete(m.id);
    if (m.error !== undefined) job?.reject(new Error(`events table of the rebuild: ${m.error}`));
    else job?.resolve(m.rows!);
  });
  worker.on('error', (error) => {
    failed = error;
    for (const job of jobs.values()) job.reject(error);
    jobs.clear();
  });

  return {
    /** Starts the rows of (after, upTo]; the returned function loads them once they are written. */
    async prepare(after: bigint, upTo: bigint): Promise<() => Promise<void>> {
      if (failed) throw failed;
      const columns = await columnsOf(ch, table);
      const out = insertFileName(insertDir, table, 'worker');
      const id = nextId++;
      const rows = await new Promise<number>((resolve, reject) => {
        jobs.set(id, { resolve, reject });
        worker.postMessage({ id, after: after.toString(), upTo: upTo.toString(), columns, table, out } satisfies EventsJob);
      });
      return () => (rows > 0 ? insertFile(ch, table, out) : Promise.resolve());
    },
    close: () => worker.terminate().then(() => undefined),
  };
}
