import type { WorkingCalendar } from '../calendar/index.ts';
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
  const tz = config.timeZone;
  if (limit.unit === 'calendar-days') return shared(calendar, `calendar-days ${tz}`, () => calendarDayAxis(calendar, tz));
  const g = config.granularity;
  if (g.mode === 'office-hours' && limit.value > 0) return shared(calendar, `office-hours ${tz} ${g.open} ${g.close}`, () => officeHoursAxis(calendar, tz, g.open, g.close));
  return shared(calendar, `working-days ${tz}`, () => workingDayAxis(calendar, tz));
}

/**
 * Axes are pure functions of their calendar and settings, so each is built once per calendar: a
 * projection computes a few clocks per case, and building their closures anew was a tenth of it.
 */
const axes = new WeakMap<WorkingCalendar, Map<string, Axis>>();
function shared(calendar: WorkingCalendar, key: string, make: () => Axis): Axis {
  let byKey = axes.get(calendar);
  if (!byKey) axes.set(calendar, (byKey = new Map()));
  let axis = byKey.get(key);
  if (!axis) byKey.set(key, (axis = make()));
  return axis;
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
