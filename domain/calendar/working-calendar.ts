import { dayNumberOf, fromDayNumber, toDayNumber, weekdayOfDayNumber, yearOf, type CivilDate } from './civil-date.ts';
import { firstDayReachingWeekdays, weekdaysBefore } from './weekday-count.ts';
import { InvalidYearCalendarError, yearCalendarProblems, type YearCalendar } from './year-calendar.ts';

export type Coverage = 'published' | 'weekends-only';

/** Years counted without a published notice; show `note` wherever the result is shown. */
export interface CalendarFallback {
  readonly years: readonly number[];
  readonly note: string;
}

export interface WithAssumptions<T> {
  readonly value: T;
  /** null when every year involved has a published calendar. */
  readonly fallback: CalendarFallback | null;
}

const HOLIDAY = 1;
const EXTRA_WORKDAY = 2;

/**
 * Working days per ALL Art. 82: Mon–Fri, minus the State Council's holidays, plus its make-up
 * working days (调休). Counting follows Civil Code Art. 201: the start day is not counted.
 *
 * Everything rests on one function, `workingBefore(n)`: the number of working days before day
 * number n, as a signed prefix sum. Inside the table of published years it is a precomputed
 * array; outside it is closed-form Mon–Fri arithmetic. Counting between two dates is then a
 * subtraction (O(1)) and adding working days is its inverse (binary search inside the table,
 * O(1) outside), which is what lets projections recompute clocks for millions of cases.
 */
export class WorkingCalendar {
  readonly publishedYears: readonly number[];
  private readonly published: ReadonlySet<number>;
  /** First day number of the table, and the day after its last. */
  private readonly start: number;
  private readonly end: number;
  /** cum[i] = working days in [start, start + i). */
  private readonly cum: Int32Array;
  private readonly beforeTable: number;
  private readonly afterTableOffset: number;

  constructor(calendars: readonly YearCalendar[]) {
    assertValid(calendars);
    this.publishedYears = Object.freeze(calendars.map((c) => c.year).sort((a, b) => a - b));
    this.published = new Set(this.publishedYears);
    const dates = calendars.flatMap((c) => [...c.extraWorkdays, ...c.holidays.flatMap((h) => [h.from, h.to])]);
    const years = [...this.publishedYears, ...dates.map(yearOf)];
    this.start = years.length ? dayNumberOf(Math.min(...years), 1, 1) : 0;
    this.end = years.length ? dayNumberOf(Math.max(...years) + 1, 1, 1) : 0;
    this.cum = buildPrefix(this.start, this.end, calendars);
    this.beforeTable = weekdaysBefore(this.start);
    this.afterTableOffset = this.beforeTable + this.cum[this.cum.length - 1]! - weekdaysBefore(this.end);
    Object.freeze(this);
  }

  coverage(year: number): Coverage {
    return this.published.has(year) ? 'published' : 'weekends-only';
  }

  /** The years from `from` to `to` (inclusive) that had to be counted Mon–Fri only. */
  assumptions(from: CivilDate, to: CivilDate): CalendarFallback | null {
    const [lo, hi] = from <= to ? [yearOf(from), yearOf(to)] : [yearOf(to), yearOf(from)];
    const years: number[] = [];
    for (let y = lo; y <= hi; y++) if (!this.published.has(y)) years.push(y);
    if (years.length === 0) return null;
    return { years, note: `no published calendar for ${years.join(', ')}: counted Mon–Fri only` };
  }

  isWorkingDay(date: CivilDate): boolean {
    return this.isWorkingDayNumber(toDayNumber(date));
  }

  isWorkingDayNumber(day: number): boolean {
    return this.workingBefore(day + 1) > this.workingBefore(day);
  }

  /** The date n working days after `date`; `date` itself is never counted (Civil Code Art. 201). */
  addWorkingDays(date: CivilDate, n: number): CivilDate {
    return fromDayNumber(this.addWorkingDaysToDayNumber(toDayNumber(date), n));
  }

