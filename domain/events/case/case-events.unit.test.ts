import { describe, expect, it } from 'vitest';
import { caseEventOf } from '../../../test/builders/case-events.ts';
import { caseEventSchema, caseEventTypes, schemaForType } from '../catalogue.ts';
import { usccCheckChar } from '../common.ts';

function issuesOf(value: unknown) {
  const r = caseEventSchema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}
const pathsOf = (value: unknown) => issuesOf(value).map((i) => i.path);

describe('given a well-formed event of each case type', () => {
  it.each(caseEventTypes)('%s parses with the catalogue and with its own schema', (type) => {
    const event = caseEventOf(type, 'QH-2026-0001');
    expect(issuesOf(event)).toEqual([]);
    expect(schemaForType(type)?.safeParse(event).success).toBe(true);
  });
});

describe('given a malformed event', () => {
  it('when a mandatory payload field is missing, the issue names its path', () => {
    const event = caseEventOf('CaseSubmitted', 'C1');
    const { idNumber: _dropped, ...applicant } = event.payload.applicant;
    expect(pathsOf({ ...event, payload: { ...event.payload, applicant } })).toEqual(['payload.applicant.idNumber']);
  });

  it.each([
    ['AcceptanceRefused', 'refusalReason'],
    ['CaseAccepted', 'limit'],
    ['CaseAccepted', 'receiptNo'],
    ['CaseConcluded', 'resultCode'],
    ['SpecialProcedureStarted', 'startedOn'],
    ['FeeCharged', 'amount'],
    ['RatingSubmitted', 'level'],
    ['ComplaintHandled', 'feedback'],
  ] as const)('when %s lacks %s, it is refused at payload.%s', (type, field) => {
    const event = caseEventOf(type, 'C1') as { payload: Record<string, unknown> };
    delete event.payload[field];
    expect(pathsOf(event)).toEqual([`payload.${field}`]);
  });

  it('when an envelope field is missing, the issue names it', () => {
    const { actor: _a, ...event } = caseEventOf('CaseAccepted', 'C1');
    expect(pathsOf(event)).toEqual(['actor']);
  });

  it('when a field has the wrong type, the issue names its path', () => {
    expect(pathsOf(caseEventOf('FeeCharged', 'C1', { payload: { amount: '10' as never } }))).toEqual(['payload.amount']);
    expect(pathsOf(caseEventOf('StepStarted', 'C1', { payload: { stepNo: 1.5 } }))).toEqual(['payload.stepNo']);
    expect(pathsOf(caseEventOf('CaseConcluded', 'C1', { payload: { resultCode: 6 as never } }))).toEqual(['payload.resultCode']);
  });

  it('when a timestamp has no UTC offset, it is refused with an example in the message', () => {
    const issues = issuesOf(caseEventOf('CaseAccepted', 'C1', { occurredAt: '2026-03-16T09:30:00', payload: { promisedBy: '2026-03-30T17:00:00' } }));
    expect(issues.map((i) => i.path)).toEqual(['occurredAt', 'payload.promisedBy']);
    expect(issues[0]?.message).toContain('+08:00');
  });

  it('when a date is not YYYY-MM-DD, it is refused', () => {
    expect(pathsOf(caseEventOf('SpecialProcedureEnded', 'C1', { payload: { endedOn: '2026/03/25' } }))).toEqual(['payload.endedOn']);
  });

  it('when a department USCC has a wrong check character, it is refused', () => {
    const good = caseEventOf('CaseAccepted', 'C1').dept.code;
    const wrong = good.slice(0, 17) + (usccCheckChar(good.slice(0, 17)) === '0' ? '1' : '0');
    const issues = issuesOf(caseEventOf('CaseAccepted', 'C1', { dept: { code: wrong, name: '清河县自然资源局' } }));
    expect(issues.map((i) => i.path)).toEqual(['dept.code']);
    expect(issues[0]?.message).toContain('check character');
  });

  it.each([
    ['CaseConcluded', { resultCode: '4' }, 'payload.resultCode', 'BJJGDM'],
    ['SpecialProcedureStarted', { kind: 'A' }, 'payload.kind', '延长审批'],
    ['RatingSubmitted', { level: 6 }, 'payload.level', '非常满意'],
    ['StepCompleted', { action: 'approve' }, 'payload.action', '退回'],
    ['StepStarted', { role: '承办' }, 'payload.role', 'handler'],
    ['CaseAccepted', { limit: { value: 10, unit: 'days' } }, 'payload.limit.unit', '工作日'],
    ['CaseSubmitted', { applicant: { kind: '1', name: '张三', idType: '111', idNumber: 'X' } }, 'payload.applicant.kind', '自然人'],
  ] as const)('when %s carries an unknown code, the clerk is told the valid codes', (type, payload, path, hint) => {
    const issues = issuesOf(caseEventOf(type, 'C1', { payload: payload as never }));
    expect(issues.map((i) => i.path)).toEqual([path]);
    expect(issues[0]?.message).toContain(hint);
  });

  it('when contact details are badly formatted, each is named', () => {
    const event = caseEventOf('CaseSubmitted', 'C1');
    const applicant = { ...event.payload.applicant, mobile: 'call me', email: 'zhangsan.example.com' };
    expect(pathsOf({ ...event, payload: { ...event.payload, applicant } })).toEqual(['payload.applicant.mobile', 'payload.applicant.email']);
  });

  it('when an amount has more than two decimals, it is refused', () => {
    expect(pathsOf(caseEventOf('FeeCharged', 'C1', { payload: { amount: 10.005 } }))).toEqual(['payload.amount']);
  });

  it('when the type is not a case event type, the discriminator is reported', () => {
    expect(pathsOf({ ...caseEventOf('CaseAccepted', 'C1'), type: 'CaseApproved' })).toEqual(['type']);
  });
});

describe('given an irregular but well-formed fact (flagged later by the rules, not refused)', () => {
  it.each([
    ['a refusal reason under 10 characters (IR01)', caseEventOf('AcceptanceRefused', 'C1', { payload: { refusalReason: '不符合' } })],
    ['an empty refusal reason (IR01)', caseEventOf('AcceptanceRefused', 'C1', { payload: { refusalReason: '' } })],
    ['conclusion code 1 without a reason (IR01)', caseEventOf('CaseConcluded', 'C1', { payload: { resultCode: '1' } })],
    ['a denial (7) without a reason (IR01)', caseEventOf('CaseConcluded', 'C1', { payload: { resultCode: '7' } })],
    ['a fee far over the standard (IR12)', caseEventOf('FeeCharged', 'C1', { payload: { amount: 3000, quantity: 9 } })],
    ['a special procedure outside ALL Art. 45 (IR06)', caseEventOf('SpecialProcedureStarted', 'C1', { payload: { name: '领导研究' } })],
    ['a suspension with no reason or approver (IR06)', caseEventOf('CaseSuspended', 'C1', { payload: { reason: undefined, approver: undefined } })],
    ['a step that ends before it starts (IR15)', caseEventOf('StepCompleted', 'C1', { occurredAt: '2026-03-18T09:00:00+08:00', payload: { startedAt: '2026-03-19T09:00:00+08:00' } })],
    ['an occurredAt in the future (IR15)', caseEventOf('CaseAccepted', 'C1', { occurredAt: '2099-01-01T00:00:00+08:00' })],
    ['manual back-entry (IR16)', caseEventOf('StepCompleted', 'C1', { sourceSystem: 'manual' })],
  ])('%s parses', (_name, event) => {
    expect(issuesOf(event)).toEqual([]);
  });
});
