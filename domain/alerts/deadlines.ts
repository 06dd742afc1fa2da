import { addDays, civilDateInZone, type WorkingCalendar } from '../calendar/index.ts';
import { startOfDay, type Instant } from '../clock/zoned-time.ts';

/**
 * The end of the n-th working day after `from`'s civil date, as an instant: 24:00 of that day, i.e.
 * 00:00 of the next calendar day, the way §3.2 step 6 ends a case's limit. The day of `from` is not
 * counted (Civil Code Art. 201), so a red raised on Thu 2026-09-24 with K = 3 skips the Mid-Autumn
 * holiday (09-25 to 09-27) and is due by the end of Wed 09-30.
 */
export function endOfWorkingDaysAfter(from: Instant, n: number, calendar: WorkingCalendar, timeZone: string): Instant {
  const lastDay = calendar.addWorkingDays(civilDateInZone(from, timeZone), n);
  return startOfDay(addDays(lastDay, 1), timeZone);
}
