import { projections, migrations } from '../projections/index.ts';
import { projectionServices } from '../projections/projection.ts';
import { idleProgress, rebuildReadModels, type RebuildProgress } from '../projections/rebuild.ts';
import { createRunner, type BatchInfo, type ProjectionRunner, type RunnerStatus } from '../projections/runner.ts';
import { openClickHouse, type ClickHouse } from './clickhouse/client.ts';
import { migrate, rebuildNeeded } from './clickhouse/migrations.ts';
import type { Config } from './config.ts';
import type { EventStore } from './event-store/port.ts';

type Log = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void; error(obj: object, msg: string): void };

/**
 * Opens ClickHouse, migrates the read models and starts the projection runner. A ClickHouse
 * server that is down does not stop Sunlight from taking events: this keeps trying in the
 * background, and the projection catches up from its checkpoint once it is reachable.
 */
export function startReadModels(config: Config, store: EventStore, log: Log, onBatch?: (info: BatchInfo) => void | Promise<void>) {
  let ch: ClickHouse | undefined;
  let runner: ProjectionRunner | undefined;
  let stopped = false;
  let lastError: string | null = null;
  const rebuildProgress = idleProgress();
  const newRunner = (c: ClickHouse) =>
    createRunner({ store, ch: c, projections, services: projectionServices(store, config.clock), batchSize: config.projection.batchSize, flushMs: config.projection.flushMs, log, ...(onBatch && { onBatch }) });

  /** Starts a rebuild in the background; false if one is running or ClickHouse is not ready. */
  function rebuild(): boolean {
    if (!ch || !runner || rebuildProgress.state === 'running' || rebuildProgress.state === 'swapping') return false;
    const c = ch;
    void rebuildReadModels({
      store, ch: c, projections, services: projectionServices(store, config.clock), progress: rebuildProgress,
      pauseLive: async () => runner?.stop(),
      resumeLive: async () => {
        runner = newRunner(c);
        await runner.start();
      },
    }).catch((error: unknown) => log.error({ err: error }, 'rebuild failed'));
    return true;
  }

  // Kept across attempts: a migration recorded before a failed start is not applied a second time.
  let fillNewReadModels = false;
  const ready = (async () => {
    for (let attempt = 0; !stopped; attempt++) {
      try {
        ch = await openClickHouse(config);
        const applied = await migrate(ch, migrations);
        if (applied.length > 0) log.info({ applied }, 'read-model migrations applied');
        fillNewReadModels ||= rebuildNeeded(applied, migrations);
        runner = newRunner(ch);
        await runner.start();
        if (fillNewReadModels && rebuild()) log.info({}, 'rebuilding the read models to fill the ones a migration added from the log');
        return;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
        if (isLockConflict(lastError)) throw new Error(`the ClickHouse data directory ${config.dataDir}/clickhouse is in use by another process: ${lastError}`);
        await ch?.close().catch(() => {});
        ch = undefined;
        log.warn({ err: lastError, attempt }, 'ClickHouse unavailable; read models will catch up when it is back');
        await new Promise((r) => setTimeout(r, Math.min(10_000, 500 * 2 ** Math.min(attempt, 5))));
      }
    }
  })();

  return {
    ready,
    clickhouse: () => ch,
    status(): RunnerStatus {
      return runner?.status() ?? { state: 'starting', checkpoint: -1n, lastError, batches: 0, events: 0, lastRecordedAt: null };
    },
    rebuildProgress: (): RebuildProgress => ({ ...rebuildProgress }),
    rebuild,
    async stop(): Promise<void> {
      stopped = true;
      await runner?.stop();
      await ch?.close();
    },
  };
}

const isLockConflict = (message: string) => /Cannot lock file|already in use|different on-disk path/i.test(message);
