import { Worker } from 'node:worker_threads';
import { prepareBatch, type BodyKind, type PreparedBatch } from './prepare-batch.ts';

export interface BatchPreparer {
  prepare(raw: Buffer, kind: BodyKind, maxEvents: number): Promise<PreparedBatch>;
  close(): Promise<void>;
}

export const inlinePreparer = (): BatchPreparer => ({
  prepare: async (raw, kind, maxEvents) => prepareBatch(raw, kind, maxEvents),
  close: async () => {},
});

interface Job {
  resolve(result: PreparedBatch): void;
  reject(error: Error): void;
}

/**
 * Validation of large batches on worker threads, so the main thread only appends: parsing,
 * validating and canonicalising took about as long as the SQLite write itself. Small bodies stay
 * inline, where the thread hop would cost more than it saves.
 */
export function workerPreparer(size: number, options: { inlineBelowBytes?: number } = {}): BatchPreparer {
  const inlineBelow = options.inlineBelowBytes ?? 64 * 1024;
  const workers: { worker: Worker; jobs: Map<number, Job> }[] = [];
  let nextId = 0;
  let closed = false;

  const spawn = (slot: number) => {
    // A larger young generation: validating a batch allocates heavily and short-lived, and the
    // default semi-space made the collector a quarter of the worker's time.
    const worker = new Worker(new URL('./prepare-worker-entry.mjs', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 96 } });
    const entry = { worker, jobs: new Map<number, Job>() };
    worker.on('message', (m: { id: number; result?: PreparedBatch; error?: string }) => {
      const job = entry.jobs.get(m.id);
      entry.jobs.delete(m.id);
      if (m.result) job?.resolve(m.result);
      else job?.reject(new Error(`batch preparation failed: ${m.error}`));
    });
    worker.on('error', (error) => fail(entry, error));
    worker.on('exit', (code) => {
      fail(entry, new Error(`batch preparation worker exited with code ${code}`));
      if (!closed) spawn(slot);
    });
    workers[slot] = entry;
  };
  const fail = (entry: { jobs: Map<number, Job> }, error: Error) => {
    for (const job of entry.jobs.values()) job.reject(error);
    entry.jobs.clear();
  };
  for (let i = 0; i < size; i++) spawn(i);

  return {
    async prepare(raw, kind, maxEvents) {
      if (raw.byteLength < inlineBelow || workers.length === 0) return prepareBatch(raw, kind, maxEvents);
      const entry = workers.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
      const id = nextId++;
      return new Promise<PreparedBatch>((resolve, reject) => {
        entry.jobs.set(id, { resolve, reject });
        // Move the bytes instead of copying them, unless they share Node's buffer pool.
        const owned = raw.byteOffset === 0 && raw.byteLength === raw.buffer.byteLength ? raw : Buffer.from(raw);
        entry.worker.postMessage({ id, raw: owned, kind, maxEvents }, [owned.buffer as ArrayBuffer]);
      });
    },
    async close() {
      closed = true;
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}
