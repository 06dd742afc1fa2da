import { describe, expect, it } from 'vitest';
import { cn2025 } from './cn-2025.ts';
import { cn2026 } from './cn-2026.ts';
import { WorkingCalendar } from './working-calendar.ts';
import { InvalidYearCalendarError, yearCalendarProblems, type YearCalendar } from './year-calendar.ts';

const calendar2030 = (overrides: Partial<YearCalendar>): YearCalendar => ({
  year: 2030,
  holidays: [],
  extraWorkdays: [],
  source: 'test notice',
  ...overrides,
});

describe('given the published notices', () => {
  it('the 2025 and 2026 calendars are consistent', () => {
    expect(yearCalendarProblems(cn2025)).toEqual([]);
    expect(yearCalendarProblems(cn2026)).toEqual([]);
  });

  it('the 2026 calendar cites the notice it was read from', () => {
    expect(cn2026.source).toContain('https://politics.gmw.cn/2025-11/04/content_38391083.htm');
  });
});

describe('given a calendar with mistakes', () => {
  it('lists every problem, each with its field', () => {
    const problems = yearCalendarProblems(
      calendar2030({
        holidays: [
          { name: 'backwards', from: '2030-05-05', to: '2030-05-01' },
          { name: 'elsewhere', from: '2031-10-01', to: '2031-10-07' },
        ],
        extraWorkdays: ['2030-05-07', '2030-02-30', '2030-05-04'],
        source: ' ',
      }),
    );
    expect(problems).toEqual([
      'holidays[0]: ends (2030-05-01) before it starts (2030-05-05)',
      'holidays[1].from: 2031-10-01 is outside 2030',
      'holidays[1].to: 2031-10-07 is outside 2030',
      'extraWorkdays[0]: 2030-05-07 is a weekday; make-up working days are weekend days',
      'extraWorkdays[1]: "2030-02-30" is not a date written YYYY-MM-DD',
      'source: must cite the notice',
    ]);
  });

  it('accepts dates the notice sets at the end of the previous year, as the 2019 notice did', () => {
    const cal2019: YearCalendar = {
      year: 2019,
      holidays: [{ name: '元旦', from: '2018-12-30', to: '2019-01-01' }],
      extraWorkdays: ['2018-12-29'],
      source: '国办发明电〔2018〕15号',
    };
    expect(yearCalendarProblems(cal2019)).toEqual([]);
    const cal = new WorkingCalendar([cal2019]);
    expect(cal.isWorkingDay('2018-12-29')).toBe(true);
    expect(cal.isWorkingDay('2018-12-31')).toBe(false);
    expect(cal.coverage(2018)).toBe('weekends-only');
  });

  it('refuses to build a working calendar from it', () => {
    const bad = calendar2030({ extraWorkdays: ['2030-05-07'] });
    expect(() => new WorkingCalendar([bad])).toThrow(InvalidYearCalendarError);
  });

  it('refuses two calendars for the same year', () => {
    expect(() => new WorkingCalendar([cn2026, cn2026])).toThrow(/2026: more than one calendar given/);
  });
});

describe('given no calendars at all', () => {
  it('every year is counted Mon–Fri', () => {
    const cal = new WorkingCalendar([]);
    expect(cal.addWorkingDays('2026-09-30', 1)).toBe('2026-10-01');
    expect(cal.workingDaysBetween('2026-01-01', '2026-12-31')).toBe(260);
    expect(cal.assumptions('2026-01-01', '2026-12-31')?.years).toEqual([2026]);
  });
});
