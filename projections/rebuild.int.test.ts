import { defaultClockConfig } from '../domain/clock/index.ts';
import { projectionServices } from './projection.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { noAlert, raiseCommand } from '../domain/alerts/scenarios.fixture.ts';
import type { CaseEvent } from '../domain/events/catalogue.ts';
import type { ClickHouse } from '../infra/clickhouse/client.ts';
import { migrate } from '../infra/clickhouse/migrations.ts';
import { createSqliteEventStore } from '../infra/event-store/sqlite.ts';
import { loadSeed } from '../infra/seed.ts';
import { aConcludedCaseHistory, caseEventOf } from '../test/builders/case-events.ts';
import { appendAlertEvents } from '../test/support/alert-streams.ts';
import { testClickHouse } from '../test/support/chdb.ts';
import { projected } from '../test/support/projected.ts';
import { allTables, migrations, projections } from './index.ts';
import { idleProgress, rebuildReadModels } from './rebuild.ts';
import { createRunner, type ProjectionRunner } from './runner.ts';
import { StreamHistories } from './services/stream-histories.ts';

const store = createSqliteEventStore({ file: join(mkdtempSync(join(tmpdir(), 'sunlight-rebuild-')), 'events.db') });
let ch: ClickHouse;
const services = () => projectionServices(store, defaultClockConfig);
const appendCase = (events: CaseEvent[]) =>
  store.append({ streamId: `case-${events[0]!.caseId}`, expectedRevision: 'any', events: events.map((e) => ({ eventId: e.eventId, type: e.type, data: e, recordedAt: new Date().toISOString() })) });

/** Every row of every read model as a reader sees it (FINAL), in a stable order. */
async function snapshot(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of Object.keys(allTables())) {
    if (table === 'projection_checkpoints') continue;
    const rows = await (await ch.client.query({ query: `SELECT * FROM ${table} FINAL`, format: 'JSONEachRow' })).json<Record<string, unknown>>();
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

const caughtUp = (r: ProjectionRunner) => projected(store, r);

beforeAll(async () => {
  ch = await testClickHouse();
  await migrate(ch, migrations);
  await loadSeed(store, new Date());
  for (let i = 0; i < 40; i++) await appendCase(aConcludedCaseHistory(`QH-R-${i}`));
  // Alert lifecycles of five events, replied to and verified, interleaved so live batches cut them.
  const alerts = [0, 1, 2].map((i) => noAlert().then(raiseCommand('red', { caseId: `QH-R-${i}` }), '2026-03-31T10:00:00+08:00').notified().acknowledged().replied().verified().events);
  for (let step = 0; step < 5; step++) for (const events of alerts) await appendAlertEvents(store, [events[step]!]);
});
afterAll(async () => store.close());

describe('rebuilding the read models from the log', () => {
  it('yields exactly the rows the live projection built, and the live projection carries on afterwards', async () => {
    // Small live batches, one large rebuild page: the same rows must come out however the log is cut.
    let live = createRunner({ store, ch, projections, services: services(), batchSize: 7, flushMs: 10 });
    await live.start();
    await caughtUp(live);
    const before = await snapshot();
    expect(before.events!.length).toBe(40 * aConcludedCaseHistory('x').length);
    expect(before.alerts!.map((r) => JSON.parse(r).status)).toEqual(['closed', 'closed', 'closed']);
    expect(before.alert_events!.length).toBe(15);

    const progress = idleProgress();
    await rebuildReadModels({
      store, ch, projections, services: services(), progress, pageSize: 1000,
      pauseLive: () => live.stop(),
      resumeLive: async () => {
        live = createRunner({ store, ch, projections, services: services(), batchSize: 7, flushMs: 10 });
        await live.start();
      },
    });
    expect(progress).toMatchObject({ state: 'done', processed: Number(await store.headPosition()) });
    expect(await snapshot()).toEqual(before);

    await appendCase([caseEventOf('RatingSubmitted', 'QH-R-AFTER')]);
    await caughtUp(live);
    const ratings = await (await ch.client.query({ query: "SELECT count() n FROM ratings FINAL WHERE case_id = 'QH-R-AFTER'", format: 'JSONEachRow' })).json<{ n: string }>();
    expect(Number(ratings[0]!.n)).toBe(1);
    await live.stop();
  });

  // Twelve cases, one event of each in turn: every case spans many pages of the rebuild.
  const interleaved = Array.from({ length: 12 }, (_, i) => aConcludedCaseHistory(`QH-I-${i}`));
  const storeWithoutEnds = () => ({ ...store, streamEnds: undefined });

  it.each([
    ['where the store says where each case ends', () => store],
    ['where it cannot say, holding at most three cases', storeWithoutEnds],
  ])('in a log whose cases interleave, as a log in time order does, computing a case once its history stops growing changes no row, %s', async (_, rebuildStore) => {
    if ((await store.readStream('case-QH-I-0')).length === 0) {
      for (let step = 0; step < interleaved[0]!.length; step++) for (const events of interleaved) await appendCase([events[step]!]);
    }
    let live = createRunner({ store, ch, projections, services: services(), batchSize: 7, flushMs: 10 });
    await live.start();
    await caughtUp(live);
    const before = await snapshot();
    expect(before.cases!.filter((r) => r.includes('QH-I-'))).toHaveLength(12);

    // Pages of five events and a case history cache of two streams: cases are let go while the log
    // still touches them, and histories are read back from the store.
    const progress = idleProgress();
    await rebuildReadModels({
      store: rebuildStore(), ch, projections, services: { ...services(), histories: new StreamHistories(store, 'case-', 2) }, progress, pageSize: 5, holdCases: 3,
      pauseLive: () => live.stop(),
      resumeLive: async () => {
        live = createRunner({ store, ch, projections, services: services(), batchSize: 7, flushMs: 10 });
        await live.start();
      },
    });
    expect(await snapshot()).toEqual(before);
    await live.stop();
  });
});
