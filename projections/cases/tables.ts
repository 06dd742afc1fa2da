import { CASE_LOOKUP_SETTINGS, INSTANT, onCluster, replacingEngine, type DdlContext } from '../../infra/clickhouse/ddl.ts';

/**
 * Each case's current state and clock: what "which cases are due, which are late" is asked of.
 * The instants (warn_at, overdue_at) make the warning rules plain comparisons with now().
 */
export const casesTable = (ctx: DdlContext, name: string) => `
  CREATE TABLE IF NOT EXISTS ${name}${onCluster(ctx)} (
    case_id String, matter_code LowCardinality(String), matter_version Nullable(UInt32), matter_source LowCardinality(String),
    dept_code LowCardinality(String), dept_name LowCardinality(String), window_id LowCardinality(String), division_code LowCardinality(String),
    channel LowCardinality(String), online UInt8, status LowCardinality(String), kind LowCardinality(String),
    submitted_on Nullable(Date), accepted_on Nullable(Date), acceptance_basis LowCardinality(String),
    deemed_state LowCardinality(String), deemed_at Nullable(${INSTANT}),
    promised_state LowCardinality(String), promised_limit Nullable(UInt16), promised_unit LowCardinality(String), extension_days UInt16,
    due_date Nullable(Date), warn_at Nullable(${INSTANT}), due_at Nullable(${INSTANT}), overdue_at Nullable(${INSTANT}),
    consumed_days UInt16, used_days Nullable(UInt16), overrun_days Nullable(Int16), classification LowCardinality(String),
    paused_days UInt16, pause_count UInt16,
    statutory_state LowCardinality(String), statutory_limit Nullable(UInt16), statutory_due_date Nullable(Date),
    statutory_warn_at Nullable(${INSTANT}), statutory_overdue_at Nullable(${INSTANT}), statutory_used_days Nullable(UInt16),
    statutory_classification LowCardinality(String),
    ended_on Nullable(Date), ended_by LowCardinality(String), ended_at Nullable(${INSTANT}),
    result_code LowCardinality(String), fee_total Decimal(18, 2), event_count UInt32,
    anomalies Array(String), anomaly_details String, calendar_fallback UInt8, version UInt64
  ) ENGINE = ${replacingEngine(ctx, name, 'version')} ORDER BY case_id ${CASE_LOOKUP_SETTINGS}`;

/** Each run of a catalogue step with its own clock (domain.md §3.2 step 9; IR08). */
export const caseStepsTable = (ctx: DdlContext, name: string) => `
  CREATE TABLE IF NOT EXISTS ${name}${onCluster(ctx)} (
    case_id String, step_code LowCardinality(String), occurrence UInt16, step_no UInt16, step_name String,
    dept_code LowCardinality(String), started_on Date, completed_on Nullable(Date), step_limit Nullable(UInt16),
    due_date Nullable(Date), warn_at Nullable(${INSTANT}), overdue_at Nullable(${INSTANT}), used_days Nullable(UInt16),
    overrun Nullable(UInt8), classification LowCardinality(String), version UInt64
  ) ENGINE = ${replacingEngine(ctx, name, 'version')} ORDER BY (case_id, step_code, occurrence) ${CASE_LOOKUP_SETTINGS}`;
