import { describe, expect, it } from 'vitest';
import type { ClickHouse } from '../infra/clickhouse/client.ts';
import type { DdlContext } from '../infra/clickhouse/ddl.ts';
import { migrate, rebuildNeeded } from '../infra/clickhouse/migrations.ts';
import { testClickHouse } from '../test/support/chdb.ts';
import { migrations } from './index.ts';

const tablesOf = async (ch: ClickHouse) =>
  (await (await ch.client.query({ query: 'SELECT name FROM system.tables WHERE database = currentDatabase()', format: 'JSONEachRow' })).json<{ name: string }>()).map((r) => r.name);

describe('the read-model migrations', () => {
  it('given a database at version 3, versions 4 to 8 alone apply: the alert tables are added, and a rebuild is asked for to fill them from the log', async () => {
    const ch = await testClickHouse(`m_v3_${Date.now()}`);
    expect(await migrate(ch, migrations.filter((m) => m.version <= 3))).toEqual([1, 2, 3]);
    expect(await tablesOf(ch)).not.toContain('alerts');
    const applied = await migrate(ch, migrations);
    expect(applied).toEqual([4, 5, 6, 7, 8]);
    expect(await tablesOf(ch)).toEqual(expect.arrayContaining(['alerts', 'alert_events']));
    expect(rebuildNeeded(applied, migrations)).toBe(true);
    expect(await migrate(ch, migrations)).toEqual([]);
  });

  it('given a fresh database, every version applies at once and nothing needs a rebuild: the runner projects from the start', async () => {
    const ch = await testClickHouse(`m_fresh_${Date.now()}`);
    const applied = await migrate(ch, migrations);
    expect(applied).toEqual(migrations.map((m) => m.version));
    expect(rebuildNeeded(applied, migrations)).toBe(false);
    // Tables read by case are created with fine granules (migration 5 brings older ones to it by the rebuild).
    const ddl = await (await ch.client.query({ query: "SELECT name, create_table_query AS q FROM system.tables WHERE database = currentDatabase() AND name IN ('events', 'cases', 'case_steps', 'fees', 'ratings', 'alert_events')", format: 'JSONEachRow' })).json<{ name: string; q: string }>();
    expect(ddl).toHaveLength(6);
    for (const t of ddl) expect(t.q, t.name).toMatch(/index_granularity = 256/);
  });

  it('given a database at version 6, version 7 adds the tables of the alert verdicts and asks for no rebuild: nothing in them comes from the log', async () => {
    const ch = await testClickHouse(`m_v6_${Date.now()}`);
    await migrate(ch, migrations.filter((m) => m.version <= 6));
    const applied = await migrate(ch, migrations);
    expect(applied).toEqual([7, 8]);
    expect(await tablesOf(ch)).toEqual(expect.arrayContaining(['alert_verdicts', 'alert_verdict_snapshots']));
    expect(rebuildNeeded(applied, migrations)).toBe(false);
  });

  it('given a database at version 7, version 8 adds the wake column to the verdicts and asks for no rebuild', async () => {
    const ch = await testClickHouse(`m_v7_${Date.now()}`);
    await migrate(ch, migrations.filter((m) => m.version <= 7));
    const applied = await migrate(ch, migrations);
    expect(applied).toEqual([8]);
    const columns = await (await ch.client.query({ query: "SELECT name, type FROM system.columns WHERE database = currentDatabase() AND table = 'alert_verdicts'", format: 'JSONEachRow' })).json<{ name: string; type: string }>();
    expect(columns).toContainEqual({ name: 'wake', type: 'Nullable(Int64)' });
    expect(rebuildNeeded(applied, migrations)).toBe(false);
  });

  it('given an events table from before version 6, the staff number column is added after the name, and a rebuild is asked for to fill it', async () => {
    const ch = await testClickHouse(`m_v5_${Date.now()}`);
    await migrate(ch, migrations.filter((m) => m.version <= 5));
    // Version 1 now creates the column itself; dropping it gives the table an older database has.
    await ch.client.command({ query: 'ALTER TABLE events DROP COLUMN actor_staff_no' });
    const applied = await migrate(ch, migrations);
    expect(applied).toEqual([6, 7, 8]);
    expect(rebuildNeeded(applied, migrations)).toBe(true);
    const columns = await (await ch.client.query({ query: "SELECT name FROM system.columns WHERE database = currentDatabase() AND table = 'events' ORDER BY position", format: 'JSONEachRow' })).json<{ name: string }>();
    const names = columns.map((c) => c.name);
    expect(names.slice(names.indexOf('actor_name'), names.indexOf('actor_name') + 3)).toEqual(['actor_name', 'actor_staff_no', 'actor_role']);
  });

  it('every statement can run again without error (IF NOT EXISTS), so a migration interrupted before it was recorded is rerun safely', async () => {
    const ch = await testClickHouse(`m_twice_${Date.now()}`);
    const ctx: DdlContext = { database: ch.database };
    for (const m of migrations) for (const query of [...m.up(ctx), ...m.up(ctx)]) await ch.client.command({ query });
    expect(await tablesOf(ch)).toEqual(expect.arrayContaining(['alerts', 'alert_events', 'events', 'cases', 'daily_stats']));
  });
});
