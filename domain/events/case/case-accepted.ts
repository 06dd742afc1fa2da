import { z } from 'zod';
import { instant, materialList, money, nonEmpty, timeLimit } from '../common.ts';
import { caseEvent } from '../envelope.ts';

/** E3 受理. Starts the promised clock (ALL Art. 32: acceptance needs a dated written notice, hence the receipt). */
export const caseAccepted = caseEvent(
  'CaseAccepted',
  z.object({
    receiptNo: nonEmpty('受理回执号').describe('受理回执号'),
    limit: timeLimit.describe('规定办理时限 + 单位 (GDBLSX/GDBLSXDDW)'),
    promisedBy: instant.optional().describe('承诺办结时间'),
    feeStandard: money.optional().describe('规定收费 (GDSF)'),
    materials: materialList.describe('受理资料清单'),
    documentNo: z.string().trim().max(64).optional().describe('受理文书编号'),
    place: z.string().trim().max(100).optional().describe('受理地点'),
  }),
);

export type CaseAccepted = z.infer<typeof caseAccepted>;
