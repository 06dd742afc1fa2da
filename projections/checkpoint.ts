import type { ClickHouse } from '../infra/clickhouse/client.ts';
import { chInstant } from '../infra/clickhouse/insert.ts';
import { INSTANT, onCluster, replacingEngine, type DdlContext } from '../infra/clickhouse/ddl.ts';

/**
 * The projection's checkpoint lives in ClickHouse beside the rows it covers and is written after
 * them: after a crash the runner resumes from a position whose rows are surely written, and
 * replays at most one batch, which the version columns make harmless.
 */
export const checkpointsTable = (ctx: DdlContext, name: string) => `
  CREATE TABLE IF NOT EXISTS ${name}${onCluster(ctx)} (
    name String, position Int64, updated_at ${INSTANT}
  ) ENGINE = ${replacingEngine(ctx, name, 'position')} ORDER BY name`;

export async function readCheckpoint(ch: ClickHouse, table: string, name: string): Promise<bigint | undefined> {
  const rows = await (
    await ch.client.query({ query: `SELECT position FROM ${table} FINAL WHERE name = {name:String}`, query_params: { name }, format: 'JSONEachRow' })
  ).json<{ position: string }>();
  return rows[0] ? BigInt(rows[0].position) : undefined;
}

export async function writeCheckpoint(ch: ClickHouse, table: string, name: string, position: bigint): Promise<void> {
  await ch.client.insert({ table, values: [{ name, position: position.toString(), updated_at: chInstant(new Date().toISOString()) }], format: 'JSONEachRow' });
}
