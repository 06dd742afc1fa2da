import { isCivilDate, toDayNumber, weekdayOfDayNumber, yearOf, type CivilDate } from './civil-date.ts';

/** One holiday of a State Council notice, both ends included (放假调休 from … to …). */
export interface HolidayPeriod {
  readonly name: string;
  readonly from: CivilDate;
  readonly to: CivilDate;
}

/**
 * One year's published holiday arrangement. Same shape as the `CalendarPublished` payload, so a
 * calendar read from the event stream is used as it is.
 */
export interface YearCalendar {
  readonly year: number;
  readonly holidays: readonly HolidayPeriod[];
  /** Weekend days declared working days (调休上班). */
  readonly extraWorkdays: readonly CivilDate[];
  /** The notice, its number and date, and where it was read. */
  readonly source: string;
}

/** A calendar whose dates contradict one another or the year it claims to cover. */
export class InvalidYearCalendarError extends Error {
  readonly code = 'CALENDAR_INVALID';
  constructor(readonly problems: readonly string[]) {
    super(`invalid year calendar: ${problems.join('; ')}`);
    this.name = 'InvalidYearCalendarError';
  }
}

// A notice may reach into the neighbouring year: the 2019 notice set 2018-12-30/31 as New Year
// holiday and Sat 2018-12-29 as a working day. Anything further away is a typo.
function withinNoticeReach(date: CivilDate, year: number): boolean {
  const y = yearOf(date);
  const month = date.slice(5, 7);
  return y === year || (y === year - 1 && month === '12') || (y === year + 1 && month === '01');
}

/** Every problem found, each naming its field, so one report fixes them all. */
export function yearCalendarProblems(cal: YearCalendar): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(cal.year) || cal.year < 1000 || cal.year > 9999) problems.push(`year: ${cal.year} is not a 4-digit year`);
  const checkDate = (path: string, d: CivilDate): boolean => {
    const problem = !isCivilDate(d)
      ? `"${d}" is not a date written YYYY-MM-DD`
      : withinNoticeReach(d, cal.year) ? null : `${d} is outside ${cal.year}`;
    if (problem) problems.push(`${path}: ${problem}`);
    return problem === null;
  };
  const offDays = new Set<number>();
  cal.holidays.forEach((h, i) => {
    const fromOk = checkDate(`holidays[${i}].from`, h.from);
    const toOk = checkDate(`holidays[${i}].to`, h.to);
    if (!fromOk || !toOk) return;
    if (h.to < h.from) problems.push(`holidays[${i}]: ends (${h.to}) before it starts (${h.from})`);
    for (let d = toDayNumber(h.from); d <= toDayNumber(h.to); d++) offDays.add(d);
  });
  cal.extraWorkdays.forEach((d, i) => {
    if (!checkDate(`extraWorkdays[${i}]`, d)) return;
    const n = toDayNumber(d);
    if (weekdayOfDayNumber(n) < 6) problems.push(`extraWorkdays[${i}]: ${d} is a weekday; make-up working days are weekend days`);
    if (offDays.has(n)) problems.push(`extraWorkdays[${i}]: ${d} is inside a holiday`);
  });
  if (cal.source.trim() === '') problems.push('source: must cite the notice');
  return problems;
}
