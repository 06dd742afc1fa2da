import { z } from 'zod';
import { alertAppealed, alertDismissed, alertUpheld } from './appeal.ts';
import { alertAutoClosed } from './auto-closed.ts';
import { alertEscalated } from './escalated.ts';
import { alertAcknowledged, alertReopened, alertVerifiedClosed, rectificationReplied } from './handling.ts';
import { alertNotified } from './notified.ts';
import { alertRaised } from './raised.ts';

export * from './appeal.ts';
export * from './auto-closed.ts';
export * from './envelope.ts';
export * from './escalated.ts';
export * from './handling.ts';
export * from './notified.ts';
export * from './raised.ts';

/** The alert lifecycle events of domain.md §5, in lifecycle order. */
const alertSchemas = [
  alertRaised,
  alertNotified,
  alertAcknowledged,
  rectificationReplied,
  alertVerifiedClosed,
  alertReopened,
  alertEscalated,
  alertAppealed,
  alertDismissed,
  alertUpheld,
  alertAutoClosed,
] as const;

export const alertEventSchema = z.discriminatedUnion('type', alertSchemas);
export type AlertEvent = z.infer<typeof alertEventSchema>;
export type AlertEventType = AlertEvent['type'];
/** The event of one type, e.g. `AlertEventOf<'AlertRaised'>`. */
export type AlertEventOf<T extends AlertEventType> = Extract<AlertEvent, { type: T }>;

export const alertEventTypes: readonly AlertEventType[] = alertSchemas.map((s) => s.shape.type.value);
