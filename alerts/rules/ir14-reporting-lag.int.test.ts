import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEventOf } from '../../test/builders/case-events.ts';
import { ruleHarness, type RuleHarness } from '../../test/support/rule-harness.ts';
import { ir14ReportingLag } from './ir14-reporting-lag.ts';

let h: RuleHarness;
beforeAll(async () => {
  h = await ruleHarness();
});
afterAll(async () => h.close());

const NOW = '2026-06-01T00:00:00+08:00';

describe('IR14: reporting lag', () => {
  it('fires for a Thursday event recorded on the 2nd working day after it across Labour Day, and not on the 1st', async () => {
    // Thu 04-30 → (05-01…05-05 off) → Wed 05-06 is one working day later, Thu 05-07 two.
    const late = [
      caseEventOf('CaseSubmitted', 'QH-IR14-LATE', { seq: 1, occurredAt: '2026-04-30T16:00:00+08:00' }),
      caseEventOf('CaseAccepted', 'QH-IR14-LATE', { seq: 2, occurredAt: '2026-05-07T09:00:00+08:00' }),
    ];
    await h.append(late, (e) => (e.type === 'CaseSubmitted' ? '2026-05-07T08:30:00+08:00' : e.occurredAt));
    await h.append([caseEventOf('CaseSubmitted', 'QH-IR14-NEXT', { seq: 1, occurredAt: '2026-04-30T16:00:00+08:00' })], () => '2026-05-06T23:59:00+08:00');
    const found = await h.evaluate(ir14ReportingLag, NOW, { caseIds: ['QH-IR14-LATE', 'QH-IR14-NEXT'] });
    expect(found.map((v) => v.caseId)).toEqual(['QH-IR14-LATE']);
    expect(found[0]).toMatchObject({ level: 'yellow', evidenceEventIds: [late[0]!.eventId], figures: { laggingEvents: '1', maxLagWorkingDays: '2', firstOccurredOn: '2026-04-30', lastRecordedOn: '2026-05-07' } });
  });
});
