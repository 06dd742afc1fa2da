import { describe, expect, it } from 'vitest';
import { clickHouseUnderTest, testClickHouse } from '../../test/support/chdb.ts';

// The read-model tests (projections/**) run against embedded chDB, and against a ClickHouse
// server when CLICKHOUSE_URL is set. No server can run on the development machines.
describe(`ClickHouse under test: ${clickHouseUnderTest}`, () => {
  it('answers with the pinned settings (zone, date-time output, 64-bit integers as strings), as chDB and a server must alike', async () => {
    // toDate() of a UTC column answers in the column's zone; the deployment's day needs timezone().
    const ch = await testClickHouse();
    const [row] = await (
      await ch.client.query({ query: "SELECT timezone() AS tz, toDateTime64('2026-03-16 01:30:00', 3, 'UTC') AS t, toDate(toDateTime64('2026-03-16 17:30:00', 3, 'UTC'), timezone()) AS local_day, toUInt64(1) AS big", format: 'JSONEachRow' })
    ).json<Record<string, unknown>>();
    expect(row).toEqual({ tz: 'Asia/Shanghai', t: '2026-03-16T01:30:00.000Z', local_day: '2026-03-17', big: '1' });
    await ch.close();
  });

  if (!process.env.CLICKHOUSE_URL) {
    it.skip('server run skipped: no ClickHouse server given; set CLICKHOUSE_URL=http://host:8123 (and CLICKHOUSE_USER/PASSWORD) to run every read-model test against it', () => {});
  }
});
