import { describe, expect, it } from 'vitest';
import { aCaseAcceptedOn, aMatter, clockOf } from '../../test/builders/clock-scenarios.ts';

// The 2026 notice [S1] written out again here, independently of cn-2026.ts: each holiday with the
// last working day before it and the first after it.
const HOLIDAYS = [
  { name: 'New Year', first: '2026-01-01', before: '2025-12-31', after: '2026-01-04' },
  { name: 'Spring Festival', first: '2026-02-15', before: '2026-02-14', after: '2026-02-24' },
  { name: 'Qingming', first: '2026-04-04', before: '2026-04-03', after: '2026-04-07' },
  { name: 'Labour Day', first: '2026-05-01', before: '2026-04-30', after: '2026-05-06' },
  { name: 'Dragon Boat', first: '2026-06-19', before: '2026-06-18', after: '2026-06-22' },
  { name: 'Mid-Autumn', first: '2026-09-25', before: '2026-09-24', after: '2026-09-28' },
  { name: 'National Day', first: '2026-10-01', before: '2026-09-30', after: '2026-10-08' },
];
// Each make-up working day (调休上班) with the working day before it.
const MAKE_UP_DAYS = [
  { day: 'Sun 2026-01-04', before: '2025-12-31' },
  { day: 'Sat 2026-02-14', before: '2026-02-13' },
  { day: 'Sat 2026-02-28', before: '2026-02-27' },
  { day: 'Sat 2026-05-09', before: '2026-05-08' },
  { day: 'Sun 2026-09-20', before: '2026-09-18' },
  { day: 'Sat 2026-10-10', before: '2026-10-09' },
];
const one = aMatter({ promised: 1 });
const three = aMatter({ promised: 3 });

describe.each(HOLIDAYS)('given the $name holiday from $first', ({ first, before, after }) => {
  it(`when a 1-day case is accepted on ${before}, the last working day before it, it is due on ${after}`, () => {
    expect(clockOf(aCaseAcceptedOn(before, 1), { matter: one }).promised!.dueDate).toBe(after);
  });

  it(`when a case is accepted on the holiday ${first}, counting starts after it and skips the rest: due ${after}`, () => {
    expect(clockOf(aCaseAcceptedOn(first, 1), { matter: one }).promised!.dueDate).toBe(after);
  });

  it(`when a 1-day case is due on ${after}, yellow comes at 00:00 that day, red at 00:00 the next`, () => {
    const c = clockOf(aCaseAcceptedOn(before, 1), { matter: one }).promised!;
    expect(c.warnDate).toBe(after);
    expect(c.overdueAt).toMatch(/T00:00:00\+08:00$/);
  });

  it(`when a suspension runs from ${before} to the holiday's end, only working days are excluded`, () => {
    const c = clockOf(aCaseAcceptedOn(before, 3).suspended(before).resumed(after), { matter: three }).promised!;
    expect(c.pauses[0]!.excludedDays).toBe(1); // the resume day itself: wd(before, after] = 1
  });

  it(`when a case resumes on the holiday ${first}, the clock restarts from the next working day`, () => {
    const c = clockOf(aCaseAcceptedOn(before, 3).suspended(before).resumed(first), { matter: three }).promised!;
    expect(c.pauses[0]!.excludedDays).toBe(0);
    expect(c.dueDate).toBe(clockOf(aCaseAcceptedOn(before, 3), { matter: three }).promised!.dueDate);
  });

  it(`when a case accepted on ${before} is concluded on ${after}, one working day is used`, () => {
    const c = clockOf(aCaseAcceptedOn(before, 1).concluded(after), { matter: one }).promised!;
    expect(c).toMatchObject({ usedDays: 1, classification: 'on-time' });
  });
});

describe.each(MAKE_UP_DAYS)('given the make-up working day $day', ({ day, before }) => {
  const date = day.slice(4);

  it('when a 1-day case is accepted the working day before, it is due on the make-up day', () => {
    expect(clockOf(aCaseAcceptedOn(before, 1), { matter: one }).promised!.dueDate).toBe(date);
  });

  it('when a 2-day case is due the next working day, yellow comes at 00:00 of the make-up day', () => {
    const c = clockOf(aCaseAcceptedOn(before, 2), { matter: aMatter({ promised: 2 }) }).promised!;
    expect(c.warnAt).toBe(`${date}T00:00:00+08:00`);
  });

  it('when a case is concluded on the make-up day, that day counts as used', () => {
    expect(clockOf(aCaseAcceptedOn(before, 1).concluded(date), { matter: one }).promised!.usedDays).toBe(1);
  });

  it('when a supplement is requested on the make-up day, the day counts before the pause', () => {
    const c = clockOf(aCaseAcceptedOn(before, 3).supplementRequested(date), { matter: three }).promised!;
    expect(c).toMatchObject({ state: 'paused', consumedDays: 1 });
  });

  it('when a case is accepted on the make-up day, that day is not counted (Civil Code Art. 201)', () => {
    const c = clockOf(aCaseAcceptedOn(date, 1).concluded(date), { matter: one }).promised!;
    expect(c.usedDays).toBe(0);
  });
});

describe('given a case across the year boundary', () => {
  it('when accepted Thu 2025-12-25 with 10 days, it counts Dec 26, 29, 30, 31, Sun Jan 4, 5–9: due Fri 2026-01-09', () => {
    const clock = clockOf(aCaseAcceptedOn('2025-12-25', 10), { matter: aMatter({ promised: 10 }) });
    expect(clock.promised!.dueDate).toBe('2026-01-09');
    expect(clock.calendar).toMatchObject({ years: [2025, 2026], fallback: null });
  });

  it('when it runs into 2027, which has no published calendar, the weekend-only count is noted', () => {
    const clock = clockOf(aCaseAcceptedOn('2026-12-24', 10), { matter: aMatter({ promised: 10 }) });
    expect(clock.promised!.dueDate).toBe('2027-01-07'); // Jan 1 counted: no notice says otherwise
    expect(clock.calendar!.fallback).toMatchObject({ years: [2027] });
    expect(clock.explanation.find((e) => e.figure === 'calendar')!.how).toContain('no published calendar for 2027');
  });
});
