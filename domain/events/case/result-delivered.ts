import { z } from 'zod';
import { idNumber, idType, nonEmpty } from '../common.ts';
import { caseEvent } from '../envelope.ts';

/** 领取方式 LQFS. The exchange's code list is not published, so the ways are named here. */
export const deliveryMethod = z.enum(['in-person', 'post', 'electronic', 'other'], {
  error: 'must be one of in-person (窗口领取), post (邮寄), electronic (电子证照), other (其他) (领取方式 LQFS)',
});

/** E14 领取登记/送达. ALL Art. 44: delivery within 10 days of the decision (IR11). */
export const resultDelivered = caseEvent(
  'ResultDelivered',
  z.object({
    recipient: z
      .object({
        name: nonEmpty('领取人姓名').describe('领取人姓名'),
        idType: idType.optional().describe('领取人证件类型'),
        idNumber: idNumber.optional().describe('领取人证件号码'),
      })
      .describe('领取人'),
    method: deliveryMethod.describe('领取方式 (LQFS)'),
    byExpress: z.boolean().optional().describe('是否快递寄送'),
    trackingNo: z.string().trim().max(64).optional().describe('快递单号'),
  }),
);

export type ResultDelivered = z.infer<typeof resultDelivered>;
