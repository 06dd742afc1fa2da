import { z } from 'zod';
import { approver, civilDate } from '../common.ts';
import { caseEvent } from '../envelope.ts';

/** E10 挂起 (step-type code 12, S29). Reason and approver are optional: their absence is IR06. */
export const caseSuspended = caseEvent(
  'CaseSuspended',
  z.object({
    reason: z.string().optional().describe('挂起原因'),
    approver: approver.optional().describe('批准人'),
    expectedEnd: civilDate.optional().describe('预计解挂日期'),
  }),
);

/** E10 解挂. The resume day is not counted (domain.md §3.2 step 3), so only the event time matters. */
export const caseResumed = caseEvent(
  'CaseResumed',
  z.object({
    note: z.string().optional().describe('解挂说明'),
  }),
);

export type CaseSuspended = z.infer<typeof caseSuspended>;
export type CaseResumed = z.infer<typeof caseResumed>;
