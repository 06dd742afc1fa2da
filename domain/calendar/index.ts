import { publishedCalendars } from './published-calendars.ts';
import { WorkingCalendar } from './working-calendar.ts';

export {
  addDays,
  civilDateInZone,
  compareCivilDates,
  dayNumberOf,
  daysBetween,
  DEFAULT_TIME_ZONE,
  fromDayNumber,
  isCivilDate,
  toDayNumber,
  weekday,
  weekdayOfDayNumber,
  yearOf,
  type CivilDate,
  type IsoWeekday,
} from './civil-date.ts';
export { cn2025 } from './cn-2025.ts';
export { cn2026 } from './cn-2026.ts';
export { publishedCalendars } from './published-calendars.ts';
export { WorkingCalendar, type CalendarFallback, type Coverage, type WithAssumptions } from './working-calendar.ts';
export { InvalidYearCalendarError, yearCalendarProblems, type HolidayPeriod, type YearCalendar } from './year-calendar.ts';

let shipped: WorkingCalendar | undefined;

/** The calendar of the notices shipped with the code, built once: its tables are immutable. */
export function defaultCalendar(): WorkingCalendar {
  shipped ??= new WorkingCalendar(publishedCalendars);
  return shipped;
}
