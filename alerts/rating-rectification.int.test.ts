import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertStream, decideAlert, defaultAlertConfig, recordOf } from '../domain/alerts/index.ts';
import { defaultCalendar } from '../domain/calendar/index.ts';
import { caseEventOf } from '../test/builders/case-events.ts';
import { appendAlertEvents } from '../test/support/alert-streams.ts';
import { ruleHarness, type RuleHarness } from '../test/support/rule-harness.ts';
import { AlertBook } from './alert-book.ts';
import { autoCloseReasons } from './auto-close.ts';
import { evaluate, type EvaluatorDeps } from './evaluator.ts';
import { defaultThresholds } from './rule.ts';
import { caseOverdue } from './rules/case-overdue.ts';
import { caseYellow } from './rules/case-yellow.ts';
import { ir17BadRatingUnrectified } from './rules/ir17-bad-rating-unrectified.ts';
import { ratingBad } from './rules/rating-bad.ts';
import { SilenceBook } from './silences.ts';

let h: RuleHarness;
beforeAll(async () => {
  h = await ruleHarness();
});
afterAll(async () => h.close());

const at = (day: string, time = '10:00:00') => `${day}T${time}+08:00`;
const REPLIED = 'QH-RR-REPLIED';
const UNANSWERED = 'QH-RR-UNANSWERED';

/** Concluded in time on Wed 04-29, rated 非常不满意 on Thu 04-30: the reply is due by Mon 05-25. */
const concludedThenRatedBadly = (caseId: string) => [
  caseEventOf('CaseSubmitted', caseId, { seq: 1, occurredAt: at('2026-04-27', '09:00:00') }),
  caseEventOf('CaseAccepted', caseId, { seq: 2, occurredAt: at('2026-04-27', '09:30:00') }),
  caseEventOf('CaseConcluded', caseId, { seq: 3, occurredAt: at('2026-04-29', '15:00:00') }),
  caseEventOf('RatingSubmitted', caseId, { seq: 4, occurredAt: at('2026-04-30'), payload: { level: 5 } }),
];

/** The clock rules are in, so the evaluator would close a clock's yellow on this concluded case. */
async function deps(): Promise<EvaluatorDeps & { book: AlertBook }> {
  const book = new AlertBook();
  const silences = new SilenceBook();
  await book.start(h.store);
  await silences.start(h.store);
  const rules = [caseYellow, caseOverdue, ratingBad, ir17BadRatingUnrectified];
  return { store: h.store, ch: h.ch, book, silences, rules, thresholds: defaultThresholds, calendar: () => defaultCalendar(), timeZone: 'Asia/Shanghai', config: defaultAlertConfig };
}
const alertsOf = (d: { book: AlertBook }, caseId: string) =>
  [...d.book.all()].filter((e) => recordOf(e.state)?.alert.caseId === caseId).map((e) => ({ ruleId: recordOf(e.state)!.alert.ruleId, status: e.state.status, entry: e }));
const scheduledRun = (d: EvaluatorDeps, now: string) => evaluate(d, new Date(now), undefined, { timeDrivenOnly: true });

describe('given a case concluded in time and then rated 非常不满意', () => {
  let d: Awaited<ReturnType<typeof deps>>;
  beforeAll(async () => {
    await h.append([...concludedThenRatedBadly(REPLIED), ...concludedThenRatedBadly(UNANSWERED)]);
    await h.caughtUp();
    d = await deps();
  });

  it('the batch that projects the rating raises a RATING-BAD notice on it, which no later run closes', async () => {
    expect(await evaluate(d, new Date(at('2026-04-30', '10:01:00')), [REPLIED, UNANSWERED])).toMatchObject({ raised: 2 });
    expect((await autoCloseReasons(h.ch, [REPLIED])).get(REPLIED)).toBe('case-concluded-in-time');
    expect(await scheduledRun(d, at('2026-04-30', '10:05:00'))).toMatchObject({ autoClosed: 0 });
    expect(await evaluate(d, new Date(at('2026-05-06')), [REPLIED, UNANSWERED])).toMatchObject({ raised: 0, autoClosed: 0 });
    for (const caseId of [REPLIED, UNANSWERED]) expect(alertsOf(d, caseId).map(({ ruleId, status }) => ({ ruleId, status }))).toEqual([{ ruleId: 'RATING-BAD', status: 'notified' }]);
  });

  it('a reply on the notice by its last day keeps IR17 silent after the deadline; without it IR17 fires', async () => {
    const [notice] = alertsOf(d, REPLIED);
    const reply = { type: 'reply' as const, actor: { name: '李承办', role: 'department' as const }, explanation: '已回访申请人，说明办理依据并致歉', correctiveAction: '窗口一次性告知清单更新', evidence: ['回访记录.pdf'] };
    const ctx = { now: at('2026-05-25', '17:00:00'), calendar: defaultCalendar(), timeZone: 'Asia/Shanghai', config: defaultAlertConfig };
    await appendAlertEvents(h.store, decideAlert(reply, notice!.entry.state, ctx));
    await h.caughtUp();
    for (const e of await h.store.readStream(alertStream(notice!.entry.alertId))) d.book.apply(e);

    expect(await scheduledRun(d, at('2026-05-26', '00:00:00'))).toMatchObject({ raised: 1, autoClosed: 0 });
    expect(alertsOf(d, REPLIED).map(({ ruleId, status }) => ({ ruleId, status }))).toEqual([{ ruleId: 'RATING-BAD', status: 'replied' }]);
    expect(alertsOf(d, UNANSWERED).map(({ ruleId, status }) => ({ ruleId, status })).sort((a, b) => a.ruleId.localeCompare(b.ruleId))).toEqual([
      { ruleId: 'IR17', status: 'notified' },
      { ruleId: 'RATING-BAD', status: 'notified' },
    ]);
  });
});
