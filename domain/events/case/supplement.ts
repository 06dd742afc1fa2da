import { z } from 'zod';
import { materialList } from '../common.ts';
import { caseEvent } from '../envelope.ts';

/** E5 补齐补正告知. ALL Art. 32 wants the complete list at once (一次性告知); a second notice is IR04, not malformed. */
export const supplementRequested = caseEvent(
  'SupplementRequested',
  z.object({
    reason: z.string().optional().describe('补正告知原因'),
    materials: materialList.describe('补正材料清单'),
  }),
);

/** E6 补交受理. Materials outside the E5 list are IR05. */
export const supplementReceived = caseEvent(
  'SupplementReceived',
  z.object({
    materials: materialList.describe('补正材料清单'),
    place: z.string().trim().max(100).optional().describe('补正地点'),
  }),
);

export type SupplementRequested = z.infer<typeof supplementRequested>;
export type SupplementReceived = z.infer<typeof supplementReceived>;
