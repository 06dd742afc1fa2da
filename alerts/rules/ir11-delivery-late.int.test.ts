import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEventOf } from '../../test/builders/case-events.ts';
import { ruleHarness, type RuleHarness } from '../../test/support/rule-harness.ts';
import { ir11DeliveryLate, ir11DeliveryMissing } from './ir11-delivery-late.ts';

let h: RuleHarness;
beforeAll(async () => {
  h = await ruleHarness();
});
afterAll(async () => h.close());

const at = (day: string, time = '10:00:00') => `${day}T${time}+08:00`;
/**
 * Concluded with a certificate Wed 04-29. Across Labour Day (05-01…05-05 off, Sat 05-09 worked)
 * the 10th working day after it is Fri 05-15, so delivery is due by 05-15 24:00.
 */
const concludedApr29 = (caseId: string, resultCode: '0' | '7' = '0') => [
  caseEventOf('CaseSubmitted', caseId, { seq: 1, occurredAt: at('2026-04-20', '09:00:00') }),
  caseEventOf('CaseAccepted', caseId, { seq: 2, occurredAt: at('2026-04-20', '09:30:00') }),
  caseEventOf('CaseConcluded', caseId, { seq: 3, occurredAt: at('2026-04-29', '15:00:00'), payload: { resultCode } }),
];
const delivered = (caseId: string, day: string) => caseEventOf('ResultDelivered', caseId, { seq: 4, occurredAt: at(day) });

describe('IR11: certificate delivered late, or not at all', () => {
  it('fires for a delivery on the 11th working day after the conclusion, and not for one on the 10th', async () => {
    const late = [...concludedApr29('QH-IR11-LATE'), delivered('QH-IR11-LATE', '2026-05-18')];
    await h.append(late);
    await h.append([...concludedApr29('QH-IR11-ONTIME'), delivered('QH-IR11-ONTIME', '2026-05-15')]);
    const found = await h.evaluate(ir11DeliveryLate, at('2026-06-01'), { caseIds: ['QH-IR11-LATE', 'QH-IR11-ONTIME'] });
    expect(found.map((v) => v.caseId)).toEqual(['QH-IR11-LATE']);
    expect(found[0]!.evidenceEventIds).toEqual([late[2]!.eventId, late[3]!.eventId]);
    expect(found[0]).toMatchObject({ level: 'yellow', figures: { deadline: '2026-05-15', deliveredOn: '2026-05-18', workingDaysTaken: '11' } });
  });

  it('IR11-UNDELIVERED fires for a result with no delivery at 00:00 after the deadline, not one minute earlier, and never for a denial or a delivered result', async () => {
    const open = concludedApr29('QH-IR11-OPEN');
    await h.append([...open, ...concludedApr29('QH-IR11-DENIED', '7')]);
    const ids = ['QH-IR11-OPEN', 'QH-IR11-DENIED', 'QH-IR11-LATE'];
    expect(await h.evaluate(ir11DeliveryMissing, '2026-05-15T23:59:00+08:00', { caseIds: ids })).toEqual([]);
    const found = await h.evaluate(ir11DeliveryMissing, '2026-05-16T00:00:00+08:00', { caseIds: ids });
    expect(found.map((v) => v.caseId)).toEqual(['QH-IR11-OPEN']);
    expect(found[0]).toMatchObject({ level: 'yellow', evidenceEventIds: [open[2]!.eventId], figures: { deadline: '2026-05-15', workingDaysElapsed: '10' } });
  });
});
