import { onCluster, type DdlContext } from '../infra/clickhouse/ddl.ts';
import { verdictTables, verdictWakeColumn } from '../alerts/verdict-snapshots.ts';
import type { Migration } from '../infra/clickhouse/migrations.ts';
import { dailyStatsView } from './aggregates/daily-stats.ts';
import { alertsProjection } from './alerts/index.ts';
import { divisionsView } from './reference/divisions.ts';
import { casesProjection } from './cases/index.ts';
import { checkpointsTable } from './checkpoint.ts';
import { complaintsProjection } from './complaints/index.ts';
import { eventsProjection } from './events/index.ts';
import { feesProjection } from './fees/index.ts';
import type { Projection } from './projection.ts';
import { ratingsProjection } from './ratings/index.ts';
import { referenceProjection } from './reference/index.ts';

/** The read models of the first schema version: migration 1 creates exactly these, whatever is added later. */
const firstVersion: Projection[] = [referenceProjection, eventsProjection, casesProjection, feesProjection, ratingsProjection, complaintsProjection];

/** Every read model the runner maintains, in one place. */
export const projections: Projection[] = [...firstVersion, alertsProjection];

/** Every table the projections write, with its DDL, plus the checkpoint table. */
export function allTables(list: Projection[] = projections): Record<string, (ctx: DdlContext, name: string) => string> {
  return Object.assign({ projection_checkpoints: checkpointsTable }, ...list.map((p) => p.tables));
}

/** Versioned schema of the read models. A changed table gets a new migration, never an edited one. */
export const migrations: Migration[] = [
  {
    version: 1,
    name: 'read models: events, cases, case steps, reference data, fees, ratings, complaints, checkpoints',
    up: (ctx) => Object.entries(allTables(firstVersion)).map(([name, ddl]) => ddl(ctx, name)),
  },
  { version: 2, name: 'daily_stats view for performance rankings', up: (ctx) => [dailyStatsView(ctx)] },
  { version: 3, name: 'divisions view over departments and windows', up: (ctx) => [divisionsView(ctx)] },
  {
    version: 4,
    name: 'alerts and alert_events: the alert lifecycle (domain.md §5)',
    up: (ctx) => Object.entries(alertsProjection.tables).map(([name, ddl]) => ddl(ctx, name)),
    fillsFromLog: true,
  },
  {
    version: 5,
    name: 'tables read by case rebuilt with 256-row granules (CASE_LOOKUP_SETTINGS)',
    // The granule size is fixed when a table is created: the rebuild this asks for recreates every
    // read model from its current DDL.
    up: () => [],
    fillsFromLog: true,
  },
  {
    version: 6,
    name: 'events.actor_staff_no: the staff number (工号) that tells apart clerks of one name',
    // The column fills only as events are projected; the rebuild fills it for the events already there.
    up: (ctx) => [`ALTER TABLE events${onCluster(ctx)} ADD COLUMN IF NOT EXISTS actor_staff_no String DEFAULT '' AFTER actor_name`],
    fillsFromLog: true,
  },
  // Not read models: what alerting's rules last found, kept across restarts (nothing to fill from the log).
  { version: 7, name: 'alert_verdicts and alert_verdict_snapshots: the rules\' verdicts across restarts', up: (ctx) => verdictTables(ctx) },
  { version: 8, name: 'alert_verdicts.wake: when a time-driven rule\'s verdict on a case may change with no event', up: (ctx) => [verdictWakeColumn(ctx)] },
];
