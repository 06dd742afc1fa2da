import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  civilDateInZone,
  compareCivilDates,
  daysBetween,
  fromDayNumber,
  isCivilDate,
  toDayNumber,
  weekday,
} from './civil-date.ts';

const viaDate = (dayNumber: number): string => new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);

describe('civil dates as day numbers', () => {
  it('1970-01-01 is day 0 and a Thursday', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(weekday('1970-01-01')).toBe(4);
  });

  it('2026-03-16 is a Monday and 2026-02-14 a Saturday', () => {
    expect(weekday('2026-03-16')).toBe(1);
    expect(weekday('2026-02-14')).toBe(6);
    expect(weekday('2026-01-04')).toBe(7);
  });

  it('agrees with the UTC calendar of Date for any day from 1600 to 2400', () => {
    fc.assert(
      fc.property(fc.integer({ min: -135_140, max: 157_000 }), (n) => {
        expect(fromDayNumber(n)).toBe(viaDate(n));
        expect(toDayNumber(viaDate(n))).toBe(n);
        expect(weekday(viaDate(n))).toBe(new Date(n * 86_400_000).getUTCDay() || 7);
      }),
    );
  });

  it('handles leap days, including the 400-year rule', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
    expect(daysBetween('2025-12-31', '2026-03-02')).toBe(61);
  });

  it('refuses strings that are not calendar dates', () => {
    for (const bad of ['2026-02-29', '2026-13-01', '2026-3-1', '2026-03-16T00:00:00Z', '']) {
      expect(isCivilDate(bad)).toBe(false);
      expect(() => toDayNumber(bad)).toThrow(RangeError);
    }
  });

  it('compares dates in calendar order', () => {
    expect(compareCivilDates('2025-12-31', '2026-01-01')).toBe(-1);
    expect(compareCivilDates('2026-01-01', '2026-01-01')).toBe(0);
    expect(compareCivilDates('2026-10-10', '2026-09-20')).toBe(1);
  });
});

describe('given an instant and the deployment time zone', () => {
  it('17:30 UTC on 2026-03-16 is already 2026-03-17 in Asia/Shanghai', () => {
    expect(civilDateInZone('2026-03-16T17:30:00Z')).toBe('2026-03-17');
    expect(civilDateInZone('2026-03-16T17:30:00Z', 'Asia/Shanghai')).toBe('2026-03-17');
  });

  it('15:59:59 UTC is still the same civil day in Beijing', () => {
    expect(civilDateInZone('2026-03-16T15:59:59Z')).toBe('2026-03-16');
    expect(civilDateInZone('2026-03-16T16:00:00Z')).toBe('2026-03-17');
  });

  it('reads explicit offsets and other zones', () => {
    expect(civilDateInZone('2026-03-17T01:30:00+08:00')).toBe('2026-03-17');
    expect(civilDateInZone('2026-03-17T01:30:00+08:00', 'UTC')).toBe('2026-03-16');
    expect(civilDateInZone('2025-12-31T23:30:00-05:00', 'America/New_York')).toBe('2025-12-31');
  });

  it('refuses an instant without an offset, whose meaning would depend on the server', () => {
    expect(() => civilDateInZone('2026-03-16T17:30:00')).toThrow(RangeError);
    expect(() => civilDateInZone('2026-03-16')).toThrow(RangeError);
    expect(() => civilDateInZone('yesterday')).toThrow(RangeError);
  });
});
