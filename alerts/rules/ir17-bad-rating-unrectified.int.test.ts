import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RaiseAlert } from '../../domain/alerts/index.ts';
import { actors, noAlert, raiseCommand } from '../../domain/alerts/scenarios.fixture.ts';
import { caseEventOf } from '../../test/builders/case-events.ts';
import { appendAlertEvents } from '../../test/support/alert-streams.ts';
import { ruleHarness, type RuleHarness } from '../../test/support/rule-harness.ts';
import { ir17BadRatingUnrectified } from './ir17-bad-rating-unrectified.ts';

let h: RuleHarness;
beforeAll(async () => {
  h = await ruleHarness();
});
afterAll(async () => h.close());

/** Rated Thu 04-30: across Labour Day (Sat 05-09 worked) the 15th working day after it is Mon 05-25. */
const rated = (caseId: string, level: 1 | 2 | 3 | 4 | 5) => [
  caseEventOf('CaseSubmitted', caseId, { seq: 1, occurredAt: '2026-04-27T09:00:00+08:00' }),
  caseEventOf('CaseAccepted', caseId, { seq: 2, occurredAt: '2026-04-27T09:30:00+08:00' }),
  caseEventOf('RatingSubmitted', caseId, { seq: 3, occurredAt: '2026-04-30T10:00:00+08:00', payload: { level } }),
];

describe('IR17: bad rating not rectified in time', () => {
  it('fires for a level-4 rating with no reply at 00:00 after its 15th working day, not one minute earlier, and never for a level-3 rating', async () => {
    const bad = rated('QH-IR17-BAD', 4);
    await h.append([...bad, ...rated('QH-IR17-FAIR', 3)]);
    const ids = ['QH-IR17-BAD', 'QH-IR17-FAIR'];
    expect(await h.evaluate(ir17BadRatingUnrectified, '2026-05-25T23:59:00+08:00', { caseIds: ids })).toEqual([]);
    const found = await h.evaluate(ir17BadRatingUnrectified, '2026-05-26T00:00:00+08:00', { caseIds: ids });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ caseId: 'QH-IR17-BAD', level: 'yellow', evidenceEventIds: [bad[2]!.eventId], figures: { replyDueDate: '2026-05-25', worstLevel: '4' } });
  });

  it('counts the reply period set in configuration (S24: 5 working days, the make-up Saturday 05-09 among them)', async () => {
    const found = await h.evaluate(ir17BadRatingUnrectified, '2026-05-12T00:00:00+08:00', { caseIds: ['QH-IR17-BAD'], thresholds: { ratingRectifyWorkingDays: 5 } });
    expect(found.map((v) => v.figures.replyDueDate)).toEqual(['2026-05-11']);
  });
});

/** An alert on the case raised at `raisedAt`, notified an hour later, and answered with a 回告 at `repliedAt`. */
const repliedAlert = (raise: RaiseAlert, raisedAt: string, repliedAt: string) =>
  noAlert()
    .then(raise, raisedAt)
    .notified()
    .then({ type: 'reply', actor: actors.department, explanation: '窗口人员态度生硬，已当面致歉', correctiveAction: '组织窗口服务规范培训', evidence: ['回访记录.pdf'] }, repliedAt).events;

describe('IR17 reads 回告 from the alert read model', () => {
  it('stays silent for the same bad rating when a reply on an alert of the case came within the period, on its last day', async () => {
    const bad = rated('QH-IR17-REPLIED', 4);
    await h.append(bad);
    await appendAlertEvents(h.store, repliedAlert(raiseCommand('red', { caseId: 'QH-IR17-REPLIED' }), '2026-05-13T09:00:00+08:00', '2026-05-25T17:00:00+08:00'));
    expect(await h.evaluate(ir17BadRatingUnrectified, '2026-05-26T00:00:00+08:00', { caseIds: ['QH-IR17-BAD', 'QH-IR17-REPLIED'] })).toMatchObject([{ caseId: 'QH-IR17-BAD' }]);
  });

  it('still fires when the reply, on IR17\'s own alert, came the day after the period: a late reply does not cure it', async () => {
    const bad = rated('QH-IR17-LATE', 5);
    await h.append(bad);
    const own = raiseCommand('yellow', { caseId: 'QH-IR17-LATE', ruleId: 'IR17', caseOverdueAt: null, evidence: { eventIds: [bad[2]!.eventId], figures: {} } });
    await appendAlertEvents(h.store, repliedAlert(own, '2026-05-26T00:00:05+08:00', '2026-05-26T09:00:00+08:00'));
    const found = await h.evaluate(ir17BadRatingUnrectified, '2026-05-27T00:00:00+08:00', { caseIds: ['QH-IR17-LATE'] });
    expect(found).toMatchObject([{ caseId: 'QH-IR17-LATE', evidenceEventIds: [bad[2]!.eventId], figures: { replyDueDate: '2026-05-25', worstLevel: '5' } }]);
  });

  it('still fires when the only reply came before the rating: it cannot answer a rating not yet made', async () => {
    await h.append(rated('QH-IR17-EARLY', 4));
    await appendAlertEvents(h.store, repliedAlert(raiseCommand('red', { caseId: 'QH-IR17-EARLY' }), '2026-04-28T09:00:00+08:00', '2026-04-29T17:00:00+08:00'));
    expect(await h.evaluate(ir17BadRatingUnrectified, '2026-05-26T00:00:00+08:00', { caseIds: ['QH-IR17-EARLY'] })).toMatchObject([{ caseId: 'QH-IR17-EARLY' }]);
  });
});
