import { CASE_LOOKUP_SETTINGS, INSTANT, onCluster, replacingEngine, type DdlContext } from '../../infra/clickhouse/ddl.ts';

/**
 * Each alert as it stands (domain.md §5), folded from its `alert-<id>` stream. The `*_at` columns
 * hold the latest time each step happened, so a reopened alert keeps the time it was last closed:
 * `status` says where it stands now. `level` is the current tier, `raised_level` the one that
 * fixed its id. Free text is scanned for ID and phone numbers (§7 rule 5).
 */
export const alertsTable = (ctx: DdlContext, name: string) => `
  CREATE TABLE IF NOT EXISTS ${name}${onCluster(ctx)} (
    alert_id String, case_id String, rule_id LowCardinality(String), rule_version UInt32, dept_code LowCardinality(String),
    raised_level LowCardinality(String), level LowCardinality(String), status LowCardinality(String), closed_by LowCardinality(String),
    reason String, evidence_event_ids Array(String), raised_at ${INSTANT}, reply_due_at Nullable(${INSTANT}),
    notified_at Nullable(${INSTANT}), acknowledged_at Nullable(${INSTANT}), replied_at Nullable(${INSTANT}),
    escalated_at Nullable(${INSTANT}), appealed_at Nullable(${INSTANT}), dismissed_at Nullable(${INSTANT}), closed_at Nullable(${INSTANT}),
    event_count UInt32, version UInt64
  ) ENGINE = ${replacingEngine(ctx, name, 'version')} ORDER BY alert_id`;

/**
 * Every lifecycle event of every alert, with the case and rule it concerns and where it left the
 * alert (`status`, `level`). The 回告 text (explanation, corrective action) and the reasons and
 * notes of the other steps are kept, scanned for ID and phone numbers; actors by role only.
 */
export const alertEventsTable = (ctx: DdlContext, name: string) => `
  CREATE TABLE IF NOT EXISTS ${name}${onCluster(ctx)} (
    position UInt64, event_id String, alert_id String, case_id String, rule_id LowCardinality(String), dept_code LowCardinality(String),
    type LowCardinality(String), occurred_at ${INSTANT}, recorded_at ${INSTANT}, actor_role LowCardinality(String),
    status LowCardinality(String), level LowCardinality(String), explanation String, corrective_action String, reason String
  ) ENGINE = ${replacingEngine(ctx, name, 'position')} PARTITION BY toYYYYMM(occurred_at) ORDER BY (case_id, alert_id, event_id) ${CASE_LOOKUP_SETTINGS}`;
