import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Applicant } from '../../domain/events/case/case-submitted.ts';
import { caseEventOf } from '../../test/builders/case-events.ts';
import { ruleHarness, type RuleHarness } from '../../test/support/rule-harness.ts';
import { ir19WrongfulRefusal, ir19WrongfulRefusalMaskedApplicant } from './ir19-wrongful-refusal.ts';

let h: RuleHarness;
beforeAll(async () => {
  h = await ruleHarness();
});
afterAll(async () => h.close());

const NOW = '2026-06-01T00:00:00+08:00';
const at = (day: string, time = '10:00:00') => `${day}T${time}+08:00`;
const person = (name: string, idNumber: string, subjectId?: string): Applicant => ({ kind: 'natural-person', name, idType: '111', idNumber, ...(subjectId && { subjectId }) });

/** Refused Thu 04-30 (QH-ZRZY-003); across Labour Day the 10th working day after it is Mon 05-18. */
const refused = (caseId: string, applicant: Applicant) => [
  caseEventOf('CaseSubmitted', caseId, { seq: 1, occurredAt: at('2026-04-30', '09:00:00'), payload: { applicant } }),
  caseEventOf('AcceptanceRefused', caseId, { seq: 2, occurredAt: at('2026-04-30') }),
];
const reapplied = (caseId: string, applicant: Applicant, acceptedOn: string, extra: { originalCaseId?: string; materials?: { code: string; name: string }[] } = {}) => [
  caseEventOf('CaseSubmitted', caseId, { seq: 1, occurredAt: at('2026-05-11', '09:00:00'), payload: { applicant, ...extra } }),
  caseEventOf('CaseAccepted', caseId, { seq: 2, occurredAt: at(acceptedOn) }),
];

describe('IR19: suspected wrongful refusal', () => {
  it('fires when the resubmission naming the refused case, or carrying the same subjectId, is accepted on the 10th working day, and not on the 11th', async () => {
    const a = person('王五', '320101198001010011');
    const r1 = refused('QH-IR19-R1', a);
    const n1 = reapplied('QH-IR19-N1', a, '2026-05-18', { originalCaseId: 'QH-IR19-R1' });
    const b = person('赵六', '320101198001010022');
    const r2 = refused('QH-IR19-R2', b);
    const n2 = reapplied('QH-IR19-N2', b, '2026-05-19', { originalCaseId: 'QH-IR19-R2' });
    const c = person('钱七', '320101198001010033', 'SUBJ-IR19-C');
    const r3 = refused('QH-IR19-R3', c);
    const n3 = reapplied('QH-IR19-N3', c, '2026-05-18');
    await h.append([...r1, ...r2, ...r3]);
    await h.append([...n1, ...n2, ...n3]);
    // Evaluated for the resubmissions only, as after the batch that accepted them.
    const found = await h.evaluate(ir19WrongfulRefusal, NOW, { caseIds: ['QH-IR19-N1', 'QH-IR19-N2', 'QH-IR19-N3'] });
    expect(found.map((v) => [v.caseId, v.figures.matchedBy, v.figures.deadline])).toEqual([
      ['QH-IR19-R1', 'originalCaseId', '2026-05-18'],
      ['QH-IR19-R3', 'subjectId', '2026-05-18'],
    ]);
    expect(found[0]).toMatchObject({ level: 'yellow', evidenceEventIds: [r1[1]!.eventId, n1[0]!.eventId, n1[1]!.eventId], figures: { resubmittedCaseIds: 'QH-IR19-N1' } });
    // The pair is found from the refused side too, and a batch touching neither case finds nothing.
    expect((await h.evaluate(ir19WrongfulRefusal, NOW, { caseIds: ['QH-IR19-R3'] })).map((v) => [v.caseId, v.figures.resubmittedCaseIds])).toEqual([['QH-IR19-R3', 'QH-IR19-N3']]);
    expect(await h.evaluate(ir19WrongfulRefusal, NOW, { caseIds: ['QH-IR19-R2'] })).toEqual([]);
  });

  it('fires when a complaint about the refusal is upheld, and not when it is found unsubstantiated', async () => {
    const complaint = (caseId: string, substantiated: boolean) => [
      caseEventOf('ComplaintFiled', caseId, { seq: 3, occurredAt: at('2026-05-06') }),
      caseEventOf('ComplaintHandled', caseId, { seq: 4, occurredAt: at('2026-05-12'), payload: { substantiated } }),
    ];
    const upheld = [...refused('QH-IR19-UPHELD', person('孙八', '320101198001010044')), ...complaint('QH-IR19-UPHELD', true)];
    await h.append([...upheld, ...refused('QH-IR19-REJECTED', person('周九', '320101198001010055')), ...complaint('QH-IR19-REJECTED', false)]);
    const found = await h.evaluate(ir19WrongfulRefusal, NOW, { caseIds: ['QH-IR19-UPHELD', 'QH-IR19-REJECTED'] });
    expect(found.map((v) => [v.caseId, v.figures.matchedBy, v.evidenceEventIds])).toEqual([['QH-IR19-UPHELD', 'upheldComplaint', [upheld[1]!.eventId, upheld[3]!.eventId]]]);
  });

  it('IR19-MASKED pairs two people who share a masked identity when the materials are the same, and IR19 does not', async () => {
    // 吴一 320101198001010066 and 吴二 320109199912310066 both read 吴* / 320***********0066.
    const r = refused('QH-IR19M-R', person('吴一', '320101198001010066'));
    const n = reapplied('QH-IR19M-N', person('吴二', '320109199912310066'), '2026-05-15');
    await h.append([...r, ...n]);
    const other = [{ code: 'M01', name: '不动产登记申请书' }, { code: 'M09', name: '权属来源证明' }];
    await h.append([...refused('QH-IR19M-R2', person('郑一', '320101198001010077')), ...reapplied('QH-IR19M-N2', person('郑二', '320109199912310077'), '2026-05-15', { materials: other })]);
    const ids = ['QH-IR19M-N', 'QH-IR19M-N2'];
    expect(await h.evaluate(ir19WrongfulRefusal, NOW, { caseIds: ids })).toEqual([]);
    const found = await h.evaluate(ir19WrongfulRefusalMaskedApplicant, NOW, { caseIds: ids });
    expect(found.map((v) => [v.caseId, v.figures.matchedBy, v.evidenceEventIds])).toEqual([['QH-IR19M-R', 'maskedApplicant', [r[1]!.eventId, n[0]!.eventId, n[1]!.eventId]]]);
  });
});
