import { fromDayNumber, type WorkingCalendar } from '../calendar/index.ts';
import type { Axis, Point } from './axis.ts';
import { minutesOfDay } from './config.ts';
import { epochMs, formatInstant, localPartsOf, localToEpochMs } from './zoned-time.ts';

const HOUR_MS = 3_600_000;

/**
 * Office time on working days, in milliseconds (§3.2 step 10, the Hunan engine [S27]). A limit of
 * n working days is n office days from the instant the clock starts; a period that runs out at
 * closing time ends at the next opening, since no office time passes in between.
 */
export function officeHoursAxis(calendar: WorkingCalendar, timeZone: string, open: string, close: string): Axis {
  const openMs = minutesOfDay(open) * 60_000;
  const officeDay = minutesOfDay(close) * 60_000 - openMs;
  if (officeDay <= 0) throw new RangeError(`office hours must close after they open, got ${open}–${close}`);
  const within = (msOfDay: number): number => Math.min(officeDay, Math.max(0, msOfDay - openMs));
  const isWorking = (day: number): boolean => calendar.isWorkingDayNumber(day);
  const openingOf = (day: number): number => localToEpochMs(fromDayNumber(day), openMs / 60_000, timeZone);

  const count = (a: number, b: number): number => {
    if (b <= a) return 0;
    const from = localPartsOf(a, timeZone);
    const to = localPartsOf(b, timeZone);
    if (from.day === to.day) return isWorking(from.day) ? within(to.msOfDay) - within(from.msOfDay) : 0;
    const first = isWorking(from.day) ? officeDay - within(from.msOfDay) : 0;
    const middle = calendar.workingDaysBetweenDayNumbers(from.day, to.day - 1) * officeDay;
    const last = isWorking(to.day) ? within(to.msOfDay) : 0;
    return first + middle + last;
  };

  const advance = (a: number, n: number): number => {
    const from = localPartsOf(a, timeZone);
    let rest = n;
    if (isWorking(from.day)) {
      const today = officeDay - within(from.msOfDay);
      if (rest < today) return Math.max(a, openingOf(from.day)) + rest;
      rest -= today;
    }
    const days = Math.floor(rest / officeDay) + 1;
    return openingOf(calendar.addWorkingDaysToDayNumber(from.day, days)) + (rest - (days - 1) * officeDay);
  };

  return {
    granularity: 'office-hours',
    unit: 'working-days',
    perDay: officeDay,
    position: (p: Point) => epochMs(p.at),
    count,
    advance,
    deadline: (pos) => pos,
    runningFrom: (pos) => pos,
    dateOf: (pos) => fromDayNumber(localPartsOf(pos, timeZone).day),
    startInstant: (pos) => formatInstant(pos, timeZone),
    endInstant: (pos) => formatInstant(pos, timeZone),
    describe: (units) => `${+(units / HOUR_MS).toFixed(2)} office hours`,
    label: (pos) => formatInstant(pos, timeZone),
  };
}
