import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEventOf } from '../../test/builders/case-events.ts';
import { ruleHarness, type RuleHarness } from '../../test/support/rule-harness.ts';
import { ir03AcceptanceLate } from './ir03-acceptance-late.ts';

let h: RuleHarness;
beforeAll(async () => {
  h = await ruleHarness();
});
afterAll(async () => h.close());

const at = (day: string, time = '10:00:00') => `${day}T${time}+08:00`;
/** Submitted Thu 04-02: the 5 working days are 04-03, 04-07, 04-08, 04-09, 04-10 (Qingming 04-04–04-06 skipped). */
const submittedApr2 = (caseId: string) => caseEventOf('CaseSubmitted', caseId, { seq: 1, occurredAt: at('2026-04-02', '09:00:00') });

describe('IR03: acceptance decision late', () => {
  it('fires for an acceptance on the 6th working day, with submission and decision as evidence; silent for one on the 5th', async () => {
    const late = [submittedApr2('QH-I3-LATE'), caseEventOf('CaseAccepted', 'QH-I3-LATE', { seq: 2, occurredAt: at('2026-04-13') })];
    await h.append(late);
    await h.append([submittedApr2('QH-I3-ONTIME'), caseEventOf('CaseAccepted', 'QH-I3-ONTIME', { seq: 2, occurredAt: at('2026-04-10', '16:00:00') })]);
    const found = await h.evaluate(ir03AcceptanceLate, '2026-06-01T00:00:00+08:00', { caseIds: ['QH-I3-LATE', 'QH-I3-ONTIME'] });
    expect(found.map((v) => v.caseId)).toEqual(['QH-I3-LATE']);
    expect(found[0]).toMatchObject({ level: 'red', figures: { submittedOn: '2026-04-02', decisionDueOn: '2026-04-10', decision: 'CaseAccepted', decidedOn: '2026-04-13' } });
    expect(found[0]!.evidenceEventIds).toEqual([late[0]!.eventId, late[1]!.eventId]);
  });

  it('fires for an undecided case from 00:00 after the last day of the window, and not a minute before', async () => {
    const open = submittedApr2('QH-I3-UNDECIDED');
    await h.append([open]);
    const [v] = await h.evaluate(ir03AcceptanceLate, '2026-04-11T00:00:00+08:00', { caseIds: ['QH-I3-UNDECIDED'] });
    expect(v).toMatchObject({ caseId: 'QH-I3-UNDECIDED', figures: { decisionDueOn: '2026-04-10', decision: '' } });
    expect(v!.evidenceEventIds).toEqual([open.eventId]);
    expect(await h.evaluate(ir03AcceptanceLate, '2026-04-10T23:59:00+08:00', { caseIds: ['QH-I3-UNDECIDED'] })).toEqual([]);
  });
});
