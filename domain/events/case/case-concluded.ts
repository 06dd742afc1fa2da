import { z } from 'zod';
import { civilDate, currency, money, nonEmpty } from '../common.ts';
import { caseEvent } from '../envelope.ts';

/** 办结结果代码 BJJGDM (S11). */
export const conclusionResult = z.enum(['0', '1', '2', '3', '5', '6', '7'], {
  error:
    'must be one of "0" 出证办结, "1" 退回办结, "2" 作废办结, "3" 删除办结, "5" 补正不来办结, "6" 准予许可, "7" 不予许可 (办结结果代码 BJJGDM)',
});

export const certificate = z.object({
  name: nonEmpty('证件/盖章名称').describe('证件/盖章名称'),
  number: nonEmpty('证件编号').describe('证件编号'),
  validUntil: civilDate.optional().describe('有效期'),
});

/**
 * E13 办结. Codes 1, 2, 3, 5 (and a 7 denial, ALL Art. 38) need a reason, but its absence is IR01,
 * so `reason` stays optional here.
 */
export const caseConcluded = caseEvent(
  'CaseConcluded',
  z.object({
    resultCode: conclusionResult.describe('办结结果代码 (BJJGDM)'),
    description: z.string().optional().describe('结果描述'),
    reason: z.string().optional().describe('作废或退回原因 (ZFHTHYY)'),
    certificate: certificate.optional().describe('证件/盖章'),
    issuer: z.string().trim().max(100).optional().describe('发证单位'),
    feeTotal: money.optional().describe('收费金额 (SFJE)'),
    currency: currency.optional().describe('币种'),
  }),
);

export type CaseConcluded = z.infer<typeof caseConcluded>;
