/**
 * DDL that serves a single node and a cluster alike: the cluster name and the engine family come
 * from configuration, so one set of migrations creates `ReplacingMergeTree` tables on one machine
 * and `ReplicatedReplacingMergeTree` tables ON CLUSTER in production.
 */
export interface DdlContext {
  database: string;
  cluster?: string;
}

export const onCluster = (ctx: DdlContext): string => (ctx.cluster ? ` ON CLUSTER ${ctx.cluster}` : '');

/** ReplacingMergeTree keyed by the table's ORDER BY, keeping the row with the highest `version`. */
export function replacingEngine(ctx: DdlContext, table: string, version: string): string {
  if (!ctx.cluster) return `ReplacingMergeTree(${version})`;
  return `ReplicatedReplacingMergeTree('/clickhouse/tables/{shard}/${ctx.database}/${table}', '{replica}', ${version})`;
}

/** Instants are stored in UTC with millisecond precision; civil dates use `Date` (the deployment's zone). */
export const INSTANT = "DateTime64(3, 'UTC')";
