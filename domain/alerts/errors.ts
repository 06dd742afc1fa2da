import type { AlertCommandType } from './commands.ts';
import type { AlertStatus } from './state.ts';

/** Stable codes: the API maps them to HTTP statuses once, clients may branch on them. */
export type AlertErrorCode =
  | 'ALERT_NOT_FOUND'
  | 'ALREADY_RAISED'
  | 'ALREADY_CLOSED'
  | 'ALREADY_APPEALED'
  | 'FORBIDDEN_TRANSITION'
  | 'ROLE_NOT_ALLOWED'
  | 'RED_CANNOT_AUTO_CLOSE'
  | 'ESCALATION_NOT_DUE'
  | 'INVALID_COMMAND';

export class AlertTransitionError extends Error {
  override readonly name = 'AlertTransitionError';

  constructor(
    readonly code: AlertErrorCode,
    readonly status: AlertStatus,
    /** What may be done to the alert as it stands, whoever asks. */
    readonly allowed: readonly AlertCommandType[],
    detail: string,
    /** The status with what qualifies it, e.g. "closed (red, verified)". */
    where: string = status,
  ) {
    super(`${code}: ${detail}; the alert is ${where}, allowed now: ${allowed.length ? allowed.join(', ') : 'nothing'}`);
  }
}
