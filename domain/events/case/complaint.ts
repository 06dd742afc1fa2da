import { z } from 'zod';
import { idNumber, nonEmpty, nonNegativeInt, phone, timeLimit, uscc } from '../common.ts';
import { caseEvent } from '../envelope.ts';

export const complaintSource = z.enum(['hotline', 'online', 'mobile', 'letter', 'visit', 'supervision', 'other'], {
  error: 'must be one of hotline (12345 热线), online (网站), mobile (移动端), letter (来信), visit (来访), supervision (监察发现), other (其他)',
});

/** E17 投诉 (GB/T 39046 Table 10). The complainant may stay anonymous. */
export const complaintFiled = caseEvent(
  'ComplaintFiled',
  z.object({
    complaintId: nonEmpty('投诉编号').describe('投诉编号'),
    title: z.string().optional().describe('标题'),
    content: z.string({ error: 'must be the complaint text (投诉内容)' }).describe('投诉内容'),
    source: complaintSource.optional().describe('投诉来源'),
    complainant: z
      .object({
        name: nonEmpty('投诉人姓名').describe('投诉人姓名'),
        idNumber: idNumber.optional().describe('投诉人证件号码'),
        mobile: phone.optional().describe('投诉人电话'),
      })
      .optional()
      .describe('投诉人'),
    respondent: z
      .object({
        deptName: z.string().trim().max(100).optional().describe('被投诉单位'),
        deptCode: uscc.optional().describe('被投诉单位统一社会信用代码'),
        personName: z.string().trim().max(100).optional().describe('被投诉人'),
      })
      .optional()
      .describe('被投诉单位/人'),
    promisedLimit: timeLimit.optional().describe('承诺时限'),
  }),
);

/** E17 投诉办理反馈. Complaints are handled within 10 working days on one platform (S36). */
export const complaintHandled = caseEvent(
  'ComplaintHandled',
  z.object({
    complaintId: nonEmpty('投诉编号').describe('投诉编号'),
    feedback: z.string({ error: 'must be the feedback text (反馈信息)' }).describe('反馈信息'),
    handlingDept: z.string().trim().max(100).optional().describe('承办单位'),
    handlerName: z.string().trim().max(100).optional().describe('承办人'),
    substantiated: z.boolean().optional().describe('投诉是否属实'),
    extension: z
      .object({ limit: timeLimit.describe('延期时限'), reason: z.string().optional().describe('延期原因') })
      .optional()
      .describe('延期'),
    overdueDays: nonNegativeInt.optional().describe('超期天数'),
  }),
);

export type ComplaintFiled = z.infer<typeof complaintFiled>;
export type ComplaintHandled = z.infer<typeof complaintHandled>;
