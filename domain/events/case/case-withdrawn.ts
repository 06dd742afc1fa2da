import { z } from 'zod';
import { caseEvent } from '../envelope.ts';

export const withdrawalRequester = z.enum(['applicant', 'department', 'other'], {
  error: 'must be one of applicant (申请人撤回), department (部门撤件), other (其他)',
});

/** E15 撤件. Ends the case as BJJGDM 1 (退回) or 2 (作废). */
export const caseWithdrawn = caseEvent(
  'CaseWithdrawn',
  z.object({
    requestedBy: withdrawalRequester.describe('撤件提出方'),
    reason: z.string().optional().describe('撤件原因'),
    resultCode: z
      .enum(['1', '2'], { error: 'must be "1" (退回办结) or "2" (作废办结) (办结结果代码 BJJGDM)' })
      .optional()
      .describe('办结结果代码 (BJJGDM)'),
  }),
);

export type CaseWithdrawn = z.infer<typeof caseWithdrawn>;
