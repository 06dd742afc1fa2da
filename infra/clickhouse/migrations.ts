import type { ClickHouse } from './client.ts';
import { onCluster, replacingEngine, type DdlContext } from './ddl.ts';

/** A versioned schema change. Statements must be idempotent (IF NOT EXISTS), so a re-run is harmless. */
export interface Migration {
  version: number;
  name: string;
  up(ctx: DdlContext): string[];
  /**
   * The migration adds a read model the log must fill, or changes how existing ones are stored.
   * The runner only projects what follows its checkpoint, so a database that already had read
   * models needs a rebuild, which fills every table afresh from its current DDL.
   */
  fillsFromLog?: boolean;
}

/** Whether the migrations just applied leave new read models empty: only on a database that existed before them. */
export function rebuildNeeded(applied: readonly number[], migrations: readonly Migration[]): boolean {
  const first = Math.min(...migrations.map((m) => m.version));
  return !applied.includes(first) && migrations.some((m) => m.fillsFromLog && applied.includes(m.version));
}

/** Applies, in version order, every migration not yet recorded in `schema_migrations`. */
export async function migrate(ch: ClickHouse, migrations: Migration[]): Promise<number[]> {
  const ctx: DdlContext = { database: ch.database, ...(ch.cluster && { cluster: ch.cluster }) };
  await ch.client.command({
    query: `CREATE TABLE IF NOT EXISTS schema_migrations${onCluster(ctx)} (version UInt32, name String, applied_at DateTime64(3, 'UTC'))
            ENGINE = ${replacingEngine(ctx, 'schema_migrations', 'applied_at')} ORDER BY version`,
  });
  const rows = await (await ch.client.query({ query: 'SELECT version FROM schema_migrations FINAL', format: 'JSONEachRow' })).json<{ version: number }>();
  const done = new Set(rows.map((r) => Number(r.version)));
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(m.version)) continue;
    for (const query of m.up(ctx)) await ch.client.command({ query });
    await ch.client.insert({ table: 'schema_migrations', values: [{ version: m.version, name: m.name, applied_at: new Date().toISOString() }], format: 'JSONEachRow' });
    applied.push(m.version);
  }
  return applied;
}
