import { z } from 'zod';
import { approver, civilDate, currency, money, positiveInt, timeLimit } from '../common.ts';
import { caseEvent } from '../envelope.ts';

/** 特别程序种类 TBCXZL, GB/T 39046 A.7. Guangdong senders map A → 1 and B → 2 before sending. */
export const specialProcedureKind = z.enum(['1', '2'], {
  error: 'must be "1" (延长审批, extension; Guangdong code A) or "2" (除延长审批之外, other special procedure; code B)',
});

/**
 * E8 特别程序申请. The name stays free text: ALL Art. 45 lists 听证, 招标, 拍卖, 检验, 检测, 检疫, 鉴定,
 * 专家评审, and a name outside that list (or the matter's list) is IR06, not malformed.
 */
export const specialProcedureStarted = caseEvent(
  'SpecialProcedureStarted',
  z.object({
    procedureNo: positiveInt.describe('序号 (XH)'),
    kind: specialProcedureKind.describe('特别程序种类 (TBCXZL)'),
    name: z.string({ error: 'must be the special procedure name, e.g. 听证 (种类名称)' }).describe('特别程序种类名称'),
    reason: z.string().optional().describe('启动理由或依据'),
    content: z.string().optional().describe('申请内容'),
    approver: approver.optional().describe('批准人 + 电话'),
    limit: timeLimit.describe('特别程序时限 + 单位 (TBCXSX/TBCXSXDW)'),
    startedOn: civilDate.describe('开始日期'),
  }),
);

/** E9 特别程序结果. */
export const specialProcedureEnded = caseEvent(
  'SpecialProcedureEnded',
  z.object({
    procedureNo: positiveInt.describe('序号 (XH)'),
    result: z.string().optional().describe('特别程序结果 (TBCXJG)'),
    resultOn: civilDate.optional().describe('结果产生日期'),
    endedOn: civilDate.describe('结束日期'),
    fee: money.optional().describe('特别程序收费金额'),
    currency: currency.optional().describe('币种'),
  }),
);

export type SpecialProcedureStarted = z.infer<typeof specialProcedureStarted>;
export type SpecialProcedureEnded = z.infer<typeof specialProcedureEnded>;
