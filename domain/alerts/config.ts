import { z } from 'zod';

/** Every field is [PROPOSED] in domain.md §3.3 and belongs to the deployment's configuration. */
export interface AlertConfig {
  /** K: working days a red may go without an accepted reply (回告) before a supervision notice. */
  readonly replyWorkingDays: number;
  /** Working days given to reply to a supervision notice (监察建议书), §5. */
  readonly noticeReplyWorkingDays: number;
  /** A department with this many reds in one month earns a supervision notice, §3.3. */
  readonly monthlyRedsForNotice: number;
}

export const defaultAlertConfig: AlertConfig = Object.freeze({
  replyWorkingDays: 3,
  noticeReplyWorkingDays: 10,
  monthlyRedsForNotice: 3,
});

const days = z.number().int('must be a whole number of working days').positive('must be at least 1');

/** For the configuration reader: parses a deployment's alert settings, defaults filled in. */
export const alertConfigSchema = z.object({
  replyWorkingDays: days.default(defaultAlertConfig.replyWorkingDays),
  noticeReplyWorkingDays: days.default(defaultAlertConfig.noticeReplyWorkingDays),
  monthlyRedsForNotice: z.number().int().positive('must be at least 1').default(defaultAlertConfig.monthlyRedsForNotice),
}) satisfies z.ZodType<AlertConfig, unknown>;
