import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEventOf } from '../../test/builders/case-events.ts';
import { ruleHarness, type RuleHarness } from '../../test/support/rule-harness.ts';
import { stepOverdue } from './step-overdue.ts';

let h: RuleHarness;
beforeAll(async () => {
  h = await ruleHarness();
});
afterAll(async () => h.close());

const at = (day: string, time = '10:00:00') => `${day}T${time}+08:00`;
/** Seed matter QH-ZRZY-003, step S1 承办 limit 5: accepted and started Mon 03-16 → step due Mon 03-23. */
const stepStartedMar16 = (caseId: string) => [
  caseEventOf('CaseSubmitted', caseId, { seq: 1, occurredAt: at('2026-03-16', '09:00:00') }),
  caseEventOf('CaseAccepted', caseId, { seq: 2, occurredAt: at('2026-03-16', '09:30:00') }),
  caseEventOf('StepStarted', caseId, { seq: 3, occurredAt: at('2026-03-16') }),
];
const completed = (caseId: string, day: string) => caseEventOf('StepCompleted', caseId, { seq: 4, occurredAt: at(day, '16:00:00') });

describe('STEP-OVERDUE: IR08 red, a step over its own limit', () => {
  it('fires for a step completed on its 6th working day, with its start and end as evidence; silent for one completed on the 5th', async () => {
    const late = [...stepStartedMar16('QH-SO-LATE'), completed('QH-SO-LATE', '2026-03-24')];
    await h.append(late);
    await h.append([...stepStartedMar16('QH-SO-ONTIME'), completed('QH-SO-ONTIME', '2026-03-23')]);
    const found = await h.evaluate(stepOverdue, '2026-03-25T12:00:00+08:00', { caseIds: ['QH-SO-LATE', 'QH-SO-ONTIME'] });
    expect(found.map((v) => v.caseId)).toEqual(['QH-SO-LATE']);
    expect(found[0]).toMatchObject({ level: 'red', figures: { steps: 'S1#1', limit: '5', usedDays: '6', overrunDays: '1' } });
    expect(found[0]!.evidenceEventIds).toEqual([late[2]!.eventId, late[3]!.eventId]);
  });

  it('fires for a step still open at 00:00 after its due date, and not a minute before', async () => {
    const open = stepStartedMar16('QH-SO-OPEN');
    await h.append(open);
    const [v] = await h.evaluate(stepOverdue, '2026-03-24T00:00:00+08:00', { caseIds: ['QH-SO-OPEN'] });
    expect(v).toMatchObject({ caseId: 'QH-SO-OPEN', figures: { dueDate: '2026-03-23' } });
    expect(v!.evidenceEventIds).toEqual([open[2]!.eventId]);
    expect(await h.evaluate(stepOverdue, '2026-03-23T23:59:00+08:00', { caseIds: ['QH-SO-OPEN'] })).toEqual([]);
  });
});
