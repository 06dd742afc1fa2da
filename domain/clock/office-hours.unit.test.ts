import { describe, expect, it } from 'vitest';
import { aCaseAcceptedOn, aMatter, clockOf } from '../../test/builders/clock-scenarios.ts';
import { classifyAt } from './index.ts';

// §3.2 step 10 with office hours 09:00–17:00: an office day is 8 hours; a partial overrun is a whole day (S27).
const config = { granularity: { mode: 'office-hours', open: '09:00', close: '17:00' } } as const;
const two = aMatter({ promised: 2, statutory: 20 });
const accepted = () => aCaseAcceptedOn('2026-03-16T10:00:00+08:00', 2);

describe('given office-hour granularity and a case accepted Mon 03-16 at 10:00 with 2 working days', () => {
  const clock = clockOf(accepted(), { matter: two, config });

  it('it is due Wed 03-18 at 10:00, two office days later, and red from that instant', () => {
    expect(clock.promised).toMatchObject({ granularity: 'office-hours', dueDate: '2026-03-18', dueAt: '2026-03-18T10:00:00+08:00', overdueAt: '2026-03-18T10:00:00+08:00' });
    expect(classifyAt(clock, '2026-03-18T09:59:59+08:00').level).toBe('yellow');
    expect(classifyAt(clock, '2026-03-18T10:00:00+08:00').level).toBe('red');
  });

  it('it turns yellow when one office day is left: Tue 10:00', () => {
    expect(clock.promised!.warnAt).toBe('2026-03-17T10:00:00+08:00');
  });

  it.each([
    ['Mon 16:00', '2026-03-16T16:00:00+08:00', 1, 'early', 0],
    ['Tue 16:00', '2026-03-17T16:00:00+08:00', 2, 'on-time', 0],
    ['Wed 09:30', '2026-03-18T09:30:00+08:00', 2, 'on-time', 0],
    ['Wed 11:00', '2026-03-18T11:00:00+08:00', 3, 'overdue', 1],
    ['Wed 20:00', '2026-03-18T20:00:00+08:00', 3, 'overdue', 1],
  ])('when concluded %s, used office time rounds up to %i days: %s', (_, when, used, classification, overrun) => {
    expect(clockOf(accepted().concluded(when), { matter: two, config }).promised).toMatchObject({ usedDays: used, classification, overrunDays: overrun });
  });
});

describe('given office hours and a pause', () => {
  it('a suspension from Mon 14:00 to Tue 14:00 excludes one office day and moves the deadline to Thu 10:00', () => {
    const c = clockOf(accepted().suspended('2026-03-16T14:00:00+08:00').resumed('2026-03-17T14:00:00+08:00'), { matter: two, config }).promised!;
    expect(c.pauses[0]!.excludedDays).toBe(1);
    expect(c.dueAt).toBe('2026-03-19T10:00:00+08:00');
  });
});

describe('given office hours and acceptance outside them', () => {
  const one = aMatter({ promised: 1, statutory: 20 });

  it('before opening, the first office day starts at 09:00: a 1-day case is due at the next opening', () => {
    const c = clockOf(aCaseAcceptedOn('2026-03-16T08:00:00+08:00', 1), { matter: one, config }).promised!;
    expect(c.dueAt).toBe('2026-03-17T09:00:00+08:00');
  });

  it('before Qingming, Fri 04-03 16:00 + 1 office day skips the holiday: Tue 04-07 16:00', () => {
    const c = clockOf(aCaseAcceptedOn('2026-04-03T16:00:00+08:00', 1), { matter: one, config }).promised!;
    expect(c.dueAt).toBe('2026-04-07T16:00:00+08:00');
  });
});

describe('given office hours and an instant case', () => {
  it('the 即办 rule stays a matter of dates (S26)', () => {
    const clock = clockOf(aCaseAcceptedOn('2026-03-16T16:30:00+08:00', 0).concluded('2026-03-16T18:00:00+08:00'), { matter: aMatter({ promised: 0, statutory: 5 }), config });
    expect(clock.promised).toMatchObject({ granularity: 'day', classification: 'instant' });
    expect(clock.statutory!.granularity).toBe('office-hours');
  });
});
