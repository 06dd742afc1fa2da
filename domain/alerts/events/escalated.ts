import { z } from 'zod';
import { instant, nonEmpty } from '../../events/common.ts';
import { alertEvent } from './envelope.ts';

/**
 * §5 ESCALATED: a yellow becomes red when the case runs out of time; a red without an accepted
 * reply becomes a supervision notice (监察建议书, E18 SupervisionNoticeIssued) with its own reply deadline.
 */
export const alertEscalated = alertEvent(
  'AlertEscalated',
  z.strictObject({
    to: z.enum(['red', 'supervision-notice'], { error: 'must be red or supervision-notice' }),
    reason: nonEmpty('升级原因'),
    noticeNo: z.string().trim().min(1).optional().describe('监察建议书编号'),
    replyDueAt: instant,
  }),
);
export type AlertEscalated = z.infer<typeof alertEscalated>;
export type EscalationTarget = AlertEscalated['payload']['to'];
