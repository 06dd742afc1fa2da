import { z } from 'zod';
import { currency, money, nonEmpty } from '../common.ts';
import { caseEvent } from '../envelope.ts';

/** E11 收费 (GB/T 39046 Table 14). Amounts over the catalogue standard are IR12, not malformed (ALL Arts. 58–59). */
export const feeCharged = caseEvent(
  'FeeCharged',
  z.object({
    receiptNo: nonEmpty('缴款单号').describe('缴款单号'),
    amount: money.describe('收费金额'),
    currency: currency.optional().describe('币种'),
    feeItemCode: z.string().trim().min(1).max(32).optional().describe('收费项目编码'),
    quantity: z.number({ error: 'must be a number (数量)' }).positive('must be more than 0').optional().describe('数量'),
    payerName: z.string().trim().max(100).optional().describe('缴款人'),
    collector: z.string().trim().max(100).optional().describe('收费人员'),
  }),
);

export type FeeCharged = z.infer<typeof feeCharged>;
