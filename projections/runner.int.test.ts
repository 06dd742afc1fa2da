import { defaultClockConfig } from '../domain/clock/index.ts';
import { projectionServices } from './projection.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCalendar } from '../domain/calendar/index.ts';
import type { CaseEvent } from '../domain/events/catalogue.ts';
import type { ClickHouse } from '../infra/clickhouse/client.ts';
import { migrate } from '../infra/clickhouse/migrations.ts';
import { createSqliteEventStore } from '../infra/event-store/sqlite.ts';
import { loadSeed } from '../infra/seed.ts';
import { aConcludedCaseHistory, caseEventOf } from '../test/builders/case-events.ts';
import { testClickHouse } from '../test/support/chdb.ts';
import { projected } from '../test/support/projected.ts';
import { migrations, projections } from './index.ts';
import { createRunner, type ProjectionRunner } from './runner.ts';

const store = createSqliteEventStore({ file: join(mkdtempSync(join(tmpdir(), 'sunlight-proj-')), 'events.db') });
let ch: ClickHouse;

const appendCase = (events: CaseEvent[]) =>
  store.append({ streamId: `case-${events[0]!.caseId}`, expectedRevision: 'any', events: events.map((e) => ({ eventId: e.eventId, type: e.type, data: e, recordedAt: new Date().toISOString() })) });
const count = async (sql: string) => Number((await (await ch.client.query({ query: sql, format: 'JSONEachRow' })).json<{ n: string }>())[0]!.n);
const runner = (overrides: Partial<Parameters<typeof createRunner>[0]> = {}) =>
  createRunner({ store, ch, projections, services: projectionServices(store, defaultClockConfig), batchSize: 50, flushMs: 20, ...overrides });
const caughtUp = (r: ProjectionRunner) => projected(store, r);

beforeAll(async () => {
  ch = await testClickHouse();
  await migrate(ch, migrations);
  await loadSeed(store, new Date());
  for (let i = 0; i < 30; i++) await appendCase(aConcludedCaseHistory(`QH-P-${i}`));
});
afterAll(async () => store.close());

describe('given a log of reference data and case events', () => {
  let live: ProjectionRunner;
  beforeAll(async () => {
    live = runner();
    await live.start();
    await caughtUp(live);
  });
  afterAll(async () => live.stop());

  it('every case event becomes one row of the events table, with personal data masked', async () => {
    expect(await count('SELECT count() n FROM events FINAL')).toBe(30 * aConcludedCaseHistory('x').length);
    const payload = JSON.parse((await (await ch.client.query({ query: "SELECT payload FROM events FINAL WHERE case_id = 'QH-P-1' AND type = 'CaseSubmitted'", format: 'JSONEachRow' })).json<{ payload: string }>())[0]!.payload);
    expect(payload.applicant.idNumber).toMatch(/^\d{3}\*+\w{4}$/);
  });

  it('the calendar table agrees with the working-day calendar on every day of 2026', async () => {
    const rows = await (await ch.client.query({ query: 'SELECT toString(day) d, working FROM calendar_days FINAL WHERE year = 2026 ORDER BY day', format: 'JSONEachRow' })).json<{ d: string; working: number }>();
    expect(rows).toHaveLength(365);
    for (const r of rows) expect(Boolean(r.working), r.d).toBe(defaultCalendar().isWorkingDay(r.d));
  });

  it('reference data, fees and ratings are projected', async () => {
    expect(await count('SELECT count() n FROM matters FINAL')).toBeGreaterThan(10);
    expect(await count('SELECT count() n FROM fees FINAL')).toBe(aConcludedCaseHistory('x').filter((e) => e.type === 'FeeCharged').length * 30);
    expect(await count('SELECT count() n FROM ratings FINAL')).toBe(aConcludedCaseHistory('x').filter((e) => e.type === 'RatingSubmitted').length * 30);
  });

  it('derives the divisions of the seed county from its departments and windows', async () => {
    const rows = await (await ch.client.query({ query: "SELECT division_code, level, centre_name FROM divisions ORDER BY division_code", format: 'JSONEachRow' })).json<{ division_code: string; level: string; centre_name: string }>();
    expect(rows[0]).toMatchObject({ division_code: '329901', level: 'county' });
    expect(rows.filter((r) => r.level === 'town').map((r) => r.centre_name)).toEqual(expect.arrayContaining(['青石镇便民服务中心']));
  });

  it('keeps tailing: an event appended later is projected', async () => {
    await appendCase([caseEventOf('ComplaintFiled', 'QH-P-LATE')]);
    await caughtUp(live);
    expect(await count("SELECT count() n FROM complaints FINAL WHERE case_id = 'QH-P-LATE'")).toBe(1);
  });

  it('replaying the whole log again changes nothing that a reader sees', async () => {
    const before = await count('SELECT count() n FROM events FINAL');
    // Forget the checkpoint, so a second runner projects the whole log again into the same tables.
    await ch.client.command({ query: "ALTER TABLE projection_checkpoints DELETE WHERE name = 'main'", clickhouse_settings: { mutations_sync: '2' } });
    const again = runner();
    await again.start();
    await caughtUp(again);
    await again.stop();
    expect(await count('SELECT count() n FROM events FINAL')).toBe(before);
    expect(await count('SELECT count() n FROM events')).toBeGreaterThanOrEqual(before);
  });
});

describe('when ClickHouse is unavailable', () => {
  it('retries the same batch with backoff, reports it, and loses nothing once it is back', async () => {
    const db = await testClickHouse('unavailable_test');
    await migrate(db, migrations);
    let failures = 3;
    const flaky: ClickHouse = {
      ...db,
      client: new Proxy(db.client, {
        get(target, prop, receiver) {
          if (prop === 'insert' && failures > 0) {
            return async () => {
              failures--;
              throw new Error('ECONNREFUSED (simulated outage)');
            };
          }
          const value = Reflect.get(target, prop, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      }),
    };
    const states: string[] = [];
    const r = createRunner({ store, ch: flaky, projections, services: projectionServices(store, defaultClockConfig), batchSize: 10_000, flushMs: 20, log: { warn: () => states.push('retrying'), info: () => {} } });
    await r.start();
    const head = await store.headPosition();
    while (r.status().checkpoint < head) await new Promise((res) => setTimeout(res, 20));
    await r.stop();
    expect(states.length).toBe(3);
    const n = Number((await (await db.client.query({ query: 'SELECT count() n FROM events FINAL', format: 'JSONEachRow' })).json<{ n: string }>())[0]!.n);
    expect(n).toBe(30 * aConcludedCaseHistory('x').length + 1);
  });
});
