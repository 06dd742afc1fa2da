import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from './civil-date.ts';
import { defaultCalendar, publishedCalendars } from './index.ts';
import { WorkingCalendar } from './working-calendar.ts';
import type { YearCalendar } from './year-calendar.ts';

/** The §3.2 definition taken literally, with Date for weekdays: slow, obviously right. */
function naiveCalendar(calendars: readonly YearCalendar[]) {
  const extra = new Set(calendars.flatMap((c) => c.extraWorkdays));
  const off = new Set<string>();
  for (const h of calendars.flatMap((c) => c.holidays)) {
    for (let t = Date.parse(h.from); t <= Date.parse(h.to); t += 86_400_000) off.add(new Date(t).toISOString().slice(0, 10));
  }
  const isWorking = (d: string): boolean => {
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
    return extra.has(d) || (dow >= 1 && dow <= 5 && !off.has(d));
  };
  const step = (d: string, days: number): string => new Date(Date.parse(d) + days * 86_400_000).toISOString().slice(0, 10);
  const next = (d: string): string => step(d, 1);
  return {
    isWorking,
    previous(d: string): string {
      do d = step(d, -1);
      while (!isWorking(d));
      return d;
    },
    add(d: string, n: number): string {
      let counted = 0;
      while (counted < n) if (isWorking((d = next(d)))) counted++;
      return d;
    },
    between(a: string, b: string): number {
      let count = 0;
      for (let d = next(a); d <= b; d = next(d)) if (isWorking(d)) count++;
      return count;
    },
  };
}

const cal = defaultCalendar();
const naive = naiveCalendar(publishedCalendars);
const dayIn = (from: string, to: string) => fc.integer({ min: toDayNumber(from), max: toDayNumber(to) }).map(fromDayNumber);
const day2025to2027 = dayIn('2025-01-01', '2027-12-31');
const workingDays = fc.integer({ min: 0, max: 300 });

describe('given any date in 2025–2027 and up to 300 working days', () => {
  it('counting back the working days added gives the same number', () => {
    fc.assert(fc.property(day2025to2027, workingDays, (a, n) => cal.workingDaysBetween(a, cal.addWorkingDays(a, n)) === n));
  });

  it('adding at least one working day always lands on a working day', () => {
    fc.assert(fc.property(day2025to2027, fc.integer({ min: 1, max: 300 }), (a, n) => cal.isWorkingDay(cal.addWorkingDays(a, n))));
  });

  it('the result is the earliest date reaching n: the day before it has one fewer', () => {
    fc.assert(
      fc.property(day2025to2027, fc.integer({ min: 1, max: 300 }), (a, n) => {
        const due = fromDayNumber(cal.addWorkingDaysToDayNumber(toDayNumber(a), n));
        return cal.workingDaysBetween(a, fromDayNumber(toDayNumber(due) - 1)) === n - 1;
      }),
    );
  });

  it('counts are additive: (a, b] + (b, c] = (a, c]', () => {
    fc.assert(
      fc.property(fc.array(day2025to2027, { minLength: 3, maxLength: 3 }), (days) => {
        const [a, b, c] = days.sort() as [string, string, string];
        return cal.workingDaysBetween(a, b) + cal.workingDaysBetween(b, c) === cal.workingDaysBetween(a, c);
      }),
    );
  });

  it('the previous working day has no working day between it and the date', () => {
    fc.assert(
      fc.property(day2025to2027, (a) => {
        const prev = cal.previousWorkingDay(a);
        return prev < a && cal.isWorkingDay(prev) && cal.workingDaysBetween(prev, fromDayNumber(toDayNumber(a) - 1)) === 0;
      }),
    );
  });

  it('the next working day is the first working day after the date', () => {
    fc.assert(
      fc.property(day2025to2027, (a) => {
        const next = cal.nextWorkingDay(a);
        return next > a && cal.isWorkingDay(next) && cal.workingDaysBetween(a, next) === 1;
      }),
    );
  });
});

describe('given the fast implementation and a day-by-day loop', () => {
  const wide = dayIn('2023-01-01', '2029-12-31');

  it('they agree on every working day, count and sum from 2023 to 2029', () => {
    fc.assert(
      fc.property(wide, wide, fc.integer({ min: 0, max: 400 }), (a, b, n) => {
        expect(cal.isWorkingDay(a)).toBe(naive.isWorking(a));
        expect(cal.previousWorkingDay(a)).toBe(naive.previous(a));
        expect(cal.workingDaysBetween(a, b)).toBe(naive.between(a, b));
        expect(cal.addWorkingDays(a, n)).toBe(naive.add(a, n));
      }),
      { numRuns: 300 },
    );
  });

  it('they agree for any consistent calendar of 2030, spills into 2029 and 2031 included', () => {
    const isWeekend = (d: string): boolean => [0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay());
    const holiday = fc
      .tuple(fc.integer({ min: toDayNumber('2029-12-01'), max: toDayNumber('2031-01-20') }), fc.integer({ min: 0, max: 8 }))
      .map(([from, length]) => ({ name: 'generated', from: fromDayNumber(from), to: fromDayNumber(from + length) }));
    const arbCalendar = fc
      .record({ holidays: fc.array(holiday, { maxLength: 12 }), extras: fc.uniqueArray(dayIn('2029-12-01', '2031-01-31'), { maxLength: 12 }) })
      .map(({ holidays, extras }): YearCalendar => ({
        year: 2030,
        holidays,
        extraWorkdays: extras.filter((d) => isWeekend(d) && !holidays.some((h) => h.from <= d && d <= h.to)),
        source: 'generated',
      }));
    const around = dayIn('2029-06-01', '2031-06-30');
    fc.assert(
      fc.property(arbCalendar, around, around, fc.integer({ min: 0, max: 300 }), (c, a, b, n) => {
        const fast = new WorkingCalendar([c]);
        const slow = naiveCalendar([c]);
        expect(fast.workingDaysBetween(a, b)).toBe(slow.between(a, b));
        expect(fast.addWorkingDays(a, n)).toBe(slow.add(a, n));
        expect(fast.isWorkingDay(a)).toBe(slow.isWorking(a));
        expect(fast.previousWorkingDay(a)).toBe(slow.previous(a));
      }),
      { numRuns: 200 },
    );
  });
});
