import type { CaseEvent, CaseEventType } from '../events/catalogue.ts';
import { anomaly, type AnomalyCode } from './anomalies.ts';
import type { Point } from './axis.ts';
import type { ClockContext } from './context.ts';
import { closePause, endSpecial, openPause, startSpecial, type PauseLog, type PauseSpan } from './pause-spans.ts';
import { pointOf } from './place-events.ts';
import { closeStep, openStep, stepLabel, type StepSpan } from './step-spans.ts';

export type { ExtensionRequest, PauseSpan } from './pause-spans.ts';

export interface Terminal {
  readonly kind: 'concluded' | 'refused' | 'withdrawn' | 'forwarded';
  readonly event: CaseEvent;
  readonly point: Point;
}

export interface Lifecycle extends PauseLog {
  readonly steps: StepSpan[];
  terminal: Terminal | null;
  supplement: PauseSpan | null;
  suspension: PauseSpan | null;
  readonly firstAcceptedId: string | null;
}

const TERMINAL: Partial<Record<CaseEventType, Terminal['kind']>> = {
  CaseConcluded: 'concluded',
  CaseForwarded: 'forwarded',
  CaseWithdrawn: 'withdrawn',
  AcceptanceRefused: 'refused',
};
// E11, E14, E16, E17 may follow the conclusion (§2.4); anything else after the end is out of place.
const AFTER_END_ALLOWED = new Set<CaseEventType>(['FeeCharged', 'ResultDelivered', 'RatingSubmitted', 'ComplaintFiled', 'ComplaintHandled']);

/** Pauses, extensions, steps and the end of a case, read from its events after acceptance (§2.4). */
export function traceLifecycle(events: readonly CaseEvent[], from: number, ctx: ClockContext, endedBefore: Terminal | null = null): Lifecycle {
  const life: Lifecycle = {
    pauses: [], extensions: [], steps: [], anomalies: [], openSpecial: new Map(), extensionNos: new Set(),
    terminal: endedBefore, supplement: null, suspension: null,
    firstAcceptedId: events.find((e) => e.type === 'CaseAccepted')?.eventId ?? null,
  };
  const openSteps = new Map<string, StepSpan[]>();
  for (let i = from; i < events.length; i++) {
    const e = events[i]!;
    const p = pointOf(e, i, ctx.config.timeZone);
    if (life.terminal) {
      if (!AFTER_END_ALLOWED.has(e.type)) life.anomalies.push(anomaly('event-after-end', p.date, [e.eventId], `${e.type} on ${p.date} after the case ended (${life.terminal.kind} on ${life.terminal.point.date}); ignored by the clock`));
    } else if (e.type === 'StepStarted') openStep(life, openSteps, e, p);
    else if (e.type === 'StepCompleted') closeStep(life, openSteps, e, p, ctx.config.timeZone);
    else if (e.type === 'SpecialProcedureStarted') startSpecial(life, e, p, ctx.calendar);
    else if (e.type === 'SpecialProcedureEnded') endSpecial(life, e, p);
    else onPauseOrEnd(life, e, p, ctx);
  }
  if (life.terminal && life.terminal !== endedBefore) flagOpenAtEnd(life, life.terminal, openSteps);
  return life;
}

function onPauseOrEnd(life: Lifecycle, e: CaseEvent, p: Point, ctx: ClockContext): void {
  const flag = (code: AnomalyCode, message: string) => life.anomalies.push(anomaly(code, p.date, [e.eventId], message));
  switch (e.type) {
    case 'SupplementRequested':
      if (life.supplement) flag('supplement-already-requested', `another supplement notice on ${p.date} while the one of ${life.supplement.start.date} is open (IR04)`);
      else life.supplement = openPause(life, 'supplement', p, null);
      return;
    case 'SupplementReceived':
      if (life.supplement) life.supplement = closePause(life, life.supplement, e, p);
      else flag('supplement-received-without-request', `supplements received on ${p.date} with no open supplement notice`);
      return;
    case 'CaseSuspended':
      if (life.suspension) flag('suspended-while-suspended', `suspended again on ${p.date} while suspended since ${life.suspension.start.date}`);
      else life.suspension = openPause(life, 'suspension', p, ctx.calendar.addWorkingDays(p.date, ctx.config.suspensionMaxDays));
      return;
    case 'CaseResumed':
      if (life.suspension) life.suspension = closePause(life, life.suspension, e, p);
      else flag('resume-without-suspension', `resumed on ${p.date} without an open suspension`);
      return;
    case 'CaseAccepted':
      if (e.eventId !== life.firstAcceptedId) flag('accepted-again', `another CaseAccepted on ${p.date}; the clock keeps its start`);
      return;
    default: {
      const kind = TERMINAL[e.type];
      if (!kind) return;
      if (kind === 'refused') flag('refused-after-acceptance', `AcceptanceRefused on ${p.date} after the case was accepted: the case ends there`);
      life.terminal = { kind, event: e, point: p };
    }
  }
}

function flagOpenAtEnd(life: Lifecycle, end: Terminal, openSteps: Map<string, StepSpan[]>): void {
  for (const span of life.pauses.filter((s) => s.end === null)) {
    life.anomalies.push(anomaly('pause-open-at-end', end.point.date, [...span.eventIds, end.event.eventId], `${span.kind} since ${span.start.date} still open when the case ended (${end.kind} on ${end.point.date}) (IR07)`));
  }
  for (const step of [...openSteps.values()].flat()) {
    life.anomalies.push(anomaly('step-open-at-end', end.point.date, [...step.eventIds, end.event.eventId], `step ${step.stepCode} started ${step.start.date} still open when the case ended`, stepLabel(step)));
  }
}
