import { fromDayNumber, toDayNumber, type CivilDate, type WorkingCalendar } from '../calendar/index.ts';
import { startOfDay, type Instant } from './zoned-time.ts';

/** Where something happened on a case: its civil date, its instant, and the event that says so. */
export interface Point {
  readonly date: CivilDate;
  readonly at: Instant;
  readonly eventId: string | null;
  /** Place of the event in business-time order; breaks ties between points on the same position. */
  readonly order: number;
}

export type LimitUnit = 'working-days' | 'calendar-days';

/**
 * The line a clock counts along. Positions are day numbers (day axes) or epoch milliseconds (office
 * hours); `count` is additive, so pauses are subtracted as plain differences whatever the axis.
 */
export interface Axis {
  readonly granularity: 'day' | 'office-hours';
  readonly unit: LimitUnit;
  /** Units of one day of limit: 1 on day axes, the office day's milliseconds otherwise. */
  readonly perDay: number;
  position(p: Point): number;
  /** Units consumed from a to b; 0 when b ≤ a. */
  count(a: number, b: number): number;
  /** The position at which `n` units after `a` are used up. */
  advance(a: number, n: number): number;
  /** Where a period whose last unit falls on `pos` really ends (Civil Code Art. 203). */
  deadline(pos: number): number;
  /** The first position at or after `pos` on which the clock can be seen running. */
  runningFrom(pos: number): number;
  dateOf(pos: number): CivilDate;
  /** The instant a signal due on `pos` starts (yellow). */
  startInstant(pos: number): Instant;
  /** The instant the period ending on `pos` is over (due, red). */
  endInstant(pos: number): Instant;
  describe(units: number): string;
  label(pos: number): string;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** ALL Art. 82: limits count working days; wd(a, b] per domain.md §3.2. */
export function workingDayAxis(calendar: WorkingCalendar, timeZone: string): Axis {
  return {
    ...dayAxisBase(timeZone),
    unit: 'working-days',
    count: (a, b) => calendar.workingDaysBetweenDayNumbers(a, b),
    advance: (a, n) => calendar.addWorkingDaysToDayNumber(a, n),
    deadline: (pos) => pos,
    runningFrom: (pos) => (calendar.isWorkingDayNumber(pos) ? pos : calendar.nextWorkingDayNumber(pos)),
    describe: (n) => plural(n, 'working day'),
  };
}

/**
 * Limits stated in 自然日 (unit Z). Civil Code Art. 203: a period whose last day is a rest day ends
 * on the next working day, so only the deadline moves; counting stays in calendar days.
 */
export function calendarDayAxis(calendar: WorkingCalendar, timeZone: string): Axis {
  return {
    ...dayAxisBase(timeZone),
    unit: 'calendar-days',
    count: (a, b) => Math.max(0, b - a),
    advance: (a, n) => a + n,
    deadline: (pos) => (calendar.isWorkingDayNumber(pos) ? pos : calendar.nextWorkingDayNumber(pos)),
    runningFrom: (pos) => pos,
    describe: (n) => plural(n, 'calendar day'),
  };
}

function dayAxisBase(timeZone: string) {
  return {
    granularity: 'day' as const,
    perDay: 1,
    position: (p: Point) => toDayNumber(p.date),
    dateOf: (pos: number) => fromDayNumber(pos),
    startInstant: (pos: number) => startOfDay(fromDayNumber(pos), timeZone),
    // The last day ends at 24:00 (Civil Code Art. 203), written as 00:00 of the next calendar day.
    endInstant: (pos: number) => startOfDay(fromDayNumber(pos + 1), timeZone),
    label: (pos: number) => fromDayNumber(pos),
  };
}
