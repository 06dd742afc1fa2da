import type { AlertCommandType } from './commands.ts';
import type { AlertActorRole } from './events/index.ts';
import { recordOf, type AlertState } from './state.ts';

const supervisor: readonly AlertActorRole[] = ['supervisor', 'admin'];

/**
 * Who may ask what (issue 5 item 4): the department replies and appeals; the supervision office
 * acknowledges, verifies, reopens, escalates and rules on appeals, and an admin may stand in for it;
 * raising, notifying and closing on the case's facts belong to the system alone.
 */
export const rolesFor: Readonly<Record<AlertCommandType, readonly AlertActorRole[]>> = Object.freeze({
  raise: ['system'],
  notify: ['system'],
  acknowledge: supervisor,
  reply: ['department'],
  verify: supervisor,
  reopen: supervisor,
  escalate: ['system', ...supervisor],
  appeal: ['department'],
  dismiss: supervisor,
  uphold: supervisor,
  autoClose: ['system'],
});

export function roleMayAsk(role: AlertActorRole, command: AlertCommandType): boolean {
  return rolesFor[command].includes(role);
}

/** The commands the alert accepts as it stands (§5), whoever asks; the decider refuses the rest. */
export function allowedCommands(state: AlertState): AlertCommandType[] {
  const record = recordOf(state);
  if (state.status === 'none' || !record) return ['raise'];
  const level = record.standing.level;
  const yellow = level === 'yellow';
  const canEscalate = level !== 'supervision-notice';
  const canAppeal = !record.appealUpheld;
  const pick = (entries: [AlertCommandType, boolean][]) => entries.filter(([, ok]) => ok).map(([c]) => c);
  switch (state.status) {
    case 'raised':
      return pick([['notify', true], ['escalate', true], ['autoClose', yellow]]);
    case 'notified':
    case 'acknowledged':
      return pick([['acknowledge', state.status === 'notified'], ['reply', true], ['escalate', canEscalate], ['appeal', canAppeal], ['autoClose', yellow]]);
    case 'replied':
      // A reply awaiting verification holds the red's deadline; a yellow still turns red when the case runs out of time.
      return pick([['verify', true], ['reopen', true], ['escalate', yellow], ['autoClose', yellow]]);
    case 'escalated':
      return pick([['notify', record.notifiedFor !== level], ['acknowledge', true], ['reply', true], ['escalate', canEscalate], ['appeal', canAppeal]]);
    case 'appealed':
      // The appeal is decided before anything escalates; the case's own facts may still close a yellow.
      return pick([['dismiss', true], ['uphold', true], ['autoClose', yellow]]);
    case 'closed':
      return state.closedBy === 'verified' ? ['reopen'] : [];
    default:
      return assertNever(state);
  }
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
