import { randomUUID } from 'node:crypto';
import type { CaseEvent, CaseEventType, EventOf } from '../../domain/events/catalogue.ts';
import { COUNTY_DIVISION, countyDepartments } from '../../domain/seed/county.ts';

/**
 * Valid case events for tests. Defaults follow the seed county (清河县), so a test that loads
 * `seedReferenceEvents()` gets events whose department, matter and window all exist there.
 */

/** 清河县自然资源局: a USCC with a valid check character. */
export const VALID_DEPT_USCC = countyDepartments.land.code;
export const VALID_DEPT = { code: VALID_DEPT_USCC, name: countyDepartments.land.name };
/**
 * 不动产权证书遗失补发: statutory 30, promised 10 working days, steps 承办 5 / 审核 3 / 批准 2,
 * fee item F01 工本费 10 CNY × 1, special procedure 实地核查 allowed.
 */
export const BUILDER_MATTER = { code: 'QH-ZRZY-003', version: 1 } as const;
export const BUILDER_WINDOW_ID = 'qh-c03';
export const DEFAULT_CASE_ID = 'QH-TEST-0001';

type Payload<T extends CaseEventType> = EventOf<T>['payload'];
/** Envelope fields replace the defaults; `payload` is merged one level deep into the default payload. */
export type EventOverrides<T extends CaseEventType> = Partial<Omit<EventOf<T>, 'type' | 'payload'>> & {
  payload?: Partial<Payload<T>>;
};

/** A lifecycle in March 2026 (Mon 03-16 onward), so default events of different types are in order. */
const defaults: { [T in CaseEventType]: { seq: number; at: string; payload: Payload<T> } } = {
  CaseSubmitted: {
    seq: 1,
    at: '2026-03-16T09:00:00+08:00',
    payload: {
      applicant: { kind: 'natural-person', name: '张三丰', idType: '111', idNumber: '11010519491231002X', mobile: '13812341234', address: '江苏省清河县人民路1号' },
      matterName: '不动产权证书遗失补发',
      materials: [{ code: 'M01', name: '不动产登记申请书' }, { code: 'M02', name: '遗失声明' }],
    },
  },
  CasePreReviewed: { seq: 2, at: '2026-03-16T09:10:00+08:00', payload: { status: 'pass' } },
  CaseAccepted: {
    seq: 3,
    at: '2026-03-16T09:30:00+08:00',
    payload: {
      receiptNo: 'SL-2026-000001',
      limit: { value: 10, unit: 'working-days' },
      promisedBy: '2026-03-30T23:59:59+08:00',
      materials: [{ code: 'M01', name: '不动产登记申请书' }, { code: 'M02', name: '遗失声明' }],
    },
  },
  AcceptanceRefused: { seq: 3, at: '2026-03-16T09:30:00+08:00', payload: { refusalReason: '申请事项不属于本机关职权范围，请向不动产所在地登记机构申请。' } },
  SupplementRequested: { seq: 4, at: '2026-03-17T10:00:00+08:00', payload: { reason: '遗失声明未载明证书号', materials: [{ code: 'M03', name: '登报遗失声明原件' }] } },
  SupplementReceived: { seq: 5, at: '2026-03-18T10:00:00+08:00', payload: { materials: [{ code: 'M03', name: '登报遗失声明原件' }] } },
  StepStarted: { seq: 6, at: '2026-03-18T11:00:00+08:00', payload: { stepCode: 'S1', stepName: '承办', stepNo: 1, role: 'handler' } },
  StepCompleted: {
    seq: 7,
    at: '2026-03-19T16:00:00+08:00',
    payload: { stepCode: 'S1', stepName: '承办', stepNo: 1, role: 'handler', action: 'pass', opinion: '材料齐全，同意' },
  },
  SpecialProcedureStarted: {
    seq: 8,
    at: '2026-03-20T09:00:00+08:00',
    payload: { procedureNo: 1, kind: '2', name: '实地核查', reason: '核查不动产现状', approver: { name: '王局长' }, limit: { value: 3, unit: 'working-days' }, startedOn: '2026-03-20' },
  },
  SpecialProcedureEnded: { seq: 9, at: '2026-03-25T17:00:00+08:00', payload: { procedureNo: 1, result: '核查通过', endedOn: '2026-03-25' } },
  CaseSuspended: { seq: 10, at: '2026-03-26T09:00:00+08:00', payload: { reason: '申请人申请暂缓办理', approver: { name: '王局长' } } },
  CaseResumed: { seq: 11, at: '2026-03-27T09:00:00+08:00', payload: {} },
  FeeCharged: { seq: 12, at: '2026-03-30T10:00:00+08:00', payload: { receiptNo: 'JK-2026-000001', amount: 10, feeItemCode: 'F01', quantity: 1 } },
  CaseForwarded: { seq: 12, at: '2026-03-30T10:00:00+08:00', payload: { kind: 'report', target: { name: '示范市自然资源和规划局' }, opinion: '初审通过' } },
  CaseConcluded: { seq: 13, at: '2026-03-31T15:00:00+08:00', payload: { resultCode: '0', certificate: { name: '不动产权证书', number: '清河县不动产权第0000001号' } } },
  ResultDelivered: { seq: 14, at: '2026-04-01T10:00:00+08:00', payload: { recipient: { name: '张三丰', idType: '111', idNumber: '11010519491231002X' }, method: 'in-person' } },
  CaseWithdrawn: { seq: 4, at: '2026-03-20T10:00:00+08:00', payload: { requestedBy: 'applicant', reason: '申请人主动撤回' } },
  RatingSubmitted: { seq: 15, at: '2026-04-01T10:05:00+08:00', payload: { channel: 'window-device', level: 1 } },
  ComplaintFiled: { seq: 16, at: '2026-04-02T09:00:00+08:00', payload: { complaintId: 'TS-2026-0001', content: '窗口人员态度冷淡' } },
  ComplaintHandled: { seq: 17, at: '2026-04-08T09:00:00+08:00', payload: { complaintId: 'TS-2026-0001', feedback: '已约谈窗口人员并致歉', substantiated: true } },
};

