import { z } from 'zod';
import { caseId, materialList, nonEmpty, uscc } from '../common.ts';
import { caseEvent } from '../envelope.ts';

/** 上报 to a higher authority, 转报 to another one, or 代办 from a town window to the county (S27). */
export const forwardKind = z.enum(['report', 'transfer', 'proxy'], {
  error: 'must be one of report (上报), transfer (转报), proxy (代办)',
});

/** E12 转报/上报. ALL Art. 43: the preliminary review must reach the upper authority within 20 days (IR10). */
export const caseForwarded = caseEvent(
  'CaseForwarded',
  z.object({
    kind: forwardKind.optional().describe('转报类型'),
    target: z
      .object({
        name: nonEmpty('目标机关名称').describe('目标机关名称'),
        code: uscc.optional().describe('目标机关统一社会信用代码'),
      })
      .describe('目标机关'),
    targetCaseId: caseId.optional().describe('目标机关办件编号'),
    opinion: z.string().optional().describe('初步审查意见'),
    materials: materialList.optional().describe('转报材料清单'),
  }),
);

export type CaseForwarded = z.infer<typeof caseForwarded>;
