import { z } from 'zod';
import { nonEmpty } from '../../events/common.ts';
import { alertEvent } from './envelope.ts';

/** The supervision office has seen the alert. */
export const alertAcknowledged = alertEvent('AlertAcknowledged', z.strictObject({}));

/** 回告 (§5, S12): the department explains and says what it corrected. */
export const rectificationReplied = alertEvent(
  'RectificationReplied',
  z.strictObject({
    explanation: nonEmpty('情况说明'),
    correctiveAction: nonEmpty('整改措施'),
    evidence: z.array(z.string().trim().min(1)).describe('ids or links of the supporting documents'),
  }),
);

/** The supervision office accepted the reply; the alert stays on record (§5). */
export const alertVerifiedClosed = alertEvent('AlertVerifiedClosed', z.strictObject({ note: nonEmpty('核查意见') }));

/** The reply was not accepted, or a closed alert needs another look: a new reply is owed. */
export const alertReopened = alertEvent('AlertReopened', z.strictObject({ reason: nonEmpty('重新督办原因') }));

export type AlertAcknowledged = z.infer<typeof alertAcknowledged>;
export type RectificationReplied = z.infer<typeof rectificationReplied>;
export type AlertVerifiedClosed = z.infer<typeof alertVerifiedClosed>;
export type AlertReopened = z.infer<typeof alertReopened>;
