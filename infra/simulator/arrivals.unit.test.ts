import { describe, expect, it } from 'vitest';
import { cn2026, defaultCalendar, weekday } from '../../domain/calendar/index.ts';
import { arrivalDays } from './arrivals.ts';
import { Rng } from './rng.ts';
import { simulateCounty } from './simulate.ts';
import { Workdays } from './time.ts';

const calendar = defaultCalendar();
const MAKE_UP_DAYS = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];
const holidays2026 = cn2026.holidays.flatMap((h) => {
  const days: string[] = [];
  for (let d = new Date(`${h.from}T00:00:00Z`); d <= new Date(`${h.to}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) days.push(d.toISOString().slice(0, 10));
  return days;
});

describe('given a year of arrivals', () => {
  const sim = simulateCounty({ seed: 4, cases: 20_000 });
  const cases = [...sim.cases];
  const arrivals = cases.filter((c) => !c.truth.caseId.endsWith('-R')).map((c) => c.events[0]!.occurredAt.slice(0, 10));
  const perDay = new Map<string, number>();
  for (const d of arrivals) perDay.set(d, (perDay.get(d) ?? 0) + 1);

  it('exactly the requested number of cases arrive, every one on a working day of 2026', () => {
    expect(arrivals).toHaveLength(20_000);
    expect(arrivals.every((d) => d.startsWith('2026-') && calendar.isWorkingDay(d))).toBe(true);
  });

  it('none arrives on a holiday of the 2026 State Council notice', () => {
    expect(holidays2026).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(holidays2026.filter((d) => perDay.has(d))).toEqual([]);
  });

  it('some arrive on each make-up working day (调休), and none on an ordinary weekend', () => {
    for (const d of MAKE_UP_DAYS) expect(perDay.get(d) ?? 0, d).toBeGreaterThan(10);
    expect(arrivals.filter((d) => weekday(d) >= 6 && !MAKE_UP_DAYS.includes(d))).toEqual([]);
  });

  it('Mondays are busier than Fridays, and make-up days quieter than an ordinary weekday', () => {
    const mean = (pred: (d: string) => boolean) => {
      const days = [...perDay.keys()].filter(pred);
      return days.reduce((s, d) => s + perDay.get(d)!, 0) / days.length;
    };
    expect(mean((d) => weekday(d) === 1)).toBeGreaterThan(mean((d) => weekday(d) === 5));
    expect(mean((d) => MAKE_UP_DAYS.includes(d))).toBeLessThan(mean((d) => weekday(d) === 3));
  });

  it('every event happens on a working day within office hours (08:30 to 18:00)', () => {
    const outside = cases.flatMap((c) =>
      c.events.filter((e) => {
        const time = e.occurredAt.slice(11, 16);
        return !calendar.isWorkingDay(e.occurredAt.slice(0, 10)) || time < '08:30' || time > '18:00';
      }),
    );
    expect(outside.map((e) => `${e.caseId} ${e.occurredAt}`)).toEqual([]);
  });

  it('arrivals come in order, in the morning and afternoon sessions', () => {
    const times = cases.filter((c) => !c.truth.caseId.endsWith('-R')).map((c) => c.events[0]!.occurredAt);
    expect(times).toEqual([...times].sort());
    const hours = times.map((t) => t.slice(11, 13));
    expect(hours.filter((h) => h === '12' || h === '13')).toEqual([]);
    expect(hours.filter((h) => h < '12').length).toBeGreaterThan(hours.filter((h) => h >= '14').length);
  });
});

describe('given a custom period', () => {
  it('cases arrive only between --from and --to', () => {
    const dates = [...simulateCounty({ seed: 1, cases: 500, from: '2026-09-20', to: '2026-10-10' }).cases].map((c) => c.events[0]!.occurredAt.slice(0, 10));
    expect(dates.every((d) => d >= '2026-09-20' && d <= '2026-10-10')).toBe(true);
    expect(new Set(dates).has('2026-10-08')).toBe(true);
    expect(dates.some((d) => d >= '2026-10-01' && d <= '2026-10-07')).toBe(false);
  });

  it('the daily counts add up to the total whatever it is', () => {
    const workdays = new Workdays('2026-01-01', '2026-12-31');
    for (const total of [1, 7, 249, 1_000_003]) {
      expect(arrivalDays(workdays, '2026-01-01', '2026-12-31', total, new Rng(1)).reduce((s, d) => s + d.count, 0)).toBe(total);
    }
  });
});
