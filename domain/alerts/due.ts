import { epochMs, type Instant } from '../clock/zoned-time.ts';
import { systemActor, type AlertCommand } from './commands.ts';
import { decideAlert } from './decide.ts';
import { escalationDueAt, type AlertDecisionContext } from './escalation.ts';
import type { AlertEvent } from './events/index.ts';
import { evolveAlert } from './evolve.ts';
import { allowedCommands } from './policy.ts';
import { recordOf, type AlertState } from './state.ts';

/**
 * What the scheduler owes the alert at `now`: the escalation whose deadline passed (§5: a yellow at
 * the case's overdueAt, a red at K working days without an accepted reply), then the notification of
 * the level it stands at. Decide them in order, each against the state the previous one left.
 */
export function dueActions(state: AlertState, now: Instant): AlertCommand[] {
  const record = recordOf(state);
  if (!record) return [];
  const allowed = allowedCommands(state);
  const dueAt = escalationDueAt(record.standing);
  const escalate = allowed.includes('escalate') && dueAt !== null && epochMs(now) >= epochMs(dueAt);
  const notify = escalate || allowed.includes('notify');
  return [
    ...(escalate ? [{ type: 'escalate', actor: systemActor } as const] : []),
    ...(notify ? [{ type: 'notify', actor: systemActor, channel: 'sse' } as const] : []),
  ];
}

/** dueActions decided in order: the events the scheduler appends, none when nothing is due. */
export function decideDue(state: AlertState, ctx: AlertDecisionContext): AlertEvent[] {
  const events: AlertEvent[] = [];
  let current = state;
  for (const command of dueActions(state, ctx.now)) {
    const decided = decideAlert(command, current, ctx);
    current = decided.reduce(evolveAlert, current);
    events.push(...decided);
  }
  return events;
}
