import { describe, expect, it } from 'vitest';
import { addDays, weekday } from './civil-date.ts';
import { defaultCalendar } from './index.ts';
import { WorkingCalendar } from './working-calendar.ts';

const cal = defaultCalendar();
const DAY_NAMES = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const named = (d: string): string => `${DAY_NAMES[weekday(d)]} ${d}`;
const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};

// Written out from the notice (国办, 2025-11-04), independently of cn-2026.ts.
const HOLIDAYS_2026 = [
  ...range('2026-01-01', '2026-01-03'),
  ...range('2026-02-15', '2026-02-23'),
  ...range('2026-04-04', '2026-04-06'),
  ...range('2026-05-01', '2026-05-05'),
  ...range('2026-06-19', '2026-06-21'),
  ...range('2026-09-25', '2026-09-27'),
  ...range('2026-10-01', '2026-10-07'),
];
const MAKE_UP_DAYS_2026 = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];

describe('given the 2026 calendar', () => {
  it.each(HOLIDAYS_2026.map(named))('%s is a holiday, not a working day', (d) => {
    expect(cal.isWorkingDay(d.slice(4))).toBe(false);
  });

  it.each(MAKE_UP_DAYS_2026.map(named))('%s is a make-up working day', (d) => {
    expect(cal.isWorkingDay(d.slice(4))).toBe(true);
  });

  it('every other day of 2026 is a working day exactly when it is Mon–Fri', () => {
    const special = new Set([...HOLIDAYS_2026, ...MAKE_UP_DAYS_2026]);
    const wrong = range('2026-01-01', '2026-12-31')
      .filter((d) => !special.has(d))
      .filter((d) => cal.isWorkingDay(d) !== weekday(d) <= 5);
    expect(wrong).toEqual([]);
  });

  it('has 248 working days: 261 weekdays − 19 weekday holidays (2+6+1+3+1+1+5) + 6 make-up days', () => {
    expect(cal.workingDaysBetween('2025-12-31', '2026-12-31')).toBe(248);
  });

  it('is fully covered by a published calendar', () => {
    expect(cal.coverage(2026)).toBe('published');
    expect(cal.assumptions('2026-01-01', '2026-12-31')).toBeNull();
  });
});

describe('given a case accepted across the 2025/2026 year boundary (§8 Ex 1 variant)', () => {
  it('3 working days after Wed 2025-12-31 is Tue 2026-01-06: Sun 01-04 (make-up), 01-05, 01-06', () => {
    expect(cal.addWorkingDays('2025-12-31', 3)).toBe('2026-01-06');
    expect(cal.addWorkingDays('2025-12-31', 1)).toBe('2026-01-04');
    expect(cal.workingDaysBetween('2025-12-31', '2026-01-03')).toBe(0);
  });

  it('the yellow day, one working day before the due date, is Mon 2026-01-05', () => {
    expect(cal.previousWorkingDay('2026-01-06')).toBe('2026-01-05');
  });

  it('needs no weekend-only assumption, because 2025 is published too', () => {
    expect(cal.addWorkingDaysWithAssumptions('2025-12-31', 3)).toEqual({ value: '2026-01-06', fallback: null });
  });
});

describe('given §8 Ex 1: promised 10 working days, accepted Tue 2026-02-10', () => {
  it('is due Mon 2026-03-02', () => {
    expect(cal.addWorkingDays('2026-02-10', 10)).toBe('2026-03-02');
  });

  it('counts Feb 11, 12, 13, Sat 14, 24, 25, 26, 27, Sat 28 and Mar 2', () => {
    const counted = range('2026-02-11', '2026-03-02').filter((d) => cal.isWorkingDay(d));
    expect(counted).toEqual([
      '2026-02-11', '2026-02-12', '2026-02-13', '2026-02-14', '2026-02-24',
      '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', '2026-03-02',
    ]);
  });

  it('turns yellow on Sat 2026-02-28, a make-up working day', () => {
    expect(cal.previousWorkingDay('2026-03-02')).toBe('2026-02-28');
  });

  it('when concluded on Feb 27, 8 working days were used', () => {
    expect(cal.workingDaysBetween('2026-02-10', '2026-02-27')).toBe(8);
  });
});

describe('given §8 Ex 2: accepted Mon 2026-03-16, promised 15, paused for supplements', () => {
  it('without a pause it would be due Tue 2026-04-07, past Qingming', () => {
    expect(cal.addWorkingDays('2026-03-16', 15)).toBe('2026-04-07');
  });

  it('the supplement notice on Fri 03-20 has consumed 4 working days', () => {
    expect(cal.workingDaysBetween('2026-03-16', '2026-03-20')).toBe(4);
  });

  it('resumed Fri 03-27 with 11 left, it is due Tue 2026-04-14', () => {
    expect(cal.addWorkingDays('2026-03-27', 11)).toBe('2026-04-14');
    expect(cal.workingDaysBetween('2026-03-27', '2026-04-14')).toBe(11);
  });
});

