import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCalendar } from '../domain/calendar/index.ts';
import { alertStream, decideAlert, defaultAlertConfig, evolveAlert, recordOf } from '../domain/alerts/index.ts';
import { countyDepartments } from '../domain/seed/county.ts';
import { anAcceptedCase, caseEventOf } from '../test/builders/case-events.ts';
import { ruleHarness, type RuleHarness } from '../test/support/rule-harness.ts';
import { AlertBook } from './alert-book.ts';
import { evaluate, type EvaluatorDeps } from './evaluator.ts';
import { defaultThresholds } from './rule.ts';
import { caseOverdue } from './rules/case-overdue.ts';
import { caseYellow } from './rules/case-yellow.ts';
import { SilenceBook, silenceStream } from './silences.ts';
import { Verdicts } from './verdicts.ts';

let h: RuleHarness;
const at = (day: string, time = '10:00:00') => `${day}T${time}+08:00`;
const acceptedFeb10 = (caseId: string) => anAcceptedCase(caseId, '2026-02-10');

async function deps(rules = [caseYellow, caseOverdue]): Promise<EvaluatorDeps & { book: AlertBook; silences: SilenceBook }> {
  const book = new AlertBook();
  const silences = new SilenceBook();
  await book.start(h.store);
  await silences.start(h.store);
  return { store: h.store, ch: h.ch, book, silences, rules, thresholds: defaultThresholds, calendar: () => defaultCalendar(), timeZone: 'Asia/Shanghai', config: defaultAlertConfig };
}
const alertsOf = (d: { book: AlertBook }, caseId: string) => [...d.book.all()].map((e) => recordOf(e.state)).filter((r) => r?.alert.caseId === caseId);

beforeAll(async () => {
  h = await ruleHarness();
});
afterAll(async () => h.close());

describe('evaluating the rules', () => {
  it('raises one red for an overdue case, notifies it, and raises nothing more when run again or after a restart', async () => {
    await h.append(acceptedFeb10('QH-EV-1'));
    await h.caughtUp();
    const d = await deps();
    const first = await evaluate(d, new Date(at('2026-03-03', '08:00:00')), ['QH-EV-1']);
    expect(first).toMatchObject({ raised: 1 });
    const [alert] = alertsOf(d, 'QH-EV-1');
    expect(alert).toMatchObject({ alert: { ruleId: 'CASE-OVERDUE', raisedLevel: 'red' }, notifiedFor: 'red' });
    expect((await evaluate(d, new Date(at('2026-03-03', '08:05:00')), ['QH-EV-1'])).raised).toBe(0);
    const restarted = await deps();
    expect((await evaluate(restarted, new Date(at('2026-03-03', '08:10:00')), ['QH-EV-1'])).raised).toBe(0);
    expect(alertsOf(restarted, 'QH-EV-1')).toHaveLength(1);
  });

  it('a yellow raised on the last day becomes the red when the deadline passes, instead of a second alert', async () => {
    await h.append(acceptedFeb10('QH-EV-2'));
    await h.caughtUp();
    const d = await deps();
    expect((await evaluate(d, new Date(at('2026-02-28', '09:00:00')), ['QH-EV-2'])).raised).toBe(1);
    const after = await evaluate(d, new Date(at('2026-03-03', '09:00:00')), ['QH-EV-2']);
    expect(after).toMatchObject({ raised: 0, escalated: 1 });
    const alerts = alertsOf(d, 'QH-EV-2');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.standing.level).toBe('red');
  });

  it('a yellow closes itself when its case concludes in time', async () => {
    await h.append(acceptedFeb10('QH-EV-3'));
    await h.caughtUp();
    const d = await deps();
    await evaluate(d, new Date(at('2026-02-28', '09:00:00')), ['QH-EV-3']);
    await h.append([caseEventOf('CaseConcluded', 'QH-EV-3', { seq: 3, occurredAt: at('2026-03-02', '15:00:00') })]);
    await h.caughtUp();
    const report = await evaluate(d, new Date(at('2026-03-02', '16:00:00')), ['QH-EV-3']);
    expect(report.autoClosed).toBe(1);
    const [state] = [...d.book.all()].filter((e) => recordOf(e.state)?.alert.caseId === 'QH-EV-3').map((e) => e.state);
    expect(state).toMatchObject({ status: 'closed', closedBy: 'auto' });
  });

  it('a silence on the rule mutes it for its window, and is itself on record', async () => {
    await h.append(acceptedFeb10('QH-EV-4'));
    const silenceId = randomUUID();
    await h.store.append({
      streamId: silenceStream(silenceId),
      expectedRevision: 'no_stream',
      events: [{ eventId: randomUUID(), type: 'SilenceCreated', recordedAt: new Date().toISOString(), data: { eventId: randomUUID(), type: 'SilenceCreated', silenceId, occurredAt: at('2026-03-01'), actor: { name: '监察室', role: 'supervisor' }, payload: { ruleId: 'CASE-OVERDUE', from: at('2026-03-01'), until: at('2026-03-10'), reason: '系统切换期间暂停' } } }],
    });
    await h.caughtUp();
    const d = await deps([caseOverdue]);
    expect(await evaluate(d, new Date(at('2026-03-04')), ['QH-EV-4'])).toMatchObject({ raised: 0, silenced: 1 });
    expect(await evaluate(d, new Date(at('2026-03-11')), ['QH-EV-4'])).toMatchObject({ raised: 1 });
  });
});

