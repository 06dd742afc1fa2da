import { describe, expect, it } from 'vitest';
import { aCaseAcceptedOn, aMatter, clockOf } from '../../test/builders/clock-scenarios.ts';

const instant = aMatter({ promised: 0, statutory: 5 });

describe('given an instant case (即办件, limit 0, S26)', () => {
  it('accepted and concluded the same day it is 即办, with nothing used', () => {
    const c = clockOf(aCaseAcceptedOn('2026-03-16T09:00:00+08:00', 0).concluded('2026-03-16T11:00:00+08:00'), { matter: instant });
    expect(c.kind).toBe('instant');
    expect(c.promised).toMatchObject({ dueDate: '2026-03-16', usedDays: 0, overrunDays: 0, classification: 'instant' });
  });

  it('concluded on a later day it is overdue, even across a weekend with no working day used', () => {
    const c = clockOf(aCaseAcceptedOn('2026-03-20', 0).concluded('2026-03-21'), { matter: instant }).promised!;
    expect(c).toMatchObject({ usedDays: 0, classification: 'overdue', overrunDays: 1 });
  });

  it('its statutory clock counts its own limit', () => {
    const c = clockOf(aCaseAcceptedOn('2026-03-16', 0).concluded('2026-03-18'), { matter: instant }).statutory!;
    expect(c).toMatchObject({ dueDate: '2026-03-23', usedDays: 2, classification: 'early' });
  });

  it('a pause cannot help it: the limit is used the moment it is accepted', () => {
    const c = clockOf(aCaseAcceptedOn('2026-03-16', 0).suspended('2026-03-16').resumed('2026-03-18'), { matter: instant }).promised!;
    expect(c).toMatchObject({ pauses: [], dueDate: '2026-03-16' });
  });
});

describe('given a limit in calendar days (自然日, unit Z)', () => {
  const thirty = aMatter({ promised: 30, statutory: 60, unit: 'calendar-days' });

  it('it counts calendar days, holidays and weekends included', () => {
    const c = clockOf(aCaseAcceptedOn('2026-03-02', 30), { matter: thirty }).promised!;
    expect(c).toMatchObject({ unit: 'calendar-days', dueDate: '2026-04-01', graceDays: 0 });
  });

  it('when the last day falls in a holiday, the period ends on the next working day (Civil Code Art. 203)', () => {
    const c = clockOf(aCaseAcceptedOn('2026-09-01', 30), { matter: thirty }).promised!;
    expect(c).toMatchObject({ dueDate: '2026-10-08', graceDays: 7, overdueAt: '2026-10-09T00:00:00+08:00' });
  });

  it('concluded on that next working day it is on time; the day after, overdue by one', () => {
    const onTime = clockOf(aCaseAcceptedOn('2026-09-01', 30).concluded('2026-10-08'), { matter: thirty }).promised!;
    const late = clockOf(aCaseAcceptedOn('2026-09-01', 30).concluded('2026-10-09'), { matter: thirty }).promised!;
    expect(onTime).toMatchObject({ usedDays: 37, classification: 'on-time', overrunDays: 0 });
    expect(late).toMatchObject({ usedDays: 38, classification: 'overdue', overrunDays: 1 });
  });

  it('a pause excludes calendar days', () => {
    const c = clockOf(aCaseAcceptedOn('2026-03-02', 30).suspended('2026-03-06').resumed('2026-03-16'), { matter: thirty }).promised!;
    expect(c.pauses[0]!.excludedDays).toBe(10);
    // 30 − 4 days before the pause = 26 after 03-16: Sat 04-11, so the period ends Mon 04-13.
    expect(c).toMatchObject({ dueDate: '2026-04-13', graceDays: 2 });
  });
});
