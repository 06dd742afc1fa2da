import { CASE_LOOKUP_SETTINGS, INSTANT, onCluster, replacingEngine, type DdlContext } from '../../infra/clickhouse/ddl.ts';

/** Every case event, flattened, for audit queries and analytics. Personal data is masked here. */
export const eventsTable = (ctx: DdlContext, name: string) => `
  CREATE TABLE IF NOT EXISTS ${name}${onCluster(ctx)} (
    position       UInt64,
    stream_id      String,
    revision       UInt64,
    event_id       String,
    case_id        String,
    type           LowCardinality(String),
    seq            UInt32,
    occurred_at    ${INSTANT},
    recorded_at    ${INSTANT},
    matter_code    LowCardinality(String),
    matter_version UInt32,
    dept_code      LowCardinality(String),
    dept_name      LowCardinality(String),
    window_id      LowCardinality(String),
    division_code  LowCardinality(String),
    channel        LowCardinality(String),
    source_system  LowCardinality(String),
    actor_name     String,
    actor_staff_no String,
    actor_role     LowCardinality(String),
    data_version   UInt32,
    payload        String,
    hash           String
  ) ENGINE = ${replacingEngine(ctx, name, 'position')}
  PARTITION BY toYYYYMM(occurred_at)
  ORDER BY (case_id, position)
  ${CASE_LOOKUP_SETTINGS}`;
