import { fromDayNumber, type WorkingCalendar } from '../calendar/index.ts';
import type { Axis, Point } from './axis.ts';
import { minutesOfDay } from './config.ts';
import { epochMs, formatInstant, localPartsOf, localToEpochMs } from './zoned-time.ts';

const HOUR_MS = 3_600_000;

interface OfficeHours {
  readonly calendar: WorkingCalendar;
  readonly timeZone: string;
  /** Opening, in milliseconds after local midnight. */
  readonly openMs: number;
  /** Length of the office day in milliseconds. */
  readonly dayMs: number;
}

const within = (h: OfficeHours, msOfDay: number): number => Math.min(h.dayMs, Math.max(0, msOfDay - h.openMs));
const openingOf = (h: OfficeHours, day: number): number => localToEpochMs(fromDayNumber(day), h.openMs / 60_000, h.timeZone);

/** Office time from a to b: the rest of a's office day, whole working days between, the start of b's. */
function officeTime(h: OfficeHours, a: number, b: number): number {
  if (b <= a) return 0;
  const from = localPartsOf(a, h.timeZone);
  const to = localPartsOf(b, h.timeZone);
  const working = (day: number): boolean => h.calendar.isWorkingDayNumber(day);
  if (from.day === to.day) return working(from.day) ? within(h, to.msOfDay) - within(h, from.msOfDay) : 0;
  const first = working(from.day) ? h.dayMs - within(h, from.msOfDay) : 0;
  const middle = h.calendar.workingDaysBetweenDayNumbers(from.day, to.day - 1) * h.dayMs;
  const last = working(to.day) ? within(h, to.msOfDay) : 0;
  return first + middle + last;
}

/** The last instant at which n of office time after a is used up: one running out at closing ends at the next opening. */
function addOfficeTime(h: OfficeHours, a: number, n: number): number {
  const from = localPartsOf(a, h.timeZone);
  let rest = n;
  if (h.calendar.isWorkingDayNumber(from.day)) {
    const today = h.dayMs - within(h, from.msOfDay);
    if (rest < today) return Math.max(a, openingOf(h, from.day)) + rest;
    rest -= today;
  }
  const days = Math.floor(rest / h.dayMs) + 1;
  return openingOf(h, h.calendar.addWorkingDaysToDayNumber(from.day, days)) + (rest - (days - 1) * h.dayMs);
}

/**
 * Office time on working days, in milliseconds (§3.2 step 10, the Hunan engine [S27]). A limit of
 * n working days is n office days from the instant the clock starts; pauses and stops are placed
 * by their events' instants.
 */
export function officeHoursAxis(calendar: WorkingCalendar, timeZone: string, open: string, close: string): Axis {
  const openMs = minutesOfDay(open) * 60_000;
  const h: OfficeHours = { calendar, timeZone, openMs, dayMs: minutesOfDay(close) * 60_000 - openMs };
  if (h.dayMs <= 0) throw new RangeError(`office hours must close after they open, got ${open}–${close}`);
  return {
    granularity: 'office-hours',
    unit: 'working-days',
    perDay: h.dayMs,
    position: (p: Point) => epochMs(p.at),
    count: (a, b) => officeTime(h, a, b),
    advance: (a, n) => addOfficeTime(h, a, n),
    deadline: (pos) => pos,
    runningFrom: (pos) => pos,
    dateOf: (pos) => fromDayNumber(localPartsOf(pos, timeZone).day),
    startInstant: (pos) => formatInstant(pos, timeZone),
    endInstant: (pos) => formatInstant(pos, timeZone),
    describe: (units) => `${+(units / HOUR_MS).toFixed(2)} office hours`,
    label: (pos) => formatInstant(pos, timeZone),
  };
}
