import type { WorkingCalendar } from '../calendar/index.ts';
import type { ClockConfig } from './config.ts';

/** What every part of the clock reads: passed down, never global. */
export interface ClockContext {
  readonly calendar: WorkingCalendar;
  readonly config: ClockConfig;
}
