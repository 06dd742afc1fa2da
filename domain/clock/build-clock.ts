import { calendarDayAxis, workingDayAxis, type Axis, type LimitUnit, type Point } from './axis.ts';
import { anomaly } from './anomalies.ts';
import type { ClockContext } from './context.ts';
import { explainClock } from './explain-clock.ts';
import type { ExtensionRequest, PauseSpan } from './lifecycle.ts';
import { officeHoursAxis } from './office-hours-axis.ts';
import { presentClock } from './present-clock.ts';
import { runClock, type PauseCandidate } from './run-clock.ts';
import type { ClockAnomaly, Explanation, TimeClock } from './types.ts';
import type { Instant } from './zoned-time.ts';

export interface ClockInputs {
  readonly name: string;
  readonly limit: { readonly value: number; readonly unit: LimitUnit };
  readonly limitHow: string;
  readonly start: Point;
  readonly stop: Point | null;
  readonly pauses: readonly PauseSpan[];
  readonly extensions: readonly ExtensionRequest[];
  readonly extensionMax: number | null;
  readonly restartSupplements: boolean;
  readonly instantRule: boolean;
  readonly assess: boolean;
  readonly pending: boolean;
  readonly notBefore: Instant | null;
}

export interface BuiltClock {
  readonly clock: TimeClock;
  readonly explanation: Explanation[];
  readonly anomalies: ClockAnomaly[];
}

/**
 * Calendar-day limits count calendar days; a limit of 0 (即办件) is judged by the date alone
 * (S26), so both stay day-level even when office hours are configured.
 */
function axisFor(limit: ClockInputs['limit'], ctx: ClockContext): Axis {
  const { calendar, config } = ctx;
  if (limit.unit === 'calendar-days') return calendarDayAxis(calendar, config.timeZone);
  const g = config.granularity;
  if (g.mode === 'office-hours' && limit.value > 0) return officeHoursAxis(calendar, config.timeZone, g.open, g.close);
  return workingDayAxis(calendar, config.timeZone);
}

function candidate(span: PauseSpan, axis: Axis, restartSupplements: boolean): PauseCandidate {
  const from = axis.position(span.start);
  const source = { kind: span.kind, from: span.start.date, to: span.end?.date ?? null, eventIds: [...span.eventIds], allowedUntil: span.allowedUntil };
  return { source, from, to: span.end ? Math.max(from, axis.position(span.end)) : null, order: span.start.order, restart: restartSupplements && span.kind === 'supplement' };
}

/** One clock from the case's facts: run it, present its figures, explain them, report what it refused. */
export function buildClock(i: ClockInputs, ctx: ClockContext): BuiltClock {
  const axis = axisFor(i.limit, ctx);
  const start = axis.position(i.start);
  const run = runClock({
    axis,
    start,
    baseLimitDays: i.limit.value,
    pauses: i.pauses.map((span) => candidate(span, axis, i.restartSupplements)),
    extensions: i.extensions.map((request) => ({ at: axis.position(request.point), order: request.point.order, request })),
    extensionMax: i.extensionMax,
    stop: i.stop ? Math.max(start, axis.position(i.stop)) : null,
  });
  const presented = presentClock(run, { startDate: i.start.date, yellow: ctx.config.yellow, instantRule: i.instantRule, assess: i.assess, pending: i.pending, notBefore: i.notBefore });
  return { clock: presented.clock, explanation: explainClock(i.name, run, presented, i.limitHow, ctx.config.yellow), anomalies: clockAnomalies(i, presented.clock) };
}

function clockAnomalies(i: ClockInputs, clock: TimeClock): ClockAnomaly[] {
  const out = clock.ignoredPauses.map((p) => anomaly('pause-after-due-date', p.source.from, p.source.eventIds, `${p.source.kind} ${p.reason}`, i.name));
  for (const x of clock.extensions) {
    if (x.refusal === 'after-due-date') out.push(anomaly('extension-after-due-date', x.requestedOn, [x.eventId], x.refusedReason ?? '', i.name));
    if (x.refusal === 'beyond-maximum') out.push(anomaly('extension-beyond-maximum', x.requestedOn, [x.eventId], x.refusedReason ?? '', i.name));
  }
  for (const r of i.extensions.filter((r) => i.extensionMax !== null && r.unit !== i.limit.unit)) {
    out.push(anomaly('extension-unit-differs', r.point.date, [r.eventId], `extension of ${r.days} ${r.unit} on a limit in ${i.limit.unit}: counted as ${r.days} ${i.limit.unit}`, i.name));
  }
  return out;
}
