import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../domain/events/catalogue.ts';
import { caseEventOf } from '../../test/builders/case-events.ts';
import { ruleHarness, type RuleHarness } from '../../test/support/rule-harness.ts';
import { ir10ForwardingLate } from './ir10-forwarding-late.ts';

let h: RuleHarness;
beforeAll(async () => {
  h = await ruleHarness();
});
afterAll(async () => h.close());

const at = (day: string, time = '10:00:00') => `${day}T${time}+08:00`;
const NOW = '2026-06-01T00:00:00+08:00';
/** Accepted Mon 03-16: working day 20 is Tue 04-14 (Qingming 04-04–04-06 skipped), day 21 Wed 04-15. */
const forwarded = (caseId: string, day: string, ...steps: CaseEvent[]) => [
  caseEventOf('CaseSubmitted', caseId, { seq: 1, occurredAt: at('2026-03-16', '09:00:00') }),
  caseEventOf('CaseAccepted', caseId, { seq: 2, occurredAt: at('2026-03-16', '09:30:00') }),
  ...steps,
  caseEventOf('CaseForwarded', caseId, { seq: 5, occurredAt: at(day, '15:00:00') }),
];

describe('IR10: forwarding overdue', () => {
  it('fires for a forwarding on working day 21 after acceptance, with acceptance and forwarding as evidence; silent on day 20', async () => {
    const late = forwarded('QH-I10-DAY21', '2026-04-15');
    await h.append(late);
    await h.append(forwarded('QH-I10-DAY20', '2026-04-14'));
    const found = await h.evaluate(ir10ForwardingLate, NOW, { caseIds: ['QH-I10-DAY21', 'QH-I10-DAY20'] });
    expect(found.map((v) => v.caseId)).toEqual(['QH-I10-DAY21']);
    expect(found[0]).toMatchObject({ level: 'red', figures: { clauses: 'days-after-acceptance', workingDays: '21', limit: '20', allowedUntil: '2026-04-14' } });
    expect(found[0]!.evidenceEventIds).toEqual([late[1]!.eventId, late[2]!.eventId]);
  });

  it('fires for a forwarding after the due date of the step it closes (承办, 5 days from 03-16 → 03-23); silent on that date', async () => {
    const step = (caseId: string) => [
      caseEventOf('StepStarted', caseId, { seq: 3, occurredAt: at('2026-03-16') }),
      caseEventOf('StepCompleted', caseId, { seq: 4, occurredAt: at('2026-03-20') }),
    ];
    await h.append(forwarded('QH-I10-STEP-LATE', '2026-03-24', ...step('QH-I10-STEP-LATE')));
    await h.append(forwarded('QH-I10-STEP-OK', '2026-03-23', ...step('QH-I10-STEP-OK')));
    const found = await h.evaluate(ir10ForwardingLate, NOW, { caseIds: ['QH-I10-STEP-LATE', 'QH-I10-STEP-OK'] });
    expect(found.map((v) => v.caseId)).toEqual(['QH-I10-STEP-LATE']);
    expect(found[0]!.figures).toMatchObject({ clauses: 'step-limit', step: 'S1', stepDueDate: '2026-03-23', workingDays: '6' });
  });
});
