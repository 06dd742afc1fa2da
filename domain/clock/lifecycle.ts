import { addDays, type CivilDate } from '../calendar/index.ts';
import type { CaseEvent, CaseEventType, EventOf } from '../events/catalogue.ts';
import { anomaly } from './anomalies.ts';
import type { LimitUnit, Point } from './axis.ts';
import type { ClockContext } from './context.ts';
import { pointOf } from './place-events.ts';
import { closeStep, openStep, stepLabel, type StepSpan } from './step-spans.ts';
import type { ClockAnomaly, PauseKind } from './types.ts';

export interface PauseSpan {
  readonly kind: PauseKind;
  readonly start: Point;
  end: Point | null;
  readonly eventIds: string[];
  readonly allowedUntil: CivilDate | null;
}

export interface ExtensionRequest {
  readonly point: Point;
  readonly days: number;
  readonly unit: LimitUnit;
  readonly procedureNo: number;
  readonly eventId: string;
}

export interface Terminal {
  readonly kind: 'concluded' | 'refused' | 'withdrawn' | 'forwarded';
  readonly event: CaseEvent;
  readonly point: Point;
}

export interface Lifecycle {
  readonly pauses: PauseSpan[];
  readonly extensions: ExtensionRequest[];
  readonly steps: StepSpan[];
  terminal: Terminal | null;
  readonly anomalies: ClockAnomaly[];
  readonly open: { supplement: PauseSpan | null; suspension: PauseSpan | null; special: Map<number, PauseSpan> };
  readonly extensionNos: Set<number>;
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
export function traceLifecycle(events: readonly CaseEvent[], from: number, ctx: ClockContext): Lifecycle {
  const life: Lifecycle = {
    pauses: [], extensions: [], steps: [], terminal: null, anomalies: [],
    open: { supplement: null, suspension: null, special: new Map() }, extensionNos: new Set(),
    firstAcceptedId: events.find((e) => e.type === 'CaseAccepted')?.eventId ?? null,
  };
  const openSteps = new Map<string, StepSpan[]>();
  for (let i = from; i < events.length; i++) {
    const e = events[i]!;
    const p = pointOf(e, i, ctx.config.timeZone);
    if (life.terminal) {
      if (!AFTER_END_ALLOWED.has(e.type)) life.anomalies.push(anomaly('event-after-end', p.date, [e.eventId], `${e.type} on ${p.date} after the case ended (${life.terminal.kind} on ${life.terminal.point.date}); ignored by the clock`));
      continue;
    }
    if (e.type === 'StepStarted') openStep(life, openSteps, e, p);
    else if (e.type === 'StepCompleted') closeStep(life, openSteps, e, p, ctx.config.timeZone);
    else onPauseOrEnd(life, e, p, ctx);
  }
  if (life.terminal) flagOpenAtEnd(life, life.terminal, openSteps);
  return life;
}

function onPauseOrEnd(life: Lifecycle, e: CaseEvent, p: Point, ctx: ClockContext): void {
  const flag = (code: Parameters<typeof anomaly>[0], message: string) => life.anomalies.push(anomaly(code, p.date, [e.eventId], message));
  const open = (kind: PauseKind, start: Point, allowedUntil: CivilDate | null): PauseSpan => {
    const span: PauseSpan = { kind, start, end: null, eventIds: [e.eventId], allowedUntil };
    life.pauses.push(span);
    return span;
  };
  switch (e.type) {
    case 'SupplementRequested':
      if (life.open.supplement) flag('supplement-already-requested', `another supplement notice on ${p.date} while the one of ${life.open.supplement.start.date} is open (IR04)`);
      else life.open.supplement = open('supplement', p, null);
      return;
    case 'SupplementReceived':
      if (life.open.supplement) life.open.supplement = close(life, life.open.supplement, e, p);
      else flag('supplement-received-without-request', `supplements received on ${p.date} with no open supplement notice`);
      return;
    case 'CaseSuspended':
      if (life.open.suspension) flag('suspended-while-suspended', `suspended again on ${p.date} while suspended since ${life.open.suspension.start.date}`);
      else life.open.suspension = open('suspension', p, ctx.calendar.addWorkingDays(p.date, ctx.config.suspensionMaxDays));
      return;
    case 'CaseResumed':
      if (life.open.suspension) life.open.suspension = close(life, life.open.suspension, e, p);
      else flag('resume-without-suspension', `resumed on ${p.date} without an open suspension`);
      return;
    case 'SpecialProcedureStarted':
      return startSpecial(life, e, p, ctx, open, flag);
    case 'SpecialProcedureEnded':
      return endSpecial(life, e, p, flag);
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

type Open = (kind: PauseKind, start: Point, allowedUntil: CivilDate | null) => PauseSpan;
type Flag = (code: Parameters<typeof anomaly>[0], message: string) => void;

function startSpecial(life: Lifecycle, e: EventOf<'SpecialProcedureStarted'>, p: Point, ctx: ClockContext, open: Open, flag: Flag): void {
  const { procedureNo, kind, limit, startedOn } = e.payload;
  const at: Point = { ...p, date: startedOn };
  if (kind === '1') {
    life.extensionNos.add(procedureNo);
    life.extensions.push({ point: at, days: limit.value, unit: limit.unit, procedureNo, eventId: e.eventId });
  } else if (life.open.special.has(procedureNo)) {
    flag('special-procedure-already-open', `special procedure ${procedureNo} started again on ${startedOn} while open`);
  } else {
    // ALL Art. 45: the agency tells the applicant in writing how long it will take.
    const until = limit.unit === 'calendar-days' ? addDays(startedOn, limit.value) : ctx.calendar.addWorkingDays(startedOn, limit.value);
    life.open.special.set(procedureNo, open('special-procedure', at, until));
  }
}

function endSpecial(life: Lifecycle, e: EventOf<'SpecialProcedureEnded'>, p: Point, flag: Flag): void {
  const { procedureNo, endedOn } = e.payload;
  const span = life.open.special.get(procedureNo);
  if (span) {
    life.open.special.delete(procedureNo);
    close(life, span, e, { ...p, date: endedOn });
  } else if (!life.extensionNos.has(procedureNo)) {
    flag('special-procedure-end-without-start', `special procedure ${procedureNo} ended on ${endedOn} but never started`);
  }
}

function close(life: Lifecycle, span: PauseSpan, e: CaseEvent, p: Point): null {
  span.eventIds.push(e.eventId);
  span.end = p.date < span.start.date ? { ...p, date: span.start.date } : p;
  if (p.date < span.start.date) life.anomalies.push(anomaly('pause-ends-before-start', p.date, span.eventIds, `${span.kind} ends on ${p.date}, before it started on ${span.start.date}; counted as no pause`));
  if (span.allowedUntil && span.end.date > span.allowedUntil) {
    const code = span.kind === 'suspension' ? 'suspension-too-long' : 'special-procedure-too-long';
    life.anomalies.push(anomaly(code, span.end.date, span.eventIds, `${span.kind} ${span.start.date}→${span.end.date} ran past ${span.allowedUntil} (IR07)`));
  }
  return null;
}

function flagOpenAtEnd(life: Lifecycle, end: Terminal, openSteps: Map<string, StepSpan[]>): void {
  for (const span of life.pauses.filter((s) => s.end === null)) {
    life.anomalies.push(anomaly('pause-open-at-end', end.point.date, [...span.eventIds, end.event.eventId], `${span.kind} since ${span.start.date} still open when the case ended (${end.kind} on ${end.point.date}) (IR07)`));
  }
  for (const step of [...openSteps.values()].flat()) {
    life.anomalies.push(anomaly('step-open-at-end', end.point.date, [...step.eventIds, end.event.eventId], `step ${step.stepCode} started ${step.start.date} still open when the case ended`, stepLabel(step)));
  }
}
