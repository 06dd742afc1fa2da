import { defaultCalendar, fromDayNumber, toDayNumber, weekdayOfDayNumber, type CivilDate, type WorkingCalendar } from '../../domain/calendar/index.ts';

/** Office hours of a county service centre; events after 17:30 are the last applicants being served. */
export const OPEN = 8 * 3600 + 30 * 60;
export const NOON = 12 * 3600;
export const AFTERNOON = 14 * 3600;
export const CLOSE = 17 * 3600 + 30 * 60;
export const DAY_END = 18 * 3600;

/**
 * Simulated time is (working-day ordinal, second of day). Every event falls on a working day, so
 * "working days between two event dates" is a subtraction of ordinals, and the rules' counting
 * (wd(a, b], Civil Code Art. 201) holds by construction. Built once from the calendar.
 */
export class Workdays {
  /** Day number of working day ordinal i. */
  private readonly days: Int32Array;
  private readonly dates: string[];
  private readonly ordOfDay = new Map<number, number>();
  private readonly firstDay: number;

  constructor(from: CivilDate, to: CivilDate, calendar: WorkingCalendar = defaultCalendar()) {
    // Cases arriving in late December run on into the next year: keep a year of room.
    this.firstDay = toDayNumber(from) - 1;
    const last = toDayNumber(to) + 400;
    const days: number[] = [];
    for (let d = this.firstDay; d <= last; d++) {
      if (!calendar.isWorkingDayNumber(d)) continue;
      this.ordOfDay.set(d, days.length);
      days.push(d);
    }
    this.days = Int32Array.from(days);
    this.dates = days.map(fromDayNumber);
  }

  get count(): number {
    return this.days.length;
  }

  date(ord: number): CivilDate {
    const d = this.dates[ord];
    if (d === undefined) throw new RangeError(`working day ${ord} lies beyond the simulated range`);
    return d;
  }

  dayNumber(ord: number): number {
    return this.days[ord]!;
  }

  /** The ordinal of a working day; undefined for holidays and weekends. */
  ordOf(date: CivilDate): number | undefined {
    return this.ordOfDay.get(toDayNumber(date));
  }

  /** The first working day on or after `date`. */
  ordOnOrAfter(date: CivilDate): number {
    let d = toDayNumber(date);
    while (!this.ordOfDay.has(d)) d++;
    return this.ordOfDay.get(d)!;
  }

  weekday(ord: number): number {
    return weekdayOfDayNumber(this.days[ord]!);
  }
}

const TWO = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/** ISO-8601 with the +08:00 offset every county office keeps. */
export function formatInstant(date: CivilDate, second: number): string {
  const h = Math.floor(second / 3600);
  const m = Math.floor((second % 3600) / 60);
  return `${date}T${TWO[h]}:${TWO[m]}:${TWO[second % 60]}+08:00`;
}

/** Epoch milliseconds of a Beijing-time instant, for ordering and real-time feeds. */
export function epochMs(dayNumber: number, second: number): number {
  return (dayNumber * 86400 + second - 8 * 3600) * 1000;
}
