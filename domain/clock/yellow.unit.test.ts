import { describe, expect, it } from 'vitest';
import { aCaseAcceptedOn, aMatter, clockOf, howOf } from '../../test/builders/clock-scenarios.ts';

// §8 Ex 1 again: promised 10, accepted Tue 2026-02-10, due Mon 03-02 (Feb 11, 12, 13, Sat 14, 24, 25, 26, 27, Sat 28, Mar 2).
const matter = aMatter({ promised: 10 });
const ex1 = () => aCaseAcceptedOn('2026-02-10', 10);

describe('given the yellow rule of §3.3', () => {
  it('with Y = 3, yellow comes once at most 3 working days are left: Thu 02-26 (27, Sat 28, Mar 2 remain)', () => {
    const c = clockOf(ex1(), { matter, config: { yellow: { mode: 'working-days-left', days: 3 } } }).promised!;
    expect(c.warnAt).toBe('2026-02-26T00:00:00+08:00');
  });

  it('with Y larger than the limit, yellow still leaves the first day alone: min(Y, limit − 1)', () => {
    const c = clockOf(aCaseAcceptedOn('2026-03-16', 2), { matter: aMatter({ promised: 2 }), config: { yellow: { mode: 'working-days-left', days: 5 } } }).promised!;
    expect(c.warnDate).toBe('2026-03-17');
  });

  it('with a limit of 1, yellow is the due day itself', () => {
    expect(clockOf(aCaseAcceptedOn('2026-03-16', 1), { matter: aMatter({ promised: 1 }) }).promised!.warnDate).toBe('2026-03-17');
  });

  it('with the share option at 80 %, yellow comes when 8 of 10 days are used: Fri 02-27', () => {
    const clock = clockOf(ex1(), { matter, config: { yellow: { mode: 'share-used', share: 0.8 } } });
    expect(clock.promised!.warnAt).toBe('2026-02-27T00:00:00+08:00');
    expect(howOf(clock, 'promised.warnAt')[0]).toContain('80% of the limit');
  });

  it('explains the default rule with its source', () => {
    expect(howOf(clockOf(ex1(), { matter }), 'promised.warnAt')[0]).toContain('≤ min(Y = 1, limit − 1), S16');
  });
});

describe('given a pause that leaves a day or less', () => {
  const five = aMatter({ promised: 5 });

  it('yellow waits for the resume day instead of the day the threshold was crossed', () => {
    const c = clockOf(aCaseAcceptedOn('2026-03-16', 5).supplementRequested('2026-03-20').supplementReceived('2026-03-27'), { matter: five }).promised!;
    expect(c).toMatchObject({ dueDate: '2026-03-30', warnDate: '2026-03-27' });
  });

  it('when the resume day is a rest day, yellow comes on the next working day', () => {
    const c = clockOf(aCaseAcceptedOn('2026-03-16', 5).supplementRequested('2026-03-20').supplementReceived('2026-03-28'), { matter: five }).promised!;
    expect(c).toMatchObject({ dueDate: '2026-03-30', warnDate: '2026-03-30' });
  });
});
