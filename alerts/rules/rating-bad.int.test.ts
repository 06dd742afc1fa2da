import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEventOf } from '../../test/builders/case-events.ts';
import { ruleHarness, type RuleHarness } from '../../test/support/rule-harness.ts';
import { ir17BadRatingUnrectified } from './ir17-bad-rating-unrectified.ts';
import { ratingBad } from './rating-bad.ts';

let h: RuleHarness;
beforeAll(async () => {
  h = await ruleHarness();
});
afterAll(async () => h.close());

/** Concluded Wed 04-29 and rated Thu 04-30: across Labour Day (Sat 05-09 worked) the 15th working day after it is Mon 05-25. */
const ratedAfterConclusion = (caseId: string, level: 1 | 2 | 3 | 4 | 5) => [
  caseEventOf('CaseSubmitted', caseId, { seq: 1, occurredAt: '2026-04-27T09:00:00+08:00' }),
  caseEventOf('CaseAccepted', caseId, { seq: 2, occurredAt: '2026-04-27T09:30:00+08:00' }),
  caseEventOf('CaseConcluded', caseId, { seq: 3, occurredAt: '2026-04-29T15:00:00+08:00' }),
  caseEventOf('RatingSubmitted', caseId, { seq: 4, occurredAt: '2026-04-30T10:00:00+08:00', payload: { level } }),
];
const justRated = '2026-04-30T10:01:00+08:00';

describe('RATING-BAD: a bad rating asks for rectification and a reply', () => {
  it('fires for a level-4 and a level-5 rating as soon as it is projected, never for a level-3 one', async () => {
    const [four, five, three] = [ratedAfterConclusion('QH-RB-4', 4), ratedAfterConclusion('QH-RB-5', 5), ratedAfterConclusion('QH-RB-3', 3)];
    await h.append([...four, ...five, ...three]);
    const found = await h.evaluate(ratingBad, justRated, { caseIds: ['QH-RB-3', 'QH-RB-4', 'QH-RB-5'] });
    expect(found.map((v) => v.caseId)).toEqual(['QH-RB-4', 'QH-RB-5']);
    expect(found[0]).toMatchObject({ level: 'yellow', deptCode: four[3]!.dept.code, evidenceEventIds: [four[3]!.eventId], figures: { ratingLevel: '4' } });
    expect(found[1]).toMatchObject({ evidenceEventIds: [five[3]!.eventId], figures: { ratingLevel: '5' } });
  });

  it('gives the rating date and the last day for the reply, the same day IR17 judges', async () => {
    const [notice] = await h.evaluate(ratingBad, justRated, { caseIds: ['QH-RB-4'] });
    expect(notice!.figures).toEqual({ ratingLevel: '4', ratedOn: '2026-04-30', replyDueDate: '2026-05-25', allowedWorkingDays: '15', badRatings: '1' });
    expect(notice!.reason).toBe('bad rating (level 4) on 2026-04-30: rectify and reply (回告) on this alert by 2026-05-25');
    const [unrectified] = await h.evaluate(ir17BadRatingUnrectified, '2026-05-26T00:00:00+08:00', { caseIds: ['QH-RB-4'] });
    expect(unrectified!.figures.replyDueDate).toBe(notice!.figures.replyDueDate);
  });

  it('counts the reply period set in configuration (S24: 5 working days, the make-up Saturday 05-09 among them)', async () => {
    const [notice] = await h.evaluate(ratingBad, justRated, { caseIds: ['QH-RB-5'], thresholds: { ratingRectifyWorkingDays: 5 } });
    expect(notice!.figures).toMatchObject({ replyDueDate: '2026-05-11', allowedWorkingDays: '5' });
  });

  it('with two bad ratings, is about the later one: its evidence, level and due date', async () => {
    const events = ratedAfterConclusion('QH-RB-TWICE', 5);
    const visit = caseEventOf('RatingSubmitted', 'QH-RB-TWICE', { seq: 3, occurredAt: '2026-04-27T09:35:00+08:00', payload: { level: 4, mode: 'per-visit' } });
    await h.append([...events.slice(0, 2), visit, ...events.slice(2).map((e) => ({ ...e, seq: e.seq + 1 }))]);
    const [notice] = await h.evaluate(ratingBad, justRated, { caseIds: ['QH-RB-TWICE'] });
    expect(notice).toMatchObject({ evidenceEventIds: [events[3]!.eventId], figures: { ratingLevel: '5', ratedOn: '2026-04-30', replyDueDate: '2026-05-25', badRatings: '2' } });
  });
});
