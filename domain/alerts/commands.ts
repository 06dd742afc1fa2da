import type { Instant } from '../clock/zoned-time.ts';
import type { AlertActor, AlertEvidence, AutoCloseReason, NotificationChannel, Recipient } from './events/index.ts';

interface By {
  readonly actor: AlertActor;
}

interface RaiseFields extends By {
  readonly type: 'raise';
  readonly caseId: string;
  readonly ruleId: string;
  readonly ruleVersion: number;
  readonly deptCode: string;
  readonly reason: string;
  readonly evidence: AlertEvidence;
  /** Which alert of this (case, rule, level) it is, from 1 (see nextOccurrence). */
  readonly occurrence: number;
}
/** A yellow carries the case's overdueAt, when it will turn red (§5); a red computes its own deadline. */
export type RaiseAlert = (RaiseFields & { readonly level: 'yellow'; readonly caseOverdueAt: Instant | null }) | (RaiseFields & { readonly level: 'red' });

export interface NotifyAlert extends By {
  readonly type: 'notify';
  readonly channel: NotificationChannel;
  /** Defaults to the recipients §5 names for the alert's level (recipientsFor). */
  readonly recipients?: readonly Recipient[];
}
export interface AcknowledgeAlert extends By {
  readonly type: 'acknowledge';
}
export interface ReplyToAlert extends By {
  readonly type: 'reply';
  readonly explanation: string;
  readonly correctiveAction: string;
  readonly evidence: readonly string[];
}
export interface VerifyAlert extends By {
  readonly type: 'verify';
  readonly note: string;
}
export interface ReopenAlert extends By {
  readonly type: 'reopen';
  readonly reason: string;
}
export interface EscalateAlert extends By {
  readonly type: 'escalate';
  /** Required of a person; the system states the deadline that passed. */
  readonly reason?: string;
  readonly noticeNo?: string;
  /** §3.3: the department's reds this month, when that count is what triggers the notice. */
  readonly departmentRedsThisMonth?: number;
}
export interface AppealAlert extends By {
  readonly type: 'appeal';
  readonly reason: string;
}
export interface DismissAlert extends By {
  readonly type: 'dismiss';
  readonly reason: string;
}
export interface UpholdAlert extends By {
  readonly type: 'uphold';
  readonly reason: string;
}
export interface AutoCloseAlert extends By {
  readonly type: 'autoClose';
  readonly reason: AutoCloseReason;
}

export type AlertCommand =
  | RaiseAlert
  | NotifyAlert
  | AcknowledgeAlert
  | ReplyToAlert
  | VerifyAlert
  | ReopenAlert
  | EscalateAlert
  | AppealAlert
  | DismissAlert
  | UpholdAlert
  | AutoCloseAlert;
export type AlertCommandType = AlertCommand['type'];

export const alertCommandTypes: readonly AlertCommandType[] = [
  'raise',
  'notify',
  'acknowledge',
  'reply',
  'verify',
  'reopen',
  'escalate',
  'appeal',
  'dismiss',
  'uphold',
  'autoClose',
];

/** The scheduler's own identity on the events it causes. */
export const systemActor: AlertActor = Object.freeze({ name: 'sunlight-alerts', role: 'system' });