describe('given §8 Ex 5: an instant case accepted Wed 2026-07-08 with limit 0', () => {
  it('is due the same day', () => {
    expect(cal.addWorkingDays('2026-07-08', 0)).toBe('2026-07-08');
  });

  it('concluded the next day, it has used 1 working day', () => {
    expect(cal.workingDaysBetween('2026-07-08', '2026-07-09')).toBe(1);
  });
});

describe('given §8 Ex 8: accepted Mon 2026-08-03, promised 5, steps 2/1/1', () => {
  it('the case is due Mon 2026-08-10 and the first step Wed 2026-08-05', () => {
    expect(cal.addWorkingDays('2026-08-03', 5)).toBe('2026-08-10');
    expect(cal.addWorkingDays('2026-08-03', 2)).toBe('2026-08-05');
  });

  it('concluded Fri 08-07, it used 4 working days', () => {
    expect(cal.workingDaysBetween('2026-08-03', '2026-08-07')).toBe(4);
  });
});

describe('given the Labour Day holiday 2026-05-01 to 05-05 and Sat 05-09', () => {
  it('3 working days after Thu 04-30 is Fri 05-08', () => {
    expect(cal.addWorkingDays('2026-04-30', 3)).toBe('2026-05-08');
  });

  it('the 4th is the make-up Saturday 05-09, and the 5th Mon 05-11', () => {
    expect(cal.addWorkingDays('2026-04-30', 4)).toBe('2026-05-09');
    expect(cal.addWorkingDays('2026-04-30', 5)).toBe('2026-05-11');
  });
});

describe('given Mid-Autumn and National Day 2026', () => {
  it('1 working day after Wed 09-30 is Thu 10-08', () => {
    expect(cal.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
  });

  it('Sun 09-20 counts, Fri 09-25 does not', () => {
    expect(cal.addWorkingDays('2026-09-18', 1)).toBe('2026-09-20');
    expect(cal.addWorkingDays('2026-09-24', 1)).toBe('2026-09-28');
  });

  it('Sat 10-10 is the working day after Fri 10-09', () => {
    expect(cal.nextWorkingDay('2026-10-09')).toBe('2026-10-10');
    expect(cal.previousWorkingDay('2026-10-08')).toBe('2026-09-30');
  });

  it('a calendar-day period ending on 10-03 ends instead on 10-08 (Civil Code Art. 203)', () => {
    expect(cal.workingDayOnOrAfter('2026-10-03')).toBe('2026-10-08');
    expect(cal.workingDayOnOrAfter('2026-10-10')).toBe('2026-10-10');
  });
});

describe('given 2027, for which no calendar is published', () => {
  it('is counted Mon–Fri only, so Fri 2027-01-01 is a working day', () => {
    expect(cal.coverage(2027)).toBe('weekends-only');
    expect(cal.addWorkingDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(cal.addWorkingDays('2027-01-01', 5)).toBe('2027-01-08');
  });

  it('reports the fallback for every result that reaches into 2027', () => {
    expect(cal.addWorkingDaysWithAssumptions('2026-12-25', 5)).toEqual({
      value: '2027-01-01',
      fallback: { years: [2027], note: 'no published calendar for 2027: counted Mon–Fri only' },
    });
    expect(cal.workingDaysBetweenWithAssumptions('2026-12-31', '2027-01-04').fallback?.years).toEqual([2027]);
    expect(cal.assumptions('2027-06-01', '2028-02-01')?.years).toEqual([2027, 2028]);
  });

  it('counts across the end of the published table without a gap', () => {
    expect(cal.workingDaysBetween('2026-12-30', '2027-01-04')).toBe(3);
    expect(cal.previousWorkingDay('2027-01-01')).toBe('2026-12-31');
  });
});

describe('given 2024, before the first published year', () => {
  it('counts Mon–Fri, then honours the 2025 New Year holiday', () => {
    expect(cal.coverage(2024)).toBe('weekends-only');
    expect(cal.addWorkingDays('2024-12-31', 1)).toBe('2025-01-02');
    expect(cal.workingDaysBetween('2024-12-27', '2025-01-02')).toBe(3);
    expect(cal.assumptions('2024-12-27', '2025-01-02')?.years).toEqual([2024]);
  });
});

describe('given a wrong number of working days to add', () => {
  it('refuses negative and fractional counts', () => {
    expect(() => cal.addWorkingDays('2026-03-16', -1)).toThrow(RangeError);
    expect(() => cal.addWorkingDays('2026-03-16', 1.5)).toThrow(RangeError);
  });
});

describe('given a published year that ends in a holiday, followed by a year without a calendar', () => {
  const endsInHoliday = new WorkingCalendar([
    { year: 2030, holidays: [{ name: 'test', from: '2030-12-30', to: '2030-12-31' }], extraWorkdays: [], source: 'test notice' },
  ]);

  it('the last working day of 2030 is Fri 12-27, and the next one Wed 2031-01-01', () => {
    expect(endsInHoliday.addWorkingDays('2030-12-26', 1)).toBe('2030-12-27');
    expect(endsInHoliday.nextWorkingDay('2030-12-27')).toBe('2031-01-01');
    expect(endsInHoliday.previousWorkingDay('2031-01-01')).toBe('2030-12-27');
    expect(endsInHoliday.workingDaysBetween('2030-12-26', '2031-01-01')).toBe(2);
  });
});
