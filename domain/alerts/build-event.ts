import type { Instant } from '../clock/zoned-time.ts';
import type { AlertCommand } from './commands.ts';
import { AlertTransitionError } from './errors.ts';
import { alertEventSchema, type AlertActor, type AlertEvent, type AlertEventOf, type AlertEventType } from './events/index.ts';
import { actorEventId, systemEventId, type SystemStep } from './ids.ts';
import { allowedCommands } from './policy.ts';
import type { AlertState } from './state.ts';

interface Envelope {
  readonly eventId: string;
  readonly alertId: string;
  readonly occurredAt: Instant;
  readonly actor: AlertActor;
}

export function alertEventOf<T extends AlertEventType>(type: T, envelope: Envelope, payload: AlertEventOf<T>['payload']): AlertEventOf<T> {
  return { ...envelope, type, payload } as AlertEventOf<T>;
}

/** An event the system causes: its id names the alert and the step, so repeating the step repeats the id. */
export function systemEvent<T extends AlertEventType>(type: T, step: SystemStep, alertId: string, command: AlertCommand, now: Instant, payload: AlertEventOf<T>['payload']) {
  return alertEventOf(type, { eventId: systemEventId(alertId, step), alertId, occurredAt: now, actor: command.actor }, payload);
}

/** An event a person causes at the alert's current revision. */
export function actorEvent<T extends AlertEventType>(type: T, alertId: string, eventCount: number, command: AlertCommand, now: Instant, payload: AlertEventOf<T>['payload']) {
  const eventId = actorEventId(alertId, eventCount, type, command.actor.name, payload);
  return alertEventOf(type, { eventId, alertId, occurredAt: now, actor: command.actor }, payload);
}

/** Decided events always satisfy their schema: an empty reason or a malformed `now` is refused here, not stored. */
export function validated(events: readonly AlertEvent[], state: AlertState): AlertEvent[] {
  return events.map((event) => {
    const parsed = alertEventSchema.safeParse(event);
    if (parsed.success) return parsed.data;
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ');
    throw new AlertTransitionError('INVALID_COMMAND', state.status, allowedCommands(state), `${event.type} would be malformed: ${problems}`);
  });
}
