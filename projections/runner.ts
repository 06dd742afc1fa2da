import type { ClickHouse } from '../infra/clickhouse/client.ts';
import type { EventStore, RecordedEvent, Subscription } from '../infra/event-store/port.ts';
import { readCheckpoint } from './checkpoint.ts';
import type { Projection, ProjectionServices } from './projection.ts';
import { CHECKPOINT_NAME, writeBatch } from './write-batch.ts';

export interface RunnerOptions {
  store: EventStore;
  ch: ClickHouse;
  projections: Projection[];
  services: ProjectionServices;
  batchSize: number;
  flushMs: number;
  /** Appended to every table name: '' for the live tables, '_rebuild' while rebuilding. */
  suffix?: string;
  /** Called after each batch is written and checkpointed (alerts evaluate the touched cases). */
  onBatch?(info: BatchInfo): void | Promise<void>;
  log?: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };
}

export interface BatchInfo {
  events: number;
  from: bigint;
  to: bigint;
  caseIds: Set<string>;
  millis: number;
}

export interface RunnerStatus {
  state: 'starting' | 'running' | 'retrying' | 'stopped';
  checkpoint: bigint;
  lastError: string | null;
  batches: number;
  events: number;
  /** recordedAt of the newest projected event. */
  lastRecordedAt: string | null;
}

/**
 * Subscribe from the stored checkpoint → batch by size and by time → write every projection's
 * rows → write the checkpoint. While ClickHouse is down the same batch is retried with backoff and
 * the subscription waits, so nothing is lost and nothing is skipped.
 */
export function createRunner(options: RunnerOptions) {
  const suffix = options.suffix ?? '';
  const status: RunnerStatus = { state: 'starting', checkpoint: -1n, lastError: null, batches: 0, events: 0, lastRecordedAt: null };
  let buffer: RecordedEvent[] = [];
  let chain: Promise<void> = Promise.resolve();
  let subscription: Subscription | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopping = false;

  const flush = () => (chain = chain.then(writeBuffered));

  async function writeBuffered(): Promise<void> {
    const batch = buffer;
    buffer = [];
    if (batch.length === 0) return;
    const started = performance.now();
    await withRetry(() => writeBatch(options.ch, options.projections, options.services, batch, suffix));
    const last = batch.at(-1)!;
    status.checkpoint = last.position;
    status.batches++;
    status.events += batch.length;
    status.lastRecordedAt = last.recordedAt;
    const caseIds = new Set(batch.filter((e) => e.streamId.startsWith('case-')).map((e) => e.streamId.slice(5)));
    await options.onBatch?.({ events: batch.length, from: batch[0]!.position, to: last.position, caseIds, millis: performance.now() - started });
  }

  async function withRetry(write: () => Promise<void>): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await write();
        status.state = 'running';
        status.lastError = null;
        return;
      } catch (error) {
        if (stopping) throw error;
        status.state = 'retrying';
        status.lastError = error instanceof Error ? error.message : String(error);
        const wait = Math.min(5000, 100 * 2 ** Math.min(attempt, 6));
        options.log?.warn({ err: status.lastError, attempt, waitMs: wait }, 'projection write failed; retrying');
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  }

  return {
    status: () => ({ ...status }),
    async start(): Promise<void> {
      const from = await withRetryRead(() => readCheckpoint(options.ch, `projection_checkpoints${suffix}`, CHECKPOINT_NAME));
      status.checkpoint = from ?? -1n;
      status.state = 'running';
      subscription = options.store.subscribeAll({
        ...(from !== undefined && { after: from }),
        onEvent: async (event) => {
          buffer.push(event);
          if (buffer.length >= options.batchSize) await flush();
        },
        onError: (error) => {
          status.state = 'stopped';
          status.lastError = `subscription failed: ${error instanceof Error ? error.message : String(error)}`;
          options.log?.warn({ err: status.lastError }, 'projection subscription stopped');
        },
      });
      timer = setInterval(() => {
        if (buffer.length > 0) void flush();
      }, options.flushMs);
    },
    /** Resolves once everything delivered so far is written. */
    async drain(): Promise<void> {
      await flush();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      await subscription?.stop();
      await flush().catch(() => {});
      stopping = true;
      status.state = 'stopped';
    },
  };

  async function withRetryRead<T>(read: () => Promise<T>): Promise<T> {
    let result!: T;
    await withRetry(async () => {
      result = await read();
    });
    return result;
  }
}

export type ProjectionRunner = ReturnType<typeof createRunner>;
