import { z } from 'zod';
import { materialList } from '../common.ts';
import { caseEvent } from '../envelope.ts';

/**
 * E4 不予受理. The reason must be present (ALL Art. 38), but an empty or terse one is still a fact:
 * rule IR01 flags it, the schema does not refuse it.
 */
export const acceptanceRefused = caseEvent(
  'AcceptanceRefused',
  z.object({
    refusalReason: z.string({ error: 'must be the refusal reason text (不受理原因 BSLYY)' }).describe('不受理原因 (BSLYY)'),
    legalBasis: z.string().optional().describe('法律依据'),
    appealRightsNotified: z.boolean().optional().describe('已告知申请复议、提起诉讼的权利'),
    documentNo: z.string().trim().max(64).optional().describe('不予受理通知书编号'),
    materials: materialList.optional().describe('受理资料清单'),
  }),
);

export type AcceptanceRefused = z.infer<typeof acceptanceRefused>;
