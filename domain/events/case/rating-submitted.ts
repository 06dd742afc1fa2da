import { z } from 'zod';
import { nonEmpty, positiveInt } from '../common.ts';
import { caseEvent } from '../envelope.ts';

/** 满意度代码, GB/T 39046 A.8: 4 and 5 are 差评 (bad ratings). */
export const satisfactionLevel = z.literal([1, 2, 3, 4, 5], {
  error: 'must be a number 1–5: 1 非常满意, 2 满意, 3 基本满意, 4 不满意, 5 非常不满意 (满意度代码)',
});

export const ratingChannel = z.enum(['window-device', 'online', 'mobile', 'sms', 'hotline', 'other'], {
  error: 'must be one of window-device (窗口评价器), online (网上), mobile (移动端), sms (短信), hotline (热线), other (其他)',
});

/** 一次一评 on site or 一事一评 online (S23). */
export const ratingMode = z.enum(['per-visit', 'per-case'], {
  error: 'must be per-visit (一次一评) or per-case (一事一评)',
});

/** E16 好差评 (GB/T 39046 Table 9; 国办发〔2019〕51号). */
export const ratingSubmitted = caseEvent(
  'RatingSubmitted',
  z.object({
    channel: ratingChannel.describe('评价渠道'),
    level: satisfactionLevel.describe('满意度代码'),
    mode: ratingMode.optional().describe('评价方式'),
    rater: z.object({ name: nonEmpty('评价人').describe('评价人姓名') }).optional().describe('评价人'),
    comment: z.string().optional().describe('文字评价'),
    ratingNo: positiveInt.optional().describe('评价次数'),
  }),
);

export type RatingSubmitted = z.infer<typeof ratingSubmitted>;
