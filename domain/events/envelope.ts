import { z } from 'zod';
import { actor, caseId, channel, department, divisionCode, instant, matterCode, nonEmpty, positiveInt } from './common.ts';

/**
 * The envelope every case event (E1–E17) carries, domain.md §2.1. `recordedAt` is not here:
 * the supervision store sets it on arrival, so a sender can never claim it.
 */
export const caseEnvelope = {
  eventId: z.uuid({ error: 'must be a UUID identifying this event; resending the same event must reuse it' }),
  caseId,
  seq: positiveInt.describe('per-case sequence number assigned by the source system'),
  occurredAt: instant.describe('business time: when the action happened'),
  matterCode,
  matterVersion: positiveInt.describe('catalogue version of the matter the case is bound to'),
  dept: department,
  windowId: z.string().trim().min(1).max(64).optional().describe('窗口 id, when the action happened at a window'),
  divisionCode,
  channel,
  sourceSystem: nonEmpty('source system').describe('the business system that reported the event; "manual" for back-entry'),
  actor,
  dataVersion: positiveInt.describe('数据版本号 SJBBH'),
};

/** Builds the schema of one case event type: the envelope, the type tag and its payload. */
export function caseEvent<T extends string, P extends z.ZodType>(type: T, payload: P) {
  // Strict at the top level: a misspelt envelope field (occuredAt) is refused, not silently dropped.
  return z.strictObject({ ...caseEnvelope, type: z.literal(type), payload });
}

/** Reference data (catalogue, departments, windows, calendars) are facts too, with a lighter envelope. */
export const referenceEnvelope = {
  eventId: z.uuid({ error: 'must be a UUID identifying this event; resending the same event must reuse it' }),
  occurredAt: instant,
  sourceSystem: nonEmpty('source system'),
};

export function referenceEvent<T extends string, P extends z.ZodType>(type: T, payload: P) {
  return z.strictObject({ ...referenceEnvelope, type: z.literal(type), payload });
}