  addWorkingDaysToDayNumber(day: number, n: number): number {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`working days to add must be a whole number ≥ 0, got ${n}`);
    if (n === 0) return day;
    return this.firstDayReaching(this.workingBefore(day + 1) + n) - 1;
  }

  addWorkingDaysWithAssumptions(date: CivilDate, n: number): WithAssumptions<CivilDate> {
    const value = this.addWorkingDays(date, n);
    return { value, fallback: this.assumptions(date, value) };
  }

  /** Working days d with a < d ≤ b; 0 when b ≤ a. */
  workingDaysBetween(a: CivilDate, b: CivilDate): number {
    return this.workingDaysBetweenDayNumbers(toDayNumber(a), toDayNumber(b));
  }

  workingDaysBetweenDayNumbers(a: number, b: number): number {
    return b <= a ? 0 : this.workingBefore(b + 1) - this.workingBefore(a + 1);
  }

  workingDaysBetweenWithAssumptions(a: CivilDate, b: CivilDate): WithAssumptions<number> {
    return { value: this.workingDaysBetween(a, b), fallback: this.assumptions(a, b) };
  }

  nextWorkingDay(date: CivilDate): CivilDate {
    return fromDayNumber(this.nextWorkingDayNumber(toDayNumber(date)));
  }

  nextWorkingDayNumber(day: number): number {
    return this.addWorkingDaysToDayNumber(day, 1);
  }

  previousWorkingDay(date: CivilDate): CivilDate {
    return fromDayNumber(this.previousWorkingDayNumber(toDayNumber(date)));
  }

  previousWorkingDayNumber(day: number): number {
    return this.firstDayReaching(this.workingBefore(day)) - 1;
  }

  /** `date` if it is a working day, else the next one: where a period ending on a holiday ends (Civil Code Art. 203). */
  workingDayOnOrAfter(date: CivilDate): CivilDate {
    const day = toDayNumber(date);
    return this.isWorkingDayNumber(day) ? date : fromDayNumber(this.nextWorkingDayNumber(day));
  }

  /** Working days before day n, as a signed prefix sum from day 0. */
  private workingBefore(n: number): number {
    if (n <= this.start) return weekdaysBefore(n);
    if (n <= this.end) return this.beforeTable + this.cum[n - this.start]!;
    return this.afterTableOffset + weekdaysBefore(n);
  }

  /** The smallest n with workingBefore(n) ≥ target; day n − 1 is then a working day. */
  private firstDayReaching(target: number): number {
    const inTable = target - this.beforeTable;
    if (inTable <= 0) return firstDayReachingWeekdays(target);
    if (inTable > this.cum[this.cum.length - 1]!) return firstDayReachingWeekdays(target - this.afterTableOffset);
    let lo = 1;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cum[mid]! >= inTable) hi = mid;
      else lo = mid + 1;
    }
    return this.start + lo;
  }
}

function assertValid(calendars: readonly YearCalendar[]): void {
  const problems: string[] = [];
  const seen = new Set<number>();
  for (const cal of calendars) {
    // One notice per year: choosing between two versions is the caller's decision, not ours.
    if (seen.has(cal.year)) problems.push(`${cal.year}: more than one calendar given`);
    seen.add(cal.year);
    problems.push(...yearCalendarProblems(cal).map((p) => `${cal.year} ${p}`));
  }
  if (problems.length) throw new InvalidYearCalendarError(problems);
}

/** Notices are merged, so a date set by a neighbouring year's notice counts even in a year without its own. */
function buildPrefix(start: number, end: number, calendars: readonly YearCalendar[]): Int32Array {
  const kind = new Uint8Array(end - start);
  for (const cal of calendars) {
    for (const h of cal.holidays) {
      for (let d = toDayNumber(h.from); d <= toDayNumber(h.to); d++) kind[d - start] = HOLIDAY;
    }
    for (const d of cal.extraWorkdays) kind[toDayNumber(d) - start] = EXTRA_WORKDAY;
  }
  const cum = new Int32Array(end - start + 1);
  for (let i = 0; i < kind.length; i++) {
    const working = kind[i] === EXTRA_WORKDAY || (kind[i] !== HOLIDAY && weekdayOfDayNumber(start + i) <= 5);
    cum[i + 1] = cum[i]! + (working ? 1 : 0);
  }
  return cum;
}