describe('a department with three reds in a month', () => {
  it('gets one supervision notice (监察建议书): its newest red is escalated, once', async () => {
    // After the CASE-OVERDUE silence of the test above (03-01 to 03-10) has ended.
    const market = { code: countyDepartments.market.code, name: countyDepartments.market.name };
    const ids = ['QH-EV-M1', 'QH-EV-M2', 'QH-EV-M3'];
    for (const id of ids) await h.append(acceptedFeb10(id).map((e) => ({ ...e, dept: market })));
    await h.caughtUp();
    const d = await deps([caseOverdue]);
    await evaluate(d, new Date(at('2026-03-12', '09:00:00')), ids.slice(0, 2));
    const report = await evaluate(d, new Date(at('2026-03-12', '10:00:00')), ids);
    expect(report, JSON.stringify(report)).toMatchObject({ raised: 1 });
    const levels = ids.map((id) => alertsOf(d, id)[0]!.standing.level);
    expect(levels.filter((l) => l === 'supervision-notice')).toHaveLength(1);
    expect((await evaluate(d, new Date(at('2026-03-12', '11:00:00')), ids)).escalated).toBe(0);
  });
});

describe('an alert a person closed', () => {
  // In April: the CASE-OVERDUE silence above covers 03-01 to 03-10.
  const close = async (d: { book: AlertBook }, caseId: string, how: 'verify' | 'dismiss') => {
    const entry = [...d.book.all()].find((e) => recordOf(e.state)?.alert.caseId === caseId)!;
    const ctx = { now: at('2026-04-02'), calendar: defaultCalendar(), timeZone: 'Asia/Shanghai', config: defaultAlertConfig };
    const supervisor = { name: '监察室', role: 'supervisor' as const };
    const department = { name: '承办科室', role: 'department' as const };
    const steps = how === 'verify'
      ? [{ type: 'acknowledge' as const, actor: supervisor }, { type: 'reply' as const, actor: department, explanation: '已加派人手办结', correctiveAction: '每日核查在办件', evidence: [] }, { type: 'verify' as const, actor: supervisor, note: '整改属实' }]
      : [{ type: 'appeal' as const, actor: department, reason: '系统时钟错误' }, { type: 'dismiss' as const, actor: supervisor, reason: '申诉成立' }];
    let state = entry.state;
    for (const command of steps) {
      const events = decideAlert(command, state, ctx);
      state = events.reduce(evolveAlert, state);
      await h.store.append({ streamId: alertStream(entry.alertId), expectedRevision: 'any', events: events.map((e) => ({ eventId: e.eventId, type: e.type, data: e, recordedAt: new Date().toISOString() })) });
    }
    await h.caughtUp();
    for (const e of await h.store.readStream(alertStream(entry.alertId))) d.book.apply(e);
    return state;
  };

  for (const how of ['verify', 'dismiss'] as const) {
    it(`is not raised again for the same finding once ${how === 'verify' ? 'its reply was verified' : 'an appeal dismissed it'}, though the case stays overdue`, async () => {
      const caseId = `QH-EV-SETTLED-${how}`;
      await h.append(acceptedFeb10(caseId));
      await h.caughtUp();
      const d = await deps([caseOverdue]);
      expect((await evaluate(d, new Date(at('2026-04-01', '08:00:00')), [caseId])).raised).toBe(1);
      expect(await close(d, caseId, how)).toMatchObject({ status: 'closed' });
      expect((await evaluate(d, new Date(at('2026-04-03', '08:00:00')), [caseId])).raised).toBe(0);
      expect((await evaluate(await deps([caseOverdue]), new Date(at('2026-04-07', '08:00:00')), [caseId])).raised).toBe(0);
      expect(alertsOf(d, caseId)).toHaveLength(1);
    });
  }

  it('a yellow that turned red and was verified is not raised again as a red by the overdue rule', async () => {
    const caseId = 'QH-EV-SETTLED-Y';
    await h.append(acceptedFeb10(caseId));
    await h.caughtUp();
    const d = await deps();
    // As for QH-EV-2 above: the yellow on the last day, the red when the deadline passes.
    expect((await evaluate(d, new Date(at('2026-02-28', '09:00:00')), [caseId])).raised).toBe(1);
    expect(await evaluate(d, new Date(at('2026-03-03', '09:00:00')), [caseId])).toMatchObject({ raised: 0, escalated: 1 });
    expect(await close(d, caseId, 'verify')).toMatchObject({ status: 'closed', closedBy: 'verified' });
    expect((await evaluate(d, new Date(at('2026-04-20', '09:00:00')), [caseId])).raised).toBe(0);
    expect(alertsOf(d, caseId)).toHaveLength(1);
  });
});

