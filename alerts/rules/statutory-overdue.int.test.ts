import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anAcceptedCase, caseEventOf } from '../../test/builders/case-events.ts';
import { ruleHarness, type RuleHarness } from '../../test/support/rule-harness.ts';
import { statutoryOverdue } from './statutory-overdue.ts';

let h: RuleHarness;
beforeAll(async () => {
  h = await ruleHarness();
});
afterAll(async () => h.close());

const at = (day: string, time = '10:00:00') => `${day}T${time}+08:00`;
const acceptedFeb10 = (caseId: string) => anAcceptedCase(caseId, '2026-02-10');

describe('STATUTORY-OVERDUE: red on the statutory clock', () => {
  it('fires for a case still open at 00:00 after its statutory due date, and not a minute before', async () => {
    const events = acceptedFeb10('QH-ST-OPEN');
    await h.append(events);
    const [v] = await h.evaluate(statutoryOverdue, '2026-03-31T00:00:00+08:00', { caseIds: ['QH-ST-OPEN'] });
    expect(v).toMatchObject({ caseId: 'QH-ST-OPEN', level: 'red', figures: { statutoryDueDate: '2026-03-30', statutoryLimit: '30' } });
    expect(v!.evidenceEventIds).toEqual([events[1]!.eventId]);
    expect(await h.evaluate(statutoryOverdue, '2026-03-30T23:59:00+08:00', { caseIds: ['QH-ST-OPEN'] })).toEqual([]);
  });

  it('fires for a case concluded on working day 31, with acceptance and conclusion as evidence; silent for one concluded on day 30', async () => {
    const late = [...acceptedFeb10('QH-ST-LATE'), caseEventOf('CaseConcluded', 'QH-ST-LATE', { seq: 3, occurredAt: at('2026-03-31') })];
    await h.append(late);
    await h.append([...acceptedFeb10('QH-ST-ONTIME'), caseEventOf('CaseConcluded', 'QH-ST-ONTIME', { seq: 3, occurredAt: at('2026-03-30') })]);
    const found = await h.evaluate(statutoryOverdue, '2026-06-01T00:00:00+08:00', { caseIds: ['QH-ST-LATE', 'QH-ST-ONTIME'] });
    expect(found.map((v) => v.caseId)).toEqual(['QH-ST-LATE']);
    expect(found[0]!.figures).toMatchObject({ statutoryUsedDays: '31', status: 'concluded' });
    expect(found[0]!.evidenceEventIds).toEqual([late[1]!.eventId, late[2]!.eventId]);
  });
});
