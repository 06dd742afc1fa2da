import { onCluster, replacingEngine, type DdlContext } from '../../infra/clickhouse/ddl.ts';

/** Every published version of every matter (the case binds to the version in force at acceptance). */
export const mattersTable = (ctx: DdlContext, name: string) => `
  CREATE TABLE IF NOT EXISTS ${name}${onCluster(ctx)} (
    matter_code LowCardinality(String), version UInt32, name String, matter_type LowCardinality(String),
    level LowCardinality(String), dept_code LowCardinality(String),
    statutory_limit UInt16, statutory_unit LowCardinality(String), promised_limit UInt16, promised_unit LowCardinality(String),
    case_kind LowCardinality(String), charges UInt8, online UInt8, online_required UInt8, joint_handling UInt8,
    allowed_special_procedures Array(String), steps String, fee_items String,
    valid_from Date, valid_to Nullable(Date), position UInt64
  ) ENGINE = ${replacingEngine(ctx, name, 'position')} ORDER BY (matter_code, version)`;

export const departmentsTable = (ctx: DdlContext, name: string) => `
  CREATE TABLE IF NOT EXISTS ${name}${onCluster(ctx)} (
    code String, name String, division_code LowCardinality(String), parent_code String, position UInt64
  ) ENGINE = ${replacingEngine(ctx, name, 'position')} ORDER BY code`;

export const windowsTable = (ctx: DdlContext, name: string) => `
  CREATE TABLE IF NOT EXISTS ${name}${onCluster(ctx)} (
    window_id String, name String, centre_name String, level LowCardinality(String), division_code LowCardinality(String),
    comprehensive UInt8, dept_codes Array(String), matter_codes Array(String), position UInt64
  ) ENGINE = ${replacingEngine(ctx, name, 'position')} ORDER BY window_id`;

/** One row per day of each published year, so SQL can count working days without our code. */
export const calendarDaysTable = (ctx: DdlContext, name: string) => `
  CREATE TABLE IF NOT EXISTS ${name}${onCluster(ctx)} (
    day Date, year UInt16, working UInt8, kind LowCardinality(String), holiday String, source String, position UInt64
  ) ENGINE = ${replacingEngine(ctx, name, 'position')} ORDER BY day`;
