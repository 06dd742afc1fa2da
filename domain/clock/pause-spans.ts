import { addDays, type CivilDate, type WorkingCalendar } from '../calendar/index.ts';
import type { CaseEvent, EventOf } from '../events/catalogue.ts';
import { anomaly, type AnomalyCode } from './anomalies.ts';
import type { LimitUnit, Point } from './axis.ts';
import type { ClockAnomaly, PauseKind } from './types.ts';

/** One pause as its events report it: a supplement after acceptance, a special procedure of kind 2, a suspension. */
export interface PauseSpan {
  readonly kind: PauseKind;
  readonly start: Point;
  end: Point | null;
  readonly eventIds: string[];
  readonly allowedUntil: CivilDate | null;
}

/** A special procedure of kind 1 (延长审批): it extends the limit and pauses nothing (§2.4). */
export interface ExtensionRequest {
  readonly point: Point;
  readonly days: number;
  readonly unit: LimitUnit;
  readonly procedureNo: number;
  readonly eventId: string;
}

export interface PauseLog {
  readonly pauses: PauseSpan[];
  readonly extensions: ExtensionRequest[];
  readonly anomalies: ClockAnomaly[];
  readonly openSpecial: Map<number, PauseSpan>;
  readonly extensionNos: Set<number>;
}

export function openPause(log: PauseLog, kind: PauseKind, start: Point, allowedUntil: CivilDate | null): PauseSpan {
  const span: PauseSpan = { kind, start, end: null, eventIds: [start.eventId!], allowedUntil };
  log.pauses.push(span);
  return span;
}

/** Closes a pause; IR07 wants to know when it outran its announced or permitted length. */
export function closePause(log: PauseLog, span: PauseSpan, e: CaseEvent, p: Point): null {
  span.eventIds.push(e.eventId);
  const backwards = p.date < span.start.date;
  span.end = backwards ? { ...p, date: span.start.date } : p;
  if (backwards) log.anomalies.push(anomaly('pause-ends-before-start', p.date, span.eventIds, `${span.kind} ends on ${p.date}, before it started on ${span.start.date}; counted as no pause`));
  if (span.allowedUntil && span.end.date > span.allowedUntil) {
    const code: AnomalyCode = span.kind === 'suspension' ? 'suspension-too-long' : 'special-procedure-too-long';
    log.anomalies.push(anomaly(code, span.end.date, span.eventIds, `${span.kind} ${span.start.date}→${span.end.date} ran past ${span.allowedUntil} (IR07)`));
  }
  return null;
}

/** The payload's 开始日期 places a special procedure on the day axis; its event's instant on office hours. */
export function startSpecial(log: PauseLog, e: EventOf<'SpecialProcedureStarted'>, p: Point, calendar: WorkingCalendar): void {
  const { procedureNo, kind, limit, startedOn } = e.payload;
  const at: Point = { ...p, date: startedOn };
  if (kind === '1') {
    log.extensionNos.add(procedureNo);
    log.extensions.push({ point: at, days: limit.value, unit: limit.unit, procedureNo, eventId: e.eventId });
  } else if (log.openSpecial.has(procedureNo)) {
    log.anomalies.push(anomaly('special-procedure-already-open', startedOn, [e.eventId], `special procedure ${procedureNo} started again on ${startedOn} while open`));
  } else {
    // ALL Art. 45: the agency tells the applicant in writing how long it will take.
    const until = limit.unit === 'calendar-days' ? addDays(startedOn, limit.value) : calendar.addWorkingDays(startedOn, limit.value);
    log.openSpecial.set(procedureNo, openPause(log, 'special-procedure', at, until));
  }
}

export function endSpecial(log: PauseLog, e: EventOf<'SpecialProcedureEnded'>, p: Point): void {
  const { procedureNo, endedOn } = e.payload;
  const span = log.openSpecial.get(procedureNo);
  if (span) {
    log.openSpecial.delete(procedureNo);
    closePause(log, span, e, { ...p, date: endedOn });
  } else if (!log.extensionNos.has(procedureNo)) {
    log.anomalies.push(anomaly('special-procedure-end-without-start', endedOn, [e.eventId], `special procedure ${procedureNo} ended on ${endedOn} but never started`));
  }
}
