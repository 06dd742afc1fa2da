import { defaultCalendar } from '../calendar/index.ts';
import { epochMs, formatInstant, type Instant } from '../clock/zoned-time.ts';
import { systemActor, type AlertCommand, type AlertCommandType, type RaiseAlert } from './commands.ts';
import { defaultAlertConfig, type AlertConfig } from './config.ts';
import { decideAlert } from './decide.ts';
import type { AlertDecisionContext } from './escalation.ts';
import type { AlertActor, AlertEvent } from './events/index.ts';
import { evolveAlert } from './evolve.ts';
import { initialAlertState, type AlertState } from './state.ts';

/** Builders for the alert tests: states are reached through the decider, never written by hand. */
export const TZ = 'Asia/Shanghai';
export const RAISED_AT = '2026-09-24T10:00:00+08:00';
/** The yellow's case is due Mon 09-28, so it turns red at 00:00 on Tue 09-29. */
export const CASE_OVERDUE_AT = '2026-09-29T00:00:00+08:00';

export const actors = {
  system: systemActor,
  supervisor: { name: '王监察', role: 'supervisor' },
  admin: { name: '赵管理', role: 'admin' },
  department: { name: '李承办', role: 'department' },
} as const satisfies Record<string, AlertActor>;
export type ActorKind = keyof typeof actors;

export function ctxAt(now: Instant, config: Partial<AlertConfig> = {}): AlertDecisionContext {
  return { now, calendar: defaultCalendar(), timeZone: TZ, config: { ...defaultAlertConfig, ...config } };
}

export const hoursAfter = (at: Instant, hours: number): Instant => formatInstant(epochMs(at) + hours * 3_600_000, TZ);

export function raiseCommand(level: 'yellow' | 'red', overrides: Partial<RaiseAlert> = {}): RaiseAlert {
  const common = { type: 'raise' as const, actor: systemActor, caseId: 'QH-2026-0042', ruleId: 'CASE-OVERDUE', ruleVersion: 1, deptCode: '11320682MB1234567X', reason: '承诺时限已到，仍未办结', evidence: { eventIds: ['e-accepted'], figures: { usedDays: 11, limit: 10 } }, occurrence: 1 };
  const base: RaiseAlert = level === 'yellow' ? { ...common, level, caseOverdueAt: CASE_OVERDUE_AT } : { ...common, level };
  return { ...base, ...overrides } as RaiseAlert;
}

/** A well-formed command of each type, as the given actor would send it. */
export function commandOf(type: AlertCommandType, actor: AlertActor): AlertCommand {
  switch (type) {
    case 'raise': return { ...raiseCommand('red'), actor };
    case 'notify': return { type, actor, channel: 'sse' };
    case 'acknowledge': return { type, actor };
    case 'reply': return { type, actor, explanation: '系统故障导致延误', correctiveAction: '已补办并加强巡检', evidence: ['doc-1'] };
    case 'verify': return { type, actor, note: '整改到位' };
    case 'reopen': return { type, actor, reason: '整改材料不全' };
    case 'escalate': return { type, actor, reason: '督办未果' };
    case 'appeal': return { type, actor, reason: '申请人要求暂缓办理' };
    case 'dismiss': return { type, actor, reason: '申诉成立' };
    case 'uphold': return { type, actor, reason: '申诉理由不成立' };
    case 'autoClose': return { type, actor, reason: 'case-concluded-in-time' };
  }
}

/** An alert's history so far; each step decides a command an hour after the last and applies its events. */
export class AlertScenario {
  constructor(readonly events: readonly AlertEvent[], readonly state: AlertState, readonly at: Instant) {}

  then(command: AlertCommand, at: Instant = hoursAfter(this.at, 1), config: Partial<AlertConfig> = {}): AlertScenario {
    const decided = decideAlert(command, this.state, ctxAt(at, config));
    return new AlertScenario([...this.events, ...decided], decided.reduce(evolveAlert, this.state), at);
  }

  by(type: AlertCommandType, who: ActorKind, at?: Instant): AlertScenario {
    return this.then(commandOf(type, actors[who]), at);
  }

  notified = () => this.by('notify', 'system');
  acknowledged = () => this.by('acknowledge', 'supervisor');
  replied = () => this.by('reply', 'department');
  verified = () => this.by('verify', 'supervisor');
  reopened = () => this.by('reopen', 'supervisor');
  escalatedBySupervisor = () => this.by('escalate', 'supervisor');
  appealed = () => this.by('appeal', 'department');
  dismissed = () => this.by('dismiss', 'supervisor');
  upheld = () => this.by('uphold', 'supervisor');
  autoClosed = () => this.by('autoClose', 'system');
}

export const noAlert = () => new AlertScenario([], initialAlertState, RAISED_AT);
export const aRaisedYellow = (overrides: Partial<RaiseAlert> = {}) => noAlert().then(raiseCommand('yellow', overrides), RAISED_AT);
export const aRaisedRed = (overrides: Partial<RaiseAlert> = {}) => noAlert().then(raiseCommand('red', overrides), RAISED_AT);
