import { actorEvent, systemEvent, validated } from './build-event.ts';
import type { AlertCommand, EscalateAlert, RaiseAlert } from './commands.ts';
import { endOfWorkingDaysAfter } from './deadlines.ts';
import { AlertTransitionError, type AlertErrorCode } from './errors.ts';
import { nextTier, systemEscalationGround, type AlertDecisionContext } from './escalation.ts';
import type { AlertEvent, AlertEventOf, AlertEventType } from './events/index.ts';
import { alertIdFor } from './ids.ts';
import { allowedCommands, assertNever, roleMayAsk, rolesFor } from './policy.ts';
import { recipientsFor } from './recipients.ts';
import { recordOf, type AlertRecord, type AlertState } from './state.ts';

/** §5 as a decider: the events a command causes on the alert as it stands, or an AlertTransitionError. */
export function decideAlert(command: AlertCommand, state: AlertState, ctx: AlertDecisionContext): AlertEvent[] {
  guard(command, state);
  return validated([eventFor(command, state, ctx)], state);
}

/** Every command accepted causes exactly one event. */
function eventFor(command: AlertCommand, state: AlertState, ctx: AlertDecisionContext): AlertEvent {
  if (command.type === 'raise') return raised(command, ctx);
  const record = recordOf(state)!;
  const { alertId } = record.alert;
  const { now } = ctx;
  const byActor = <T extends AlertEventType>(type: T, payload: AlertEventOf<T>['payload']) =>
    actorEvent<T>(type, alertId, record.eventCount, command, now, payload);
  switch (command.type) {
    case 'notify': {
      const level = record.standing.level;
      const recipients = [...(command.recipients ?? recipientsFor(level))];
      return systemEvent('AlertNotified', `notified|${level}`, alertId, command, now, { recipients, channel: command.channel });
    }
    case 'acknowledge':
      return byActor('AlertAcknowledged', {});
    case 'reply':
      return byActor('RectificationReplied', { explanation: command.explanation, correctiveAction: command.correctiveAction, evidence: [...command.evidence] });
    case 'verify':
      return byActor('AlertVerifiedClosed', { note: command.note });
    case 'reopen':
      return byActor('AlertReopened', { reason: command.reason });
    case 'escalate':
      return escalated(command, state, record, ctx);
    case 'appeal':
      return byActor('AlertAppealed', { reason: command.reason });
    case 'dismiss':
      return byActor('AlertDismissed', { reason: command.reason });
    case 'uphold':
      return byActor('AlertUpheld', { reason: command.reason });
    case 'autoClose':
      return systemEvent('AlertAutoClosed', 'auto-closed', alertId, command, now, { reason: command.reason });
    default:
      return assertNever(command);
  }
}

function guard(command: AlertCommand, state: AlertState): void {
  const { role } = command.actor;
  if (!roleMayAsk(role, command.type)) refuse('ROLE_NOT_ALLOWED', state, `${role} may not ${command.type}, only ${rolesFor[command.type].join(' or ')} may`);
  if (allowedCommands(state).includes(command.type)) return;
  const code = refusalCode(command, state);
  refuse(code, state, `cannot ${command.type}${refusalHints[code] ?? ''}`);
}

const refusalHints: Partial<Record<AlertErrorCode, string>> = {
  ALERT_NOT_FOUND: ': no alert has been raised in this stream',
  ALREADY_RAISED: ': this alert id is taken; a new alert of the same case, rule and level takes the next occurrence',
  RED_CANNOT_AUTO_CLOSE: ': a red stays on record after its case concludes (§5)',
  ALREADY_APPEALED: ' again: the appeal was upheld',
};

function refuse(code: AlertErrorCode, state: AlertState, detail: string): never {
  throw new AlertTransitionError(code, state.status, allowedCommands(state), detail, whereItStands(state));
}

function refusalCode(command: AlertCommand, state: AlertState): AlertErrorCode {
  const record = recordOf(state);
  if (!record) return 'ALERT_NOT_FOUND';
  if (command.type === 'raise') return 'ALREADY_RAISED';
  if (state.status === 'closed') return 'ALREADY_CLOSED';
  // §5: "A red stays in the record", whatever happens to its case.
  if (command.type === 'autoClose' && record.standing.level !== 'yellow') return 'RED_CANNOT_AUTO_CLOSE';
  if (command.type === 'appeal' && record.appealUpheld) return 'ALREADY_APPEALED';
  return 'FORBIDDEN_TRANSITION';
}

function whereItStands(state: AlertState): string {
  const record = recordOf(state);
  if (!record) return 'not raised (its stream is empty)';
  const closed = state.status === 'closed' ? `, ${state.closedBy}` : '';
  return `${state.status} (${record.standing.level}${closed})`;
}

function raised(command: RaiseAlert, ctx: AlertDecisionContext) {
  const { caseId, ruleId, ruleVersion, deptCode, reason, evidence } = command;
  const alertId = alertIdFor(caseId, ruleId, command.level, command.occurrence);
  const common = { caseId, ruleId, ruleVersion, deptCode, reason, evidence };
  if (command.level === 'yellow') {
    // §5 "Y: auto-escalate to R at overdueAt": a yellow's only deadline is its case's own.
    const at = command.caseOverdueAt;
    return systemEvent('AlertRaised', 'raised', alertId, command, ctx.now, { ...common, level: 'yellow', replyDueAt: at, escalateAt: at });
  }
  const due = endOfWorkingDaysAfter(ctx.now, ctx.config.replyWorkingDays, ctx.calendar, ctx.timeZone);
  return systemEvent('AlertRaised', 'raised', alertId, command, ctx.now, { ...common, level: 'red', replyDueAt: due, escalateAt: due });
}

function escalated(command: EscalateAlert, state: AlertState, record: AlertRecord, ctx: AlertDecisionContext) {
  const to = nextTier(record.standing)!;
  const ground = command.actor.role === 'system' ? systemEscalationGround(command, record.standing, ctx) : command.reason?.trim();
  if (!ground && command.actor.role === 'system') refuse('ESCALATION_NOT_DUE', state, `no deadline has passed at ${ctx.now} and no monthly count of reds was reached`);
  if (!ground) refuse('INVALID_COMMAND', state, 'a person escalating must give a reason');
  // The reply period runs from when the new tier is issued: that is when the department can learn of it.
  const days = to === 'red' ? ctx.config.replyWorkingDays : ctx.config.noticeReplyWorkingDays;
  const replyDueAt = endOfWorkingDaysAfter(ctx.now, days, ctx.calendar, ctx.timeZone);
  const reason = command.actor.role === 'system' && command.reason ? `${command.reason}: ${ground}` : ground;
  const payload = { to, reason, replyDueAt, ...(command.noticeNo && to === 'supervision-notice' ? { noticeNo: command.noticeNo } : {}) };
  return systemEvent('AlertEscalated', `escalated|${to}`, record.alert.alertId, command, ctx.now, payload);
}
