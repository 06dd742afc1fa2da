import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlertEvent } from '../../domain/alerts/index.ts';
import { actors, noAlert, raiseCommand } from '../../domain/alerts/scenarios.fixture.ts';
import { defaultClockConfig } from '../../domain/clock/index.ts';
import type { ClickHouse } from '../../infra/clickhouse/client.ts';
import { migrate } from '../../infra/clickhouse/migrations.ts';
import { createSqliteEventStore } from '../../infra/event-store/sqlite.ts';
import { appendAlertEvents } from '../../test/support/alert-streams.ts';
import { testClickHouse } from '../../test/support/chdb.ts';
import { projected } from '../../test/support/projected.ts';
import { migrations, projections } from '../index.ts';
import { projectionServices } from '../projection.ts';
import { createRunner, type ProjectionRunner } from '../runner.ts';

const store = createSqliteEventStore({ file: join(mkdtempSync(join(tmpdir(), 'sunlight-alerts-')), 'events.db') });
let ch: ClickHouse;
let runner: ProjectionRunner;
const startRunner = async () => {
  // Fresh services, as after a restart: nothing of an alert's earlier events is cached.
  runner = createRunner({ store, ch, projections, services: projectionServices(store, defaultClockConfig), batchSize: 100, flushMs: 10 });
  await runner.start();
};
const utc = (at: string) => new Date(at).toISOString();
async function rowsOf(table: 'alerts' | 'alert_events', alertId: string) {
  await projected(store, runner);
  const query = `SELECT * FROM ${table} FINAL WHERE alert_id = {id:String}${table === 'alert_events' ? ' ORDER BY position' : ''}`;
  return (await ch.client.query({ query, query_params: { id: alertId }, format: 'JSONEachRow' })).json<Record<string, unknown>>();
}

/** A CASE-OVERDUE red on Thu 2026-09-24 10:00, then one step an hour: notified, acknowledged, 回告, verified. */
const repliedAndVerified = (caseId: string) =>
  noAlert()
    .then(raiseCommand('red', { caseId }), '2026-09-24T10:00:00+08:00')
    .notified()
    .acknowledged()
    .then({ type: 'reply', actor: actors.department, explanation: '申请人手机13812341234停机，补正通知未送达', correctiveAction: '已改为书面送达并约谈承办人', evidence: ['整改报告.pdf'] })
    .verified();
const typeOf = (events: readonly AlertEvent[], type: AlertEvent['type']) => events.find((e) => e.type === type)!;

beforeAll(async () => {
  ch = await testClickHouse();
  await migrate(ch, migrations);
  await startRunner();
});
afterAll(async () => {
  await runner.stop();
  await store.close();
});

describe('given a red alert raised, notified, acknowledged, replied to (回告) and verified', () => {
  const { events } = repliedAndVerified('QH-A-CLOSED');
  const alertId = events[0]!.alertId;
  const raised = typeOf(events, 'AlertRaised') as Extract<AlertEvent, { type: 'AlertRaised' }>;

  beforeAll(async () => appendAlertEvents(store, events));

  it('the alerts row stands closed by verification, with its case, rule, department and the time of each step', async () => {
    expect(await rowsOf('alerts', alertId)).toEqual([
      expect.objectContaining({
        alert_id: alertId, case_id: 'QH-A-CLOSED', rule_id: 'CASE-OVERDUE', rule_version: 1, dept_code: raised.payload.deptCode,
        raised_level: 'red', level: 'red', status: 'closed', closed_by: 'verified', evidence_event_ids: ['e-accepted'],
        raised_at: '2026-09-24T02:00:00.000Z', reply_due_at: utc(raised.payload.replyDueAt!),
        notified_at: '2026-09-24T03:00:00.000Z', acknowledged_at: '2026-09-24T04:00:00.000Z', replied_at: '2026-09-24T05:00:00.000Z',
        closed_at: '2026-09-24T06:00:00.000Z', escalated_at: null, appealed_at: null, dismissed_at: null, event_count: 5,
      }),
    ]);
  });

  it('alert_events holds one row per event, naming the case and rule, the actor by role and where each step left the alert', async () => {
    const rows = await rowsOf('alert_events', alertId);
    expect(rows.map((r) => [r.type, r.actor_role, r.status])).toEqual([
      ['AlertRaised', 'system', 'raised'],
      ['AlertNotified', 'system', 'notified'],
      ['AlertAcknowledged', 'supervisor', 'acknowledged'],
      ['RectificationReplied', 'department', 'replied'],
      ['AlertVerifiedClosed', 'supervisor', 'closed'],
    ]);
    expect(new Set(rows.map((r) => `${r.case_id}|${r.rule_id}|${r.level}`))).toEqual(new Set(['QH-A-CLOSED|CASE-OVERDUE|red']));
    expect(rows.map((r) => r.event_id)).toEqual(events.map((e) => e.eventId));
    expect(rows[3]).toMatchObject({ occurred_at: '2026-09-24T05:00:00.000Z', corrective_action: '已改为书面送达并约谈承办人' });
    expect(rows[4]).toMatchObject({ reason: '整改到位' });
  });

  it('the 回告 is kept with the phone number it quotes masked (domain.md §7 rule 5)', async () => {
    const reply = (await rowsOf('alert_events', alertId)).find((r) => r.type === 'RectificationReplied')!;
    expect(reply.explanation).toBe('申请人手机138****1234停机，补正通知未送达');
  });
});

describe('given an alert whose lifecycle reaches the projection over several batches', () => {
  it('when the projection restarts between them, the later events still name the case and the row is the one a single batch gives', async () => {
    const whole = repliedAndVerified('QH-A-SPLIT').events;
    const alertId = whole[0]!.alertId;
    await appendAlertEvents(store, whole.slice(0, 2));
    expect((await rowsOf('alerts', alertId))[0]).toMatchObject({ status: 'notified', event_count: 2 });
    await runner.stop();
    await appendAlertEvents(store, whole.slice(2));
    await startRunner();

    const [split] = await rowsOf('alerts', alertId);
    const [single] = await rowsOf('alerts', repliedAndVerified('QH-A-CLOSED').events[0]!.alertId);
    const comparable = ({ alert_id, case_id, version, ...rest }: Record<string, unknown>) => rest;
    expect(split).toMatchObject({ case_id: 'QH-A-SPLIT', status: 'closed' });
    expect(comparable(split!)).toEqual(comparable(single!));
    expect((await rowsOf('alert_events', alertId)).map((r) => r.case_id)).toEqual(Array(5).fill('QH-A-SPLIT'));
  });
});

describe('given an alert appealed and dismissed', () => {
  it('the row is closed by dismissal, with the time of the appeal and of the dismissal', async () => {
    const { events } = noAlert().then(raiseCommand('red', { caseId: 'QH-A-DISMISSED' }), '2026-09-24T10:00:00+08:00').notified().appealed().dismissed();
    await appendAlertEvents(store, events);
    expect((await rowsOf('alerts', events[0]!.alertId))[0]).toMatchObject({
      status: 'closed', closed_by: 'dismissed', appealed_at: '2026-09-24T04:00:00.000Z', dismissed_at: '2026-09-24T05:00:00.000Z',
      closed_at: '2026-09-24T05:00:00.000Z', replied_at: null,
    });
  });
});
