import { z } from 'zod';
import { caseEvent } from '../envelope.ts';

/** 预受理状态. The exchange's code list is not published (S11), so the three outcomes are named here. */
export const preReviewStatus = z.enum(['pass', 'supplement', 'refuse'], {
  error: 'must be one of pass (通过), supplement (需补齐补正), refuse (不予受理)',
});

/** E2 预受理: an optional online pre-check before the window accepts the case. */
export const casePreReviewed = caseEvent(
  'CasePreReviewed',
  z.object({
    status: preReviewStatus.describe('预受理状态代码'),
    refusalReason: z.string().optional().describe('不受理原因 (BSLYY)'),
    supplementNote: z.string().optional().describe('补交补正说明'),
    place: z.string().trim().max(100).optional().describe('预受理地点'),
  }),
);

export type CasePreReviewed = z.infer<typeof casePreReviewed>;