describe('the scheduled run from the verdicts', () => {
  // Last in this file: its full evaluation raises whatever the cases above still show.
  it('raises the yellow when its warn instant comes and turns it red when the deadline passes, with no event, asking only about the cases whose time came', async () => {
    const caseId = 'QH-EV-WAKE';
    await h.append(acceptedFeb10(caseId));
    await h.caughtUp();
    const d = await deps();
    d.verdicts = new Verdicts(d.rules, d.thresholds);
    expect(await evaluate(d, new Date(at('2026-02-20', '09:00:00')))).toMatchObject({ verdicts: 'cold' });
    expect(alertsOf(d, caseId)).toHaveLength(0);
    const cases = Number((await (await h.ch.client.query({ query: 'SELECT count(DISTINCT case_id) AS n FROM cases', format: 'JSONEachRow' })).json<{ n: string }>())[0]!.n);

    const warned = await evaluate(d, new Date(at('2026-02-28', '09:00:00')), undefined, { timeDrivenOnly: true });
    expect(alertsOf(d, caseId)).toMatchObject([{ alert: { ruleId: 'CASE-YELLOW' }, standing: { level: 'yellow' } }]);
    expect(warned.askedAgain?.['CASE-YELLOW']).toBeGreaterThan(0);
    expect(warned.askedAgain?.['CASE-YELLOW']).toBeLessThan(cases);
    // Five seconds on, nobody's time came.
    expect((await evaluate(d, new Date(at('2026-02-28', '09:00:05')), undefined, { timeDrivenOnly: true })).askedAgain).toEqual({});

    await evaluate(d, new Date(at('2026-03-03', '09:00:00')), undefined, { timeDrivenOnly: true });
    expect(alertsOf(d, caseId)).toMatchObject([{ standing: { level: 'red' } }]);
  });
});
