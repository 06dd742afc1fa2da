import { zoneOffsetMs } from './zone-offset.ts';

/**
 * Civil dates ('YYYY-MM-DD', proleptic Gregorian) and their day numbers (days since 1970-01-01).
 * Conversions are integer arithmetic (Hinnant's days_from_civil), so no `Date` object and no
 * process time zone is ever involved: a case clock gives the same answer on every server.
 */

/** A date written 'YYYY-MM-DD'. A plain string, so event payloads can carry it unchanged. */
export type CivilDate = string;

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

export function isCivilDate(value: string): boolean {
  const m = CIVIL_DATE.exec(value);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(m[1]), month);
}

export function toDayNumber(date: CivilDate): number {
  if (!isCivilDate(date)) throw new RangeError(`not a civil date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return dayNumberOf(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** Day number of a valid year/month/day; March-based years put the leap day last. */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** 1970-01-01 was a Thursday. */
export function weekdayOfDayNumber(dayNumber: number): IsoWeekday {
  return ((((dayNumber + 3) % 7) + 7) % 7 + 1) as IsoWeekday;
}

export function weekday(date: CivilDate): IsoWeekday {
  return weekdayOfDayNumber(toDayNumber(date));
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: CivilDate, b: CivilDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Valid 'YYYY-MM-DD' strings order lexicographically, so no parsing is needed. */
export function compareCivilDates(a: CivilDate, b: CivilDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function yearOf(date: CivilDate): number {
  return Number(date.slice(0, 4));
}

/** The deployment's zone unless configured otherwise: every county office keeps Beijing time. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const INSTANT_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T[^Z+-]*(?:Z|[+-]\d{2}:\d{2})$/i;

/**
 * The civil date on which an instant falls in `timeZone`. A case's days are the deployment's
 * days, never the server process's: an acceptance at 01:30 Beijing time is 17:30 UTC the day before.
 */
export function civilDateInZone(instantIso: string, timeZone: string = DEFAULT_TIME_ZONE): CivilDate {
  // Without an explicit offset Date.parse would read the string in the process's zone.
  const ms = INSTANT_WITH_OFFSET.test(instantIso) ? Date.parse(instantIso) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO-8601 instant: ${JSON.stringify(instantIso)}`);
  return fromDayNumber(Math.floor((ms + zoneOffsetMs(ms, timeZone)) / 86_400_000));
}
