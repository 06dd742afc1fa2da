import { z } from 'zod';
import { instant, nonEmpty } from '../../events/common.ts';
import { alertEvent } from './envelope.ts';

export const alertLevel = z.enum(['yellow', 'red'], { error: 'must be yellow (预警) or red (纠错)' });
export type AlertLevel = z.infer<typeof alertLevel>;

/** What a rule attaches (issue 5 item 1): the events that prove it and the figures it computed. */
export const alertEvidence = z.strictObject({
  eventIds: z.array(z.string().min(1)),
  figures: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type AlertEvidence = z.infer<typeof alertEvidence>;

const raisedFields = {
  caseId: nonEmpty('办件编号'),
  ruleId: nonEmpty('监察规则编号'),
  ruleVersion: z.number().int().positive(),
  deptCode: nonEmpty('责任部门'),
  reason: nonEmpty('监察结果描述'),
  evidence: alertEvidence,
};

/**
 * §5 RAISED. A yellow escalates to red at the case's overdueAt (null when the clock gives none);
 * a red owes a reply (回告) within K working days, after which it escalates to a supervision notice.
 */
export const alertRaisedPayload = z.discriminatedUnion('level', [
  z.strictObject({ ...raisedFields, level: z.literal('yellow'), replyDueAt: instant.nullable(), escalateAt: instant.nullable() }),
  z.strictObject({ ...raisedFields, level: z.literal('red'), replyDueAt: instant, escalateAt: instant }),
]);

export const alertRaised = alertEvent('AlertRaised', alertRaisedPayload);
export type AlertRaised = z.infer<typeof alertRaised>;
