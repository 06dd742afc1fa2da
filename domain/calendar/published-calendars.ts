import { cn2025 } from './cn-2025.ts';
import { cn2026 } from './cn-2026.ts';
import type { YearCalendar } from './year-calendar.ts';

/** The notices shipped with the code, oldest first; later years arrive as `CalendarPublished` events. */
export const publishedCalendars: readonly YearCalendar[] = Object.freeze([cn2025, cn2026]);
