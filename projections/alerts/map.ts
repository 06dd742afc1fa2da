import { evolveAlert, initialAlertState, recordOf, type AlertEvent, type AlertEventType, type AlertRecord, type AlertState } from '../../domain/alerts/index.ts';
import { assertNever } from '../../domain/alerts/policy.ts';
import { scanFreeText } from '../../domain/privacy/mask.ts';
import { chInstant } from '../../infra/clickhouse/insert.ts';
import type { RecordedEvent } from '../../infra/event-store/port.ts';

const stepColumns = ['notified_at', 'acknowledged_at', 'replied_at', 'escalated_at', 'appealed_at', 'dismissed_at', 'closed_at'] as const;
type StepColumn = (typeof stepColumns)[number];

/** The latest-time columns each event sets; a Record, so a new event type cannot be left out. */
const stepsOf: Readonly<Record<AlertEventType, readonly StepColumn[]>> = {
  AlertRaised: [],
  AlertNotified: ['notified_at'],
  AlertAcknowledged: ['acknowledged_at'],
  RectificationReplied: ['replied_at'],
  AlertVerifiedClosed: ['closed_at'],
  AlertReopened: [],
  AlertEscalated: ['escalated_at'],
  AlertAppealed: ['appealed_at'],
  AlertDismissed: ['dismissed_at', 'closed_at'],
  AlertUpheld: [],
  AlertAutoClosed: ['closed_at'],
};

export interface AlertRows {
  /** Null while the stream holds no AlertRaised: nothing says which case the alert is about. */
  alert: Record<string, unknown> | null;
  events: Record<string, unknown>[];
}

/**
 * The alert's row, folded by the domain's own evolve from its history up to its newest event in
 * the batch, and a row for each event `isNew` picks (those of the batch). The whole history is
 * folded every time, so a row never depends on how the log was cut into batches.
 */
export function alertRows(history: readonly RecordedEvent[], isNew: (e: RecordedEvent) => boolean): AlertRows {
  let state: AlertState = initialAlertState;
  const steps: Partial<Record<StepColumn, string>> = {};
  const events: Record<string, unknown>[] = [];
  for (const recorded of history) {
    const e = recorded.data as AlertEvent;
    state = evolveAlert(state, e);
    for (const column of stepsOf[e.type]) steps[column] = e.occurredAt;
    const record = recordOf(state);
    if (record && isNew(recorded)) events.push(eventRow(recorded, e, state, record));
  }
  const record = recordOf(state);
  if (!record || history.length === 0) return { alert: null, events };
  return { alert: alertRow(state, record, steps, history.at(-1)!.position), events };
}

function alertRow(state: AlertState, r: AlertRecord, steps: Partial<Record<StepColumn, string>>, version: bigint) {
  const s = r.standing;
  const row: Record<string, unknown> = {
    alert_id: r.alert.alertId, case_id: r.alert.caseId, rule_id: r.alert.ruleId, rule_version: r.alert.ruleVersion, dept_code: r.alert.deptCode,
    raised_level: r.alert.raisedLevel, level: s.level, status: state.status, closed_by: state.status === 'closed' ? state.closedBy : '',
    reason: scanFreeText(r.alert.reason), evidence_event_ids: r.alert.evidence.eventIds, raised_at: chInstant(r.alert.raisedAt),
    // A yellow's only deadline is its case's overdueAt, when it turns red (§5).
    reply_due_at: instantOrNull(s.level === 'yellow' ? s.escalateAt : s.replyDueAt),
    event_count: r.eventCount, version: version.toString(),
  };
  for (const column of stepColumns) row[column] = instantOrNull(steps[column] ?? null);
  return row;
}

function eventRow(recorded: RecordedEvent, e: AlertEvent, state: AlertState, r: AlertRecord) {
  return {
    position: recorded.position.toString(), event_id: e.eventId, alert_id: e.alertId, case_id: r.alert.caseId, rule_id: r.alert.ruleId,
    dept_code: r.alert.deptCode, type: e.type, occurred_at: chInstant(e.occurredAt), recorded_at: chInstant(recorded.recordedAt),
    actor_role: e.actor.role, status: state.status, level: r.standing.level, ...textsOf(e),
  };
}

/** The free text an event carries, masked: a 回告 or a reason may quote an applicant's ID or phone number. */
function textsOf(e: AlertEvent): { explanation: string; corrective_action: string; reason: string } {
  const reason = (text: string) => ({ explanation: '', corrective_action: '', reason: scanFreeText(text) });
  switch (e.type) {
    case 'RectificationReplied':
      return { explanation: scanFreeText(e.payload.explanation), corrective_action: scanFreeText(e.payload.correctiveAction), reason: '' };
    case 'AlertVerifiedClosed':
      return reason(e.payload.note);
    case 'AlertRaised':
    case 'AlertReopened':
    case 'AlertEscalated':
    case 'AlertAppealed':
    case 'AlertDismissed':
    case 'AlertUpheld':
    case 'AlertAutoClosed':
      return reason(e.payload.reason);
    case 'AlertNotified':
    case 'AlertAcknowledged':
      return reason('');
    default:
      return assertNever(e);
  }
}

const instantOrNull = (at: string | null) => (at === null ? null : chInstant(at));
