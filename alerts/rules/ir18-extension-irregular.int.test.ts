import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEventOf } from '../../test/builders/case-events.ts';
import { ruleHarness, type RuleHarness } from '../../test/support/rule-harness.ts';
import { ir18ExtensionIrregular } from './ir18-extension-irregular.ts';

let h: RuleHarness;
beforeAll(async () => {
  h = await ruleHarness();
});
afterAll(async () => h.close());

const NOW = '2026-06-01T00:00:00+08:00';
/** QH-ZRZY-003, promised 10 working days, accepted Mon 03-16 → due Mon 03-30. */
const extended = (caseId: string, startedOn: string, days: number, reason: string | undefined = '现场核查发现权属争议，需补充调查') => [
  caseEventOf('CaseSubmitted', caseId, { seq: 1, occurredAt: '2026-03-16T09:00:00+08:00' }),
  caseEventOf('CaseAccepted', caseId, { seq: 2, occurredAt: '2026-03-16T09:30:00+08:00' }),
  caseEventOf('SpecialProcedureStarted', caseId, {
    seq: 3,
    occurredAt: `${startedOn}T10:00:00+08:00`,
    payload: { procedureNo: 1, kind: '1', name: '延长审批', reason, limit: { value: days, unit: 'working-days' }, startedOn },
  }),
];

describe('IR18: late or excessive extension', () => {
  it('fires for an extension started the day after the due date, and not for one on the due date', async () => {
    const late = extended('QH-IR18-LATE', '2026-03-31', 5);
    await h.append([...late, ...extended('QH-IR18-DUEDAY', '2026-03-30', 5)]);
    const found = await h.evaluate(ir18ExtensionIrregular, NOW, { caseIds: ['QH-IR18-LATE', 'QH-IR18-DUEDAY'] });
    expect(found.map((v) => v.caseId)).toEqual(['QH-IR18-LATE']);
    expect(found[0]).toMatchObject({ level: 'red', evidenceEventIds: [late[2]!.eventId], figures: { clauses: 'late', dueDate: '2026-03-30', startedOn: '2026-03-31' } });
  });

  it('fires for 11 days (over the maximum of 10) and for a reason of spaces (a full-width one too), and not for 10 days with a reason', async () => {
    await h.append([...extended('QH-IR18-LONG', '2026-03-20', 11), ...extended('QH-IR18-BLANK', '2026-03-20', 5, ' 　'), ...extended('QH-IR18-OK', '2026-03-20', 10)]);
    const found = await h.evaluate(ir18ExtensionIrregular, NOW, { caseIds: ['QH-IR18-LONG', 'QH-IR18-BLANK', 'QH-IR18-OK'] });
    expect(found.map((v) => [v.caseId, v.figures.clauses, v.figures.requestedDays])).toEqual([
      ['QH-IR18-BLANK', 'no-reason', '5'],
      ['QH-IR18-LONG', 'too-long', '11'],
    ]);
  });
});
