import { z } from 'zod';
import { alertEvent } from './envelope.ts';

/** §5: "A yellow auto-closes if the case concludes or pauses before its due date." Reds never do. */
export const autoCloseReason = z.enum(['case-concluded-in-time', 'case-paused', 'condition-cleared'], {
  error: 'must be one of case-concluded-in-time, case-paused, condition-cleared',
});
export type AutoCloseReason = z.infer<typeof autoCloseReason>;

export const alertAutoClosed = alertEvent('AlertAutoClosed', z.strictObject({ reason: autoCloseReason }));
export type AlertAutoClosed = z.infer<typeof alertAutoClosed>;
