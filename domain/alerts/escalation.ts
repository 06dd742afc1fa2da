import type { WorkingCalendar } from '../calendar/index.ts';
import { epochMs, type Instant } from '../clock/zoned-time.ts';
import type { EscalateAlert } from './commands.ts';
import type { AlertConfig } from './config.ts';
import type { EscalationTarget } from './events/index.ts';
import type { Standing } from './state.ts';

export interface AlertDecisionContext {
  readonly now: Instant;
  readonly calendar: WorkingCalendar;
  /** The deployment's zone: deadlines end at its midnight, never the server process's. */
  readonly timeZone: string;
  readonly config: AlertConfig;
}

/** One step up (§5): yellow → red → supervision notice; null when already at a notice. */
export function nextTier(standing: Standing): EscalationTarget | null {
  if (standing.level === 'yellow') return 'red';
  return standing.level === 'red' ? 'supervision-notice' : null;
}

/** When the system escalates on its own: a yellow at the case's overdueAt, a red at its reply deadline. */
export function escalationDueAt(standing: Standing): Instant | null {
  if (standing.level === 'yellow') return standing.escalateAt;
  return standing.level === 'red' ? standing.replyDueAt : null;
}

/**
 * Why the system may escalate now, or null when it may not: the deadline passed without an accepted
 * reply, or (§3.3) the department reached the monthly count of reds that earns a notice.
 */
export function systemEscalationGround(command: EscalateAlert, standing: Standing, ctx: AlertDecisionContext): string | null {
  const dueAt = escalationDueAt(standing);
  if (dueAt !== null && epochMs(ctx.now) >= epochMs(dueAt)) {
    return standing.level === 'yellow'
      ? `the case ran out of time at ${dueAt} (§5: a yellow turns red at the case's overdueAt)`
      : `no accepted reply (回告) by ${dueAt} (K = ${ctx.config.replyWorkingDays} working days, §3.3)`;
  }
  const reds = command.departmentRedsThisMonth ?? 0;
  if (standing.level === 'red' && reds >= ctx.config.monthlyRedsForNotice) {
    return `department ${reds} reds this month, ≥ ${ctx.config.monthlyRedsForNotice} (§3.3)`;
  }
  return null;
}
