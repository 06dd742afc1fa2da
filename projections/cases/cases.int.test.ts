import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultClockConfig } from '../../domain/clock/index.ts';
import type { CaseEvent } from '../../domain/events/catalogue.ts';
import type { ClickHouse } from '../../infra/clickhouse/client.ts';
import { migrate } from '../../infra/clickhouse/migrations.ts';
import { createSqliteEventStore } from '../../infra/event-store/sqlite.ts';
import { loadSeed } from '../../infra/seed.ts';
import { caseEventOf } from '../../test/builders/case-events.ts';
import { testClickHouse } from '../../test/support/chdb.ts';
import { migrations, projections } from '../index.ts';
import { projectionServices } from '../projection.ts';
import { createRunner, type ProjectionRunner } from '../runner.ts';

const store = createSqliteEventStore({ file: join(mkdtempSync(join(tmpdir(), 'sunlight-cases-')), 'events.db') });
let ch: ClickHouse;
let runner: ProjectionRunner;
const append = (events: CaseEvent[]) =>
  store.append({ streamId: `case-${events[0]!.caseId}`, expectedRevision: 'any', events: events.map((e) => ({ eventId: e.eventId, type: e.type, data: e, recordedAt: e.occurredAt })) });
const at = (day: string, time = '10:00:00') => `${day}T${time}+08:00`;
async function caseRow(caseId: string) {
  const head = await store.headPosition();
  while (runner.status().checkpoint < head) await new Promise((r) => setTimeout(r, 20));
  const rows = await (await ch.client.query({ query: 'SELECT * FROM cases FINAL WHERE case_id = {id:String}', query_params: { id: caseId }, format: 'JSONEachRow' })).json<Record<string, unknown>>();
  return rows[0]!;
}

/** Submitted and accepted on `day` under the seed matter QH-ZRZY-003 (promised 10, statutory 30 working days). */
const accepted = (caseId: string, day: string) => [
  caseEventOf('CaseSubmitted', caseId, { seq: 1, occurredAt: at(day, '09:00:00') }),
  caseEventOf('CaseAccepted', caseId, { seq: 2, occurredAt: at(day, '09:30:00'), payload: { limit: { value: 10, unit: 'working-days' } } }),
];

beforeAll(async () => {
  ch = await testClickHouse();
  await migrate(ch, migrations);
  await loadSeed(store, new Date());
  runner = createRunner({ store, ch, projections, services: projectionServices(store, defaultClockConfig), batchSize: 100, flushMs: 10 });
  await runner.start();
});
afterAll(async () => {
  await runner.stop();
  await store.close();
});

describe('given a case accepted on Tue 2026-02-10 with a promised limit of 10 working days (domain.md §8 Ex 1)', () => {
  it('while open, the row carries the due date across the Spring Festival and the yellow and red instants', async () => {
    await append(accepted('QH-C-OPEN', '2026-02-10'));
    expect(await caseRow('QH-C-OPEN')).toMatchObject({
      status: 'running', kind: 'commitment', accepted_on: '2026-02-10', promised_limit: 10,
      due_date: '2026-03-02', warn_at: '2026-02-27T16:00:00.000Z', overdue_at: '2026-03-02T16:00:00.000Z', classification: '',
      statutory_due_date: expect.any(String),
    });
  });

  it('concluded on Feb 27, it used 8 working days and is classified early', async () => {
    await append([...accepted('QH-C-EARLY', '2026-02-10'), caseEventOf('CaseConcluded', 'QH-C-EARLY', { seq: 3, occurredAt: at('2026-02-27', '15:00:00') })]);
    expect(await caseRow('QH-C-EARLY')).toMatchObject({ status: 'concluded', used_days: 8, classification: 'early', ended_on: '2026-02-27', result_code: '0' });
  });

  it('when its conclusion arrives late (reported after other cases), the row follows business time', async () => {
    await append(accepted('QH-C-LATE', '2026-02-10'));
    await caseRow('QH-C-LATE');
    await append([caseEventOf('CaseConcluded', 'QH-C-LATE', { seq: 3, occurredAt: at('2026-03-03', '09:00:00') })]);
    expect(await caseRow('QH-C-LATE')).toMatchObject({ status: 'concluded', used_days: 11, classification: 'overdue', overrun_days: 1 });
  });
});

describe('the daily_stats view', () => {
  it('counts each figure on its own day: received and accepted on Feb 10, concluded early on Feb 27', async () => {
    await caseRow('QH-C-EARLY');
    const rows = await (
      await ch.client.query({ query: "SELECT toString(day) AS day, received, accepted, concluded, early, overdue, used_working_days FROM daily_stats WHERE day IN ('2026-02-10', '2026-02-27', '2026-03-03') ORDER BY day", format: 'JSONEachRow' })
    ).json<Record<string, string | number>>();
    const byDay = Object.fromEntries(rows.map((r) => [r.day, r]));
    expect(byDay['2026-02-10']).toMatchObject({ received: '3', accepted: '3', concluded: '0' });
    expect(byDay['2026-02-27']).toMatchObject({ concluded: '1', early: '1', used_working_days: '8' });
    expect(byDay['2026-03-03']).toMatchObject({ concluded: '1', overdue: '1', used_working_days: '11' });
  });
});