const actorFor = (type: CaseEventType): CaseEvent['actor'] =>
  type === 'CaseSubmitted' || type === 'RatingSubmitted' || type === 'ComplaintFiled'
    ? { name: '张三丰', role: 'applicant' }
    : { name: '李承办', staffNo: 'QH0001', role: 'handler' };

/** A valid event of any case type for `caseId`; overrides replace envelope fields and merge into the payload. */
export function caseEventOf<T extends CaseEventType>(type: T, caseId: string = DEFAULT_CASE_ID, overrides: EventOverrides<T> = {}): EventOf<T> {
  const d = defaults[type];
  const { payload, ...envelope } = overrides;
  return {
    eventId: randomUUID(),
    caseId,
    seq: d.seq,
    occurredAt: d.at,
    matterCode: BUILDER_MATTER.code,
    matterVersion: BUILDER_MATTER.version,
    dept: { ...VALID_DEPT },
    windowId: BUILDER_WINDOW_ID,
    divisionCode: COUNTY_DIVISION,
    channel: 'window',
    sourceSystem: 'qh-approval',
    actor: actorFor(type),
    dataVersion: 1,
    ...envelope,
    type,
    payload: { ...structuredClone(d.payload), ...payload },
  } as EventOf<T>;
}

type Named<T extends CaseEventType> = (overrides?: EventOverrides<T>) => EventOf<T>;
const named =
  <T extends CaseEventType>(type: T): Named<T> =>
  (overrides = {}) =>
    caseEventOf(type, overrides.caseId ?? DEFAULT_CASE_ID, overrides);

