import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../domain/events/catalogue.ts';
import { caseEventOf } from '../../test/builders/case-events.ts';
import { ruleHarness, type RuleHarness } from '../../test/support/rule-harness.ts';
import type { Rule } from '../rule.ts';
import { caseOverdue } from './case-overdue.ts';
import { ir03AcceptanceLate } from './ir03-acceptance-late.ts';
import { ir07PauseTooLong } from './ir07-pause-too-long.ts';
import { ir11DeliveryMissing } from './ir11-delivery-late.ts';
import { ir17BadRatingUnrectified } from './ir17-bad-rating-unrectified.ts';
import { statutoryOverdue } from './statutory-overdue.ts';
import { stepOverdue } from './step-overdue.ts';

/**
 * The scheduled run asks the time-driven rules only for what a passing deadline can have made
 * true (`deadlinesOnly`). What an event's own date shows (a case concluded late, a decision made
 * late) is left to the batch that brought the event, and the standing findings of a deadline long
 * past to the run that saw it pass. Each twin below is found in full and left out of the
 * scheduled run; each case a deadline can still trip is found by both.
 */
let h: RuleHarness;
const at = (day: string, time = '10:00:00') => `${day}T${time}+08:00`;
const accepted = (caseId: string, day: string, ...rest: CaseEvent[]) => [
  caseEventOf('CaseSubmitted', caseId, { seq: 1, occurredAt: at(day, '09:00:00') }),
  caseEventOf('CaseAccepted', caseId, { seq: 2, occurredAt: at(day, '09:30:00') }),
  ...rest,
];
const concluded = (caseId: string, day: string, seq = 3, resultCode: '0' | '7' = '0') =>
  caseEventOf('CaseConcluded', caseId, { seq, occurredAt: at(day, '15:00:00'), payload: { resultCode } });
const NOW = '2026-06-01T12:00:00+08:00';

beforeAll(async () => {
  h = await ruleHarness();
  await h.append([
    // Promised 10 working days from 02-10: due 03-02. One still open, one concluded 03-20.
    ...accepted('QH-DL-OPEN', '2026-02-10'),
    ...accepted('QH-DL-LATE', '2026-02-10', concluded('QH-DL-LATE', '2026-03-20')),
    // No decision on acceptance: one still waiting, one accepted two weeks after submission.
    caseEventOf('CaseSubmitted', 'QH-DL-UNDECIDED', { seq: 1, occurredAt: at('2026-05-11') }),
    caseEventOf('CaseSubmitted', 'QH-DL-DECIDED-LATE', { seq: 1, occurredAt: at('2026-05-11') }),
    caseEventOf('CaseAccepted', 'QH-DL-DECIDED-LATE', { seq: 2, occurredAt: at('2026-05-25') }),
    // Suspended 03-02 (30 working days allowed, to 04-14): one still suspended, one resumed 04-20.
    ...accepted('QH-DL-SUSPENDED', '2026-03-02', caseEventOf('CaseSuspended', 'QH-DL-SUSPENDED', { seq: 3, occurredAt: at('2026-03-02') })),
    ...accepted('QH-DL-RESUMED', '2026-03-02', caseEventOf('CaseSuspended', 'QH-DL-RESUMED', { seq: 3, occurredAt: at('2026-03-02') }),
      caseEventOf('CaseResumed', 'QH-DL-RESUMED', { seq: 4, occurredAt: at('2026-04-20') })),
    // Certificates never delivered (10 working days allowed): one decided 05-11, one in January.
    ...accepted('QH-DL-UNDELIVERED-NEW', '2026-05-06', concluded('QH-DL-UNDELIVERED-NEW', '2026-05-11')),
    ...accepted('QH-DL-UNDELIVERED-OLD', '2026-01-05', concluded('QH-DL-UNDELIVERED-OLD', '2026-01-07')),
    // Bad ratings never replied to (15 working days allowed): one of 05-06, one of January.
    ...accepted('QH-DL-RATED-NEW', '2026-04-27', caseEventOf('RatingSubmitted', 'QH-DL-RATED-NEW', { seq: 3, occurredAt: at('2026-05-06'), payload: { level: 5 } })),
    ...accepted('QH-DL-RATED-OLD', '2026-01-05', caseEventOf('RatingSubmitted', 'QH-DL-RATED-OLD', { seq: 3, occurredAt: at('2026-01-07'), payload: { level: 5 } })),
  ]);
});
afterAll(async () => h.close());

const found = async (rule: Rule, deadlinesOnly: boolean) => (await h.evaluate(rule, NOW, { deadlinesOnly })).map((v) => v.caseId).filter((id) => id.startsWith('QH-DL-'));

describe('the scheduled run asks only what a passing deadline can have made true', () => {
  it.each([
    [caseOverdue, ['QH-DL-OPEN'], ['QH-DL-LATE']],
    [statutoryOverdue, ['QH-DL-OPEN'], []],
    [ir03AcceptanceLate, ['QH-DL-UNDECIDED'], ['QH-DL-DECIDED-LATE']],
    [ir07PauseTooLong, ['QH-DL-SUSPENDED'], ['QH-DL-RESUMED']],
    [ir11DeliveryMissing, ['QH-DL-UNDELIVERED-NEW'], ['QH-DL-UNDELIVERED-OLD']],
    [ir17BadRatingUnrectified, ['QH-DL-RATED-NEW'], ['QH-DL-RATED-OLD']],
  ].map(([rule, both, fullOnly]) => [(rule as Rule).id, rule as Rule, both as readonly string[], fullOnly as readonly string[]] as const))('%s', async (_id, rule, both, fullOnly) => {
    const full = await found(rule, false);
    const scheduled = await found(rule, true);
    for (const id of both) expect(scheduled).toContain(id);
    for (const id of fullOnly) {
      expect(full).toContain(id);
      expect(scheduled).not.toContain(id);
    }
    expect(full.length).toBeGreaterThanOrEqual(scheduled.length);
  });

  it('STEP-OVERDUE: a step open past its limit is asked; one completed past it is its batch\'s', async () => {
    const step = (caseId: string, ...rest: CaseEvent[]) =>
      accepted(caseId, '2026-03-16', caseEventOf('StepStarted', caseId, { seq: 3, occurredAt: at('2026-03-16') }), ...rest);
    await h.append([...step('QH-DL-STEP-OPEN'), ...step('QH-DL-STEP-LATE', caseEventOf('StepCompleted', 'QH-DL-STEP-LATE', { seq: 4, occurredAt: at('2026-03-24', '16:00:00') }))]);
    expect(await found(stepOverdue, false)).toEqual(expect.arrayContaining(['QH-DL-STEP-OPEN', 'QH-DL-STEP-LATE']));
    const scheduled = await found(stepOverdue, true);
    expect(scheduled).toContain('QH-DL-STEP-OPEN');
    expect(scheduled).not.toContain('QH-DL-STEP-LATE');
  });
});
