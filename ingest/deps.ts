import type { FastifyBaseLogger } from 'fastify';
import type { TokenRegistry } from '../infra/auth/tokens.ts';
import type { EventStore } from '../infra/event-store/port.ts';
import type { Alerting } from '../alerts/service.ts';
import type { ClickHouse } from '../infra/clickhouse/client.ts';
import type { CaseClockView } from '../infra/case-clock.ts';
import type { BatchPreparer } from './batch-preparer.ts';
import type { RebuildProgress } from '../projections/rebuild.ts';
import type { RunnerStatus } from '../projections/runner.ts';

/** What the HTTP slice needs, built by the composition root and passed in (no Fastify decorators). */
export interface IngestDeps {
  store: EventStore;
  tokens: TokenRegistry;
  limits: { maxEvents: number; maxBytes: number };
  /** Which store backs the log, reported by /health. */
  storeKind: string;
  now: () => Date;
  /**
   * The instant deadlines are judged against: the wall clock, except while the demo county is
   * still replaying the past, when it is the demo's simulated present.
   */
  supervisionNow?: () => Date;
  /** Parses and validates event batches: inline, or on worker threads in the server. */
  preparer: BatchPreparer;
  /** The projection runner, when read models are maintained by this process. */
  /** Alerting (books, feed, webhooks, scheduler), when this process evaluates the rules. */
  alerting?: Alerting;
  /** The read models' ClickHouse, once it is open. */
  clickhouse?: () => ClickHouse | undefined;
  /** Computes a case's clock from the log (see infra/case-clock.ts). */
  caseClock?(caseId: string): Promise<CaseClockView | null>;
  projection?: { status(): RunnerStatus; rebuild?(): boolean; rebuildProgress?(): RebuildProgress };
  logger?: FastifyBaseLogger;
}
