import type { Instant } from '../clock/zoned-time.ts';
import type { AlertEvidence, AlertLevel, AutoCloseReason } from './events/index.ts';

/** What the alert is about: fixed when it is raised. */
export interface AlertFacts {
  readonly alertId: string;
  readonly caseId: string;
  readonly ruleId: string;
  readonly ruleVersion: number;
  readonly raisedLevel: AlertLevel;
  readonly deptCode: string;
  readonly reason: string;
  readonly evidence: AlertEvidence;
  readonly raisedAt: Instant;
}

/** How serious the alert is now, with the deadline that drives its next escalation (§3.3, §5). */
export interface YellowStanding {
  readonly level: 'yellow';
  /** The case's overdueAt: the alert turns red then. */
  readonly escalateAt: Instant | null;
}
export interface RedStanding {
  readonly level: 'red';
  readonly since: Instant;
  /** K working days after `since`: without an accepted reply by then, a supervision notice. */
  readonly replyDueAt: Instant;
}
export interface NoticeStanding {
  readonly level: 'supervision-notice';
  readonly since: Instant;
  /** A notice was a red first; the monthly count of reds (§3.3) still sees it. */
  readonly redSince: Instant;
  readonly noticeNo: string | null;
  readonly replyDueAt: Instant;
}
export type Standing = YellowStanding | RedStanding | NoticeStanding;
export type StandingLevel = Standing['level'];

export interface Reply {
  readonly explanation: string;
  readonly correctiveAction: string;
  readonly evidence: readonly string[];
  readonly repliedAt: Instant;
  readonly repliedBy: string;
}

export interface AlertRecord<S extends Standing = Standing> {
  readonly alert: AlertFacts;
  readonly standing: S;
  /** The level the recipients were last told about; a notification is owed while it differs from standing.level. */
  readonly notifiedFor: StandingLevel | null;
  /** One appeal per alert: once upheld, it cannot be appealed again. */
  readonly appealUpheld: boolean;
  /** Events in the stream so far. */
  readonly eventCount: number;
}

export interface AlertNone {
  readonly status: 'none';
}
export interface AlertRaisedState extends AlertRecord<YellowStanding | RedStanding> {
  readonly status: 'raised';
  readonly notifiedFor: null;
}
export interface AlertNotifiedState extends AlertRecord {
  readonly status: 'notified';
}
export interface AlertAcknowledgedState extends AlertRecord {
  readonly status: 'acknowledged';
}
export interface AlertRepliedState extends AlertRecord {
  readonly status: 'replied';
  readonly reply: Reply;
}
/** Only a red or a notice is ever reached by escalation. */
export interface AlertEscalatedState extends AlertRecord<RedStanding | NoticeStanding> {
  readonly status: 'escalated';
}
/** An appeal suspends the alert where it stood; upheld, it resumes there. */
export interface AlertAppealedState {
  readonly status: 'appealed';
  readonly appeal: { readonly reason: string; readonly appealedAt: Instant };
  readonly suspended: AlertNotifiedState | AlertAcknowledgedState | AlertEscalatedState;
  readonly eventCount: number;
}
export type AlertClosedState =
  | (AlertRecord & { readonly status: 'closed'; readonly closedBy: 'verified'; readonly closedAt: Instant; readonly reply: Reply; readonly note: string })
  | (AlertRecord & { readonly status: 'closed'; readonly closedBy: 'dismissed'; readonly closedAt: Instant; readonly reason: string })
  | (AlertRecord<YellowStanding> & { readonly status: 'closed'; readonly closedBy: 'auto'; readonly closedAt: Instant; readonly reason: AutoCloseReason });

export type AlertState =
  | AlertNone
  | AlertRaisedState
  | AlertNotifiedState
  | AlertAcknowledgedState
  | AlertRepliedState
  | AlertEscalatedState
  | AlertAppealedState
  | AlertClosedState;
export type AlertStatus = AlertState['status'];
export type OpenAlertState = Exclude<AlertState, AlertNone | AlertClosedState>;

export const initialAlertState: AlertState = Object.freeze({ status: 'none' });

export const alertStatuses: readonly AlertStatus[] = ['none', 'raised', 'notified', 'acknowledged', 'replied', 'escalated', 'appealed', 'closed'];

/** The alert's facts and standing wherever it is, an appealed one included; null before it is raised. */
export function recordOf(state: AlertState): AlertRecord | null {
  if (state.status === 'none') return null;
  if (state.status === 'appealed') return { ...state.suspended, eventCount: state.eventCount };
  return state;
}
