import type { AlertEvent, AlertEventOf } from './events/index.ts';
import { assertNever } from './policy.ts';
import { recordOf, type AlertAcknowledgedState, type AlertEscalatedState, type AlertNotifiedState, type AlertRecord, type AlertState, type Standing } from './state.ts';

/**
 * The alert as a fold of its stream (style.md: pure and total). Events come from the decider, so
 * each meets the state it expects; one that does not (a stream appended without a revision check)
 * is counted and otherwise left without effect, and the fold never throws.
 */
export function evolveAlert(state: AlertState, event: AlertEvent): AlertState {
  if (state.status === 'none') return event.type === 'AlertRaised' ? raisedFrom(event) : state;
  const next = { ...state, eventCount: state.eventCount + 1 };
  switch (event.type) {
    case 'AlertRaised':
      return next;
    case 'AlertNotified':
      if (next.status === 'raised') return { ...next, status: 'notified', notifiedFor: next.standing.level };
      return next.status === 'escalated' ? { ...next, notifiedFor: next.standing.level } : next;
    case 'AlertAcknowledged':
      return next.status === 'notified' || next.status === 'escalated' ? { ...base(next), status: 'acknowledged' } : next;
    case 'RectificationReplied':
      return awaitingReply(next) ? { ...base(next), status: 'replied', reply: replyOf(event) } : next;
    case 'AlertVerifiedClosed':
      if (next.status !== 'replied') return next;
      return { ...base(next), status: 'closed', closedBy: 'verified', closedAt: event.occurredAt, reply: next.reply, note: event.payload.note };
    case 'AlertReopened':
      return next.status === 'replied' || (next.status === 'closed' && next.closedBy === 'verified') ? { ...base(next), status: 'acknowledged' } : next;
    case 'AlertEscalated':
      return escalated(next, event);
    case 'AlertAppealed':
      if (!awaitingReply(next)) return next;
      return { status: 'appealed', appeal: { reason: event.payload.reason, appealedAt: event.occurredAt }, suspended: next, eventCount: next.eventCount };
    case 'AlertDismissed':
      if (next.status !== 'appealed') return next;
      return { ...base(recordOf(next)!), status: 'closed', closedBy: 'dismissed', closedAt: event.occurredAt, reason: event.payload.reason };
    case 'AlertUpheld':
      return next.status === 'appealed' ? { ...next.suspended, appealUpheld: true, eventCount: next.eventCount } : next;
    case 'AlertAutoClosed':
      return autoClosed(next, event);
    default:
      return assertNever(event);
  }
}

function awaitingReply(state: AlertState): state is AlertNotifiedState | AlertAcknowledgedState | AlertEscalatedState {
  return state.status === 'notified' || state.status === 'acknowledged' || state.status === 'escalated';
}

export function foldAlert(events: readonly AlertEvent[], from: AlertState = { status: 'none' }): AlertState {
  return events.reduce(evolveAlert, from);
}

function raisedFrom(event: AlertEventOf<'AlertRaised'>): AlertState {
  const { level, replyDueAt, escalateAt, ...facts } = event.payload;
  const standing = level === 'yellow' ? { level, escalateAt } : { level, since: event.occurredAt, replyDueAt };
  return {
    status: 'raised',
    alert: { alertId: event.alertId, raisedLevel: level, raisedAt: event.occurredAt, ...facts },
    standing,
    notifiedFor: null,
    appealUpheld: false,
    eventCount: 1,
  };
}

/** The record without whatever the previous status carried (a reply, a closing note). */
function base<S extends Standing>(r: AlertRecord<S>): AlertRecord<S> {
  return { alert: r.alert, standing: r.standing, notifiedFor: r.notifiedFor, appealUpheld: r.appealUpheld, eventCount: r.eventCount };
}

function replyOf(event: AlertEventOf<'RectificationReplied'>) {
  return { ...event.payload, repliedAt: event.occurredAt, repliedBy: event.actor.name };
}

function escalated(state: Exclude<AlertState, { status: 'none' }>, event: AlertEventOf<'AlertEscalated'>): AlertState {
  if (state.status === 'appealed' || state.status === 'closed') return state;
  const { to, replyDueAt, noticeNo } = event.payload;
  const since = event.occurredAt;
  const standing =
    to === 'red'
      ? { level: to, since, replyDueAt }
      : { level: to, since, replyDueAt, noticeNo: noticeNo ?? null, redSince: state.standing.level === 'yellow' ? since : state.standing.since };
  return { ...base(state), status: 'escalated', standing };
}

function autoClosed(state: Exclude<AlertState, { status: 'none' }>, event: AlertEventOf<'AlertAutoClosed'>): AlertState {
  if (state.status === 'closed') return state;
  const record = recordOf(state)!;
  const standing = record.standing;
  if (standing.level !== 'yellow') return state;
  return { ...base(record), standing, eventCount: state.eventCount, status: 'closed', closedBy: 'auto', closedAt: event.occurredAt, reason: event.payload.reason };
}
