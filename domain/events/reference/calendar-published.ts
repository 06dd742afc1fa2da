import { z } from 'zod';
import { civilDate, nonEmpty } from '../common.ts';
import { referenceEvent } from '../envelope.ts';

/** The longest official holiday run is the Spring Festival (9 days in 2026); 15 leaves room without hiding typos. */
export const MAX_HOLIDAY_DAYS = 15;

const holiday = z.object({
  name: nonEmpty('节日名称').describe('节日名称'),
  from: civilDate.describe('放假开始日期'),
  to: civilDate.describe('放假结束日期'),
});

const DAY_MS = 86_400_000;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS);

/**
 * A State Council notice covers its year, but a New Year run or a make-up day can fall in the last
 * days of December before it (2019's notice started on 2018-12-29), so December of the previous
 * year and January of the next are accepted.
 */
function withinYear(year: number, date: string): boolean {
  return date >= `${year - 1}-12-01` && date <= `${year + 1}-01-31`;
}

const calendarRecord = z.object({
  year: z.number().int('must be a whole year').min(2000, 'must be 2000 or later').max(2100, 'must be 2100 or earlier').describe('年度'),
  holidays: z.array(holiday).describe('法定节假日'),
  extraWorkdays: z.array(civilDate).describe('调休上班日'),
  source: nonEmpty('来源').describe('来源 (e.g. 国务院办公厅通知文号)'),
});

export const calendarYear = calendarRecord.superRefine((c, ctx) => {
  c.holidays.forEach((h, i) => {
    if (!withinYear(c.year, h.from) || !withinYear(c.year, h.to)) {
      ctx.addIssue({ code: 'custom', path: ['holidays', i], message: `must lie in or next to ${c.year}` });
    } else if (h.to < h.from) {
      ctx.addIssue({ code: 'custom', path: ['holidays', i, 'to'], message: `must not be before from ${h.from}` });
    } else if (daysBetween(h.from, h.to) + 1 > MAX_HOLIDAY_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['holidays', i], message: `a holiday may last at most ${MAX_HOLIDAY_DAYS} days` });
    }
  });
  c.extraWorkdays.forEach((d, i) => {
    if (!withinYear(c.year, d)) {
      ctx.addIssue({ code: 'custom', path: ['extraWorkdays', i], message: `must lie in or next to ${c.year}` });
    } else if (c.holidays.some((h) => h.from <= d && d <= h.to)) {
      ctx.addIssue({ code: 'custom', path: ['extraWorkdays', i], message: `${d} is inside a holiday of the same calendar` });
    }
  });
});

/** Stream `calendar-<year>`. The calendar itself is built in domain/calendar/. */
export const calendarPublished = referenceEvent('CalendarPublished', calendarYear);

export type CalendarYear = z.infer<typeof calendarYear>;
export type CalendarPublished = z.infer<typeof calendarPublished>;
