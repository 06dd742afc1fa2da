import { mkdirSync } from 'node:fs';
import { pino } from 'pino';
import { buildApp } from '../ingest/app.ts';
import { inlinePreparer, workerPreparer } from '../ingest/batch-preparer.ts';
import { loadTokens } from './auth/load-tokens.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openEventStore } from './event-store/open.ts';
import { startAlerting, type Alerting } from '../alerts/service.ts';
import type { WorkingCalendar } from '../domain/calendar/index.ts';
import type { IngestDeps } from '../ingest/deps.ts';
import { ReferenceData } from '../projections/services/reference-data.ts';
import { caseClockService } from './case-clock.ts';
import type { EventStore } from './event-store/port.ts';
import { demoWanted, startDemo } from './demo.ts';
import { startReadModels } from './read-models.ts';
import { loadSeed } from './seed.ts';
import { clearRunningServer, recordRunningServer } from './server-lock.ts';

/** Composition root: configuration → adapters → app → listening server, and a clean shutdown. */
async function main(): Promise<void> {
  const config = loadConfig();
  mkdirSync(config.dataDir, { recursive: true });
  const store = await openEventStore(config);
  const { registry, generatedAdminToken } = loadTokens(config);
  const preparer = config.ingest.workers > 0 ? workerPreparer(config.ingest.workers) : inlinePreparer();
  const logger = pino({ level: config.logLevel });
  let alerting: Alerting | undefined;
  let demoRun: ReturnType<typeof startDemo> | undefined;
  // While the demo replays the past, deadlines are judged at its simulated present, not today.
  const supervisionNow = () => (demoRun && !demoRun.status().caughtUp ? new Date(demoRun.status().simulatedNow) : new Date());
  const readModels = config.projection.enabled
    ? startReadModels(config, store, logger, (batch) => void alerting?.scheduler.touched(batch.caseIds, batch.to))
    : undefined;
  const deps: IngestDeps = {
    store, tokens: registry, limits: config.ingest, storeKind: config.eventStore.kind, now: () => new Date(), preparer,
    ...(readModels && { projection: readModels, clickhouse: readModels.clickhouse }),
    caseClock: caseClockService(store, config.clock, () => supervisionNow()),
    supervisionNow: () => supervisionNow(),
  };
  const app = await buildApp(deps, { logger });
  const demo = (await demoWanted(store, config.dataDir, config.demo.mode))
    ? () => startDemo({ store, dataDir: config.dataDir, timeZone: config.timeZone, speed: config.demo.speed, seed: config.demo.seed, log: logger })
    : undefined;
  const seeded = await loadSeed(store, new Date());
  if (seeded.appended > 0) app.log.info({ events: seeded.appended }, 'loaded reference data (calendars, demo county)');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    demoRun?.stop();
    await app.close();
    await alerting?.stop();
    await readModels?.stop();
    await preparer.close();
    await store.close();
    clearRunningServer(config.dataDir);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  const url = await app.listen({ host: config.host, port: config.port });
  recordRunningServer(config.dataDir, { pid: process.pid, url, startedAt: new Date().toISOString() });
  app.log.info({ dataDir: config.dataDir, eventStore: config.eventStore.kind, clickhouse: config.clickhouse.kind }, 'Sunlight is running');
  demoRun = demo?.();
  readModels?.ready.then(
    async () => {
      alerting = await startAlerting({
        store, clickhouse: readModels.clickhouse, calendar: currentCalendar(store), timeZone: config.timeZone,
        config: config.alerts.lifecycle, thresholds: config.alerts.thresholds, intervalSeconds: config.alerts.intervalSeconds, sweepCron: config.alerts.sweepCron, webhooks: config.alerts.webhooks, log: logger,
        now: supervisionNow,
        // More than two batches behind the log: catching up, not keeping up.
        behind: async () => (await store.headPosition()) - readModels.status().checkpoint > BigInt(2 * config.projection.batchSize),
      });
      deps.alerting = alerting;
      app.log.info({ intervalSeconds: config.alerts.intervalSeconds, sweepCron: config.alerts.sweepCron ?? 'off' }, 'alerting started');
    },
    (error: unknown) => {
      app.log.fatal({ err: error }, 'read models cannot start');
      void shutdown('read models failed');
    },
  );
  if (generatedAdminToken) printAdminToken(generatedAdminToken, config.auth.tokensFile);
}

/** The working calendar as published in the log, re-read at most once a minute. */
function currentCalendar(store: EventStore): () => Promise<WorkingCalendar> {
  let cached: { at: number; calendar: Promise<WorkingCalendar> } | undefined;
  return () => {
    if (!cached || Date.now() - cached.at > 60_000) cached = { at: Date.now(), calendar: store.headPosition().then((head) => new ReferenceData(store).calendarAt(head)) };
    return cached.calendar;
  };
}

function printAdminToken(token: string, file: string): void {
  process.stdout.write(
    `\n  No admin token was configured, so one was generated. It is shown only this once:\n\n    ${token}\n\n` +
      `  Its hash is kept in ${file}. Set SUNLIGHT_ADMIN_TOKEN to choose your own.\n\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error?.stack ?? error}\n`);
  process.exit(1);
});
