import { describe, expect, it } from 'vitest';
import { addDays, weekday } from './civil-date.ts';
import { defaultCalendar } from './index.ts';

const cal = defaultCalendar();
const range = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
};

// Written out from 国办发明电〔2024〕12号, independently of cn-2025.ts.
const HOLIDAYS_2025 = [
  '2025-01-01',
  ...range('2025-01-28', '2025-02-04'),
  ...range('2025-04-04', '2025-04-06'),
  ...range('2025-05-01', '2025-05-05'),
  ...range('2025-05-31', '2025-06-02'),
  ...range('2025-10-01', '2025-10-08'),
];
const MAKE_UP_DAYS_2025 = ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'];

describe('given the 2025 calendar', () => {
  it.each(HOLIDAYS_2025)('%s is a holiday, not a working day', (d) => {
    expect(cal.isWorkingDay(d)).toBe(false);
  });

  it.each(MAKE_UP_DAYS_2025)('%s is a make-up working day', (d) => {
    expect(cal.isWorkingDay(d)).toBe(true);
  });

  it('every other day of 2025 is a working day exactly when it is Mon–Fri', () => {
    const special = new Set([...HOLIDAYS_2025, ...MAKE_UP_DAYS_2025]);
    const wrong = range('2025-01-01', '2025-12-31')
      .filter((d) => !special.has(d))
      .filter((d) => cal.isWorkingDay(d) !== weekday(d) <= 5);
    expect(wrong).toEqual([]);
  });

  it('1 working day after Tue 2025-09-30 is Thu 2025-10-09, past the 8-day National Day and Mid-Autumn holiday', () => {
    expect(cal.addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
  });
});