export const aSubmittedEvent = named('CaseSubmitted');
export const aPreReviewedEvent = named('CasePreReviewed');
export const anAcceptedEvent = named('CaseAccepted');
export const aRefusedEvent = named('AcceptanceRefused');
export const aSupplementRequestedEvent = named('SupplementRequested');
export const aSupplementReceivedEvent = named('SupplementReceived');
export const aStepStartedEvent = named('StepStarted');
export const aStepCompletedEvent = named('StepCompleted');
export const aSpecialProcedureStartedEvent = named('SpecialProcedureStarted');
export const aSpecialProcedureEndedEvent = named('SpecialProcedureEnded');
export const aSuspendedEvent = named('CaseSuspended');
export const aResumedEvent = named('CaseResumed');
export const aFeeChargedEvent = named('FeeCharged');
export const aForwardedEvent = named('CaseForwarded');
export const aConcludedEvent = named('CaseConcluded');
export const aDeliveredEvent = named('ResultDelivered');
export const aWithdrawnEvent = named('CaseWithdrawn');
export const aRatingEvent = named('RatingSubmitted');
export const aComplaintFiledEvent = named('ComplaintFiled');
export const aComplaintHandledEvent = named('ComplaintHandled');

/**
 * A complete on-time case: submitted and accepted Mon 2026-03-16, three steps (承办/审核/批准)
 * within the matter's 5/3/2 limits, fee, concluded Fri 03-27 (early: 9 of 10 days) with the certificate, delivered, rated.
 */
export function aConcludedCaseHistory(caseId: string = DEFAULT_CASE_ID): CaseEvent[] {
  const step = (n: number, code: string, name: string, role: 'handler' | 'reviewer' | 'approver', start: string, end: string, seq: number) => [
    caseEventOf('StepStarted', caseId, { seq, occurredAt: start, payload: { stepCode: code, stepName: name, stepNo: n, role } }),
    caseEventOf('StepCompleted', caseId, { seq: seq + 1, occurredAt: end, actor: { name: `${name}人`, role }, payload: { stepCode: code, stepName: name, stepNo: n, role, action: 'pass', startedAt: start } }),
  ];
  return [
    caseEventOf('CaseSubmitted', caseId, { seq: 1 }),
    caseEventOf('CaseAccepted', caseId, { seq: 2 }),
    ...step(1, 'S1', '承办', 'handler', '2026-03-16T10:00:00+08:00', '2026-03-20T16:00:00+08:00', 3),
    ...step(2, 'S2', '审核', 'reviewer', '2026-03-23T09:00:00+08:00', '2026-03-25T16:00:00+08:00', 5),
    ...step(3, 'S3', '批准', 'approver', '2026-03-26T09:00:00+08:00', '2026-03-27T11:00:00+08:00', 7),
    caseEventOf('FeeCharged', caseId, { seq: 9, occurredAt: '2026-03-27T11:30:00+08:00' }),
    caseEventOf('CaseConcluded', caseId, { seq: 10, occurredAt: '2026-03-27T15:00:00+08:00', payload: { feeTotal: 10 } }),
    caseEventOf('ResultDelivered', caseId, { seq: 11, occurredAt: '2026-03-30T10:00:00+08:00' }),
    caseEventOf('RatingSubmitted', caseId, { seq: 12, occurredAt: '2026-03-30T10:05:00+08:00' }),
  ];
}

/** `YYYY-MM-DD` and a time of day as an instant in Beijing time. */
export const beijing = (day: string, time = '10:00:00') => `${day}T${time}+08:00`;

/**
 * A case submitted and accepted on `day` (09:00, 09:30) under the default matter QH-ZRZY-003
 * (promised 10, statutory 30 working days). Accepted Tue 2026-02-10, it is due Mon 03-02 with
 * yellow at 00:00 of the make-up Saturday 02-28 (domain.md §8 Ex 1).
 */
export function anAcceptedCase(caseId: string, day = '2026-02-10', overrides: EventOverrides<'CaseSubmitted'> = {}): CaseEvent[] {
  return [
    caseEventOf('CaseSubmitted', caseId, { seq: 1, occurredAt: beijing(day, '09:00:00'), ...overrides }),
    caseEventOf('CaseAccepted', caseId, { seq: 2, occurredAt: beijing(day, '09:30:00'), ...(overrides as EventOverrides<'CaseAccepted'>) }),
  ];
}
