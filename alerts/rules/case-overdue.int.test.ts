import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anAcceptedCase, caseEventOf } from '../../test/builders/case-events.ts';
import { ruleHarness, type RuleHarness } from '../../test/support/rule-harness.ts';
import { caseOverdue } from './case-overdue.ts';

let h: RuleHarness;
beforeAll(async () => {
  h = await ruleHarness();
});
afterAll(async () => h.close());

const at = (day: string, time = '10:00:00') => `${day}T${time}+08:00`;
const acceptedFeb10 = (caseId: string) => anAcceptedCase(caseId, '2026-02-10');

describe('CASE-OVERDUE: red on the promised clock', () => {
  it('fires for a case still open at 00:00 of the day after its due date, with the due date as evidence', async () => {
    const events = acceptedFeb10('QH-OV-OPEN');
    await h.append(events);
    const [v] = await h.evaluate(caseOverdue, '2026-03-03T00:00:00+08:00', { caseIds: ['QH-OV-OPEN'] });
    expect(v).toMatchObject({ caseId: 'QH-OV-OPEN', level: 'red', figures: { dueDate: '2026-03-02' } });
    expect(v!.evidenceEventIds.sort()).toEqual(events.map((e) => e.eventId).sort());
  });

  it('is silent for its twin one minute earlier, on the last day of the limit', async () => {
    expect(await h.evaluate(caseOverdue, '2026-03-02T23:59:00+08:00', { caseIds: ['QH-OV-OPEN'] })).toEqual([]);
  });

  it('fires for a case concluded one working day late, and stays silent for one concluded on the due day', async () => {
    await h.append([...acceptedFeb10('QH-OV-LATE'), caseEventOf('CaseConcluded', 'QH-OV-LATE', { seq: 3, occurredAt: at('2026-03-03') })]);
    await h.append([...acceptedFeb10('QH-OV-ONTIME'), caseEventOf('CaseConcluded', 'QH-OV-ONTIME', { seq: 3, occurredAt: at('2026-03-02') })]);
    const found = await h.evaluate(caseOverdue, '2026-06-01T00:00:00+08:00', { caseIds: ['QH-OV-LATE', 'QH-OV-ONTIME'] });
    expect(found.map((v) => v.caseId)).toEqual(['QH-OV-LATE']);
    expect(found[0]!.figures).toMatchObject({ usedDays: '11', overrunDays: '1' });
  });
});
