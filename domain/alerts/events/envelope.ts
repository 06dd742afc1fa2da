import { z } from 'zod';
import { instant, nonEmpty } from '../../events/common.ts';

/** Who acts on an alert. `admin` may do what a supervisor does; only `system` raises and escalates on time. */
export const alertActorRole = z.enum(['system', 'supervisor', 'department', 'admin'], {
  error: 'must be one of system, supervisor (监察/效能办), department (被督办部门), admin',
});
export type AlertActorRole = z.infer<typeof alertActorRole>;

export const alertActor = z.strictObject({
  name: nonEmpty('姓名 or service name'),
  role: alertActorRole,
  // §7: events are kept for ever and replayed by auditors, so only a reference to the credential goes here.
  token: z.string().trim().min(1).max(128).optional().describe('id of the credential used (API key id), never the secret'),
});
export type AlertActor = z.infer<typeof alertActor>;

/** The envelope of every alert lifecycle event (domain.md §5, E18). */
export const alertEnvelope = {
  eventId: z.uuid({ error: 'must be a UUID identifying this event' }),
  alertId: z.uuid({ error: 'must be the UUID of the alert (alertIdFor)' }),
  occurredAt: instant,
  actor: alertActor,
};

export function alertEvent<T extends string, P extends z.ZodType>(type: T, payload: P) {
  return z.strictObject({ ...alertEnvelope, type: z.literal(type), payload });
}

/** Every alert's lifecycle is one stream (architecture.md, "The event store contract"). */
export const alertStream = (alertId: string): string => `alert-${alertId}`;
