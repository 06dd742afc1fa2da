import { z } from 'zod';
import { alertEvent } from './envelope.ts';

/** §5: a yellow goes to the 承办人; a red also to the 审核人, 批准人, the department head and the supervision office. */
export const recipientRole = z.enum(['承办人', '审核人', '批准人', 'dept-head', 'supervision-office', 'other'], {
  error: 'must be one of 承办人, 审核人, 批准人, dept-head, supervision-office, other',
});
export type RecipientRole = z.infer<typeof recipientRole>;

export const recipient = z.strictObject({
  role: recipientRole,
  name: z.string().trim().min(1).optional(),
});
export type Recipient = z.infer<typeof recipient>;

export const notificationChannel = z.enum(['sse', 'webhook', 'sms', 'other'], {
  error: 'must be one of sse, webhook, sms, other',
});
export type NotificationChannel = z.infer<typeof notificationChannel>;

export const alertNotified = alertEvent(
  'AlertNotified',
  z.strictObject({
    recipients: z.array(recipient).min(1, 'must name at least one recipient'),
    channel: notificationChannel,
  }),
);
export type AlertNotified = z.infer<typeof alertNotified>;
