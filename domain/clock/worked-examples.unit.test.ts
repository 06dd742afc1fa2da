import { describe, expect, it } from 'vitest';
import { aCase, aCaseAcceptedOn, aMatter, clockOf, howOf } from '../../test/builders/clock-scenarios.ts';
import { classifyAt, classifyStepAt } from './index.ts';

// domain.md §8, 2026 calendar [S1], Y = 1: each example exactly as written there.

describe('given Ex 1: promised 10 working days, accepted Tue 2026-02-10, across the Spring Festival', () => {
  const matter = aMatter({ promised: 10 });
  const open = aCaseAcceptedOn('2026-02-10');

  it('counts Feb 11, 12, 13, Sat 14, 24, 25, 26, 27, Sat 28 and Mar 2: due Mon 2026-03-02 24:00', () => {
    const c = clockOf(open, { matter }).promised!;
    expect(c.dueDate).toBe('2026-03-02');
    expect(c.dueAt).toBe('2026-03-03T00:00:00+08:00');
  });

  it('turns yellow at 00:00 on Sat 2026-02-28, a make-up working day', () => {
    expect(clockOf(open, { matter }).promised!.warnAt).toBe('2026-02-28T00:00:00+08:00');
  });

  it('turns red at 2026-03-03 00:00', () => {
    const clock = clockOf(open, { matter });
    expect(clock.promised!.overdueAt).toBe('2026-03-03T00:00:00+08:00');
    expect(classifyAt(clock, '2026-03-02T23:59:59+08:00').level).toBe('yellow');
    expect(classifyAt(clock, '2026-03-03T00:00:00+08:00').level).toBe('red');
  });

  it('when concluded Feb 27, 8 working days are used: early (提前)', () => {
    const c = clockOf(aCaseAcceptedOn('2026-02-10').concluded('2026-02-27'), { matter }).promised!;
    expect(c.usedDays).toBe(8);
    expect(c.classification).toBe('early');
  });

  describe('and its variant: accepted Wed 2025-12-31, promised 3', () => {
    const variant = clockOf(aCaseAcceptedOn('2025-12-31', 3), { matter: aMatter({ promised: 3 }) });

    it('counts Sun 1/4 (make-up day), 1/5, 1/6: due 2026-01-06', () => {
      expect(variant.promised!.dueDate).toBe('2026-01-06');
    });

    it('turns yellow at 2026-01-05 00:00', () => {
      expect(variant.promised!.warnAt).toBe('2026-01-05T00:00:00+08:00');
    });

    it('counts through both years with their published calendars', () => {
      expect(variant.calendar).toMatchObject({ years: [2025, 2026], fallback: null });
    });
  });
});

describe('given Ex 2: accepted Mon 03-16, promised 15, supplement after acceptance across Qingming', () => {
  const matter = aMatter({ promised: 15 });
  const scenario = () => aCaseAcceptedOn('2026-03-16', 15).supplementRequested('2026-03-20').supplementReceived('2026-03-27');

  it('without any pause the due date would be Tue 04-07', () => {
    expect(clockOf(aCaseAcceptedOn('2026-03-16', 15), { matter }).promised!.dueDate).toBe('2026-04-07');
  });

  it('when the notice is given Fri 03-20, 4 working days are consumed and the clock pauses', () => {
    const clock = clockOf(aCaseAcceptedOn('2026-03-16', 15).supplementRequested('2026-03-20'), { matter });
    expect(clock.status).toBe('paused');
    expect(clock.promised).toMatchObject({ state: 'paused', consumedDays: 4, dueDate: null, warnAt: null, overdueAt: null });
  });

  it('when the supplement arrives Fri 03-27, the due date moves by the paused working days: Tue 04-14, yellow Mon 04-13 00:00', () => {
    const c = clockOf(scenario(), { matter }).promised!;
    expect(c.pauses).toMatchObject([{ kind: 'supplement', from: '2026-03-20', to: '2026-03-27', excludedDays: 5 }]);
    expect(c.dueDate).toBe('2026-04-14');
    expect(c.warnAt).toBe('2026-04-13T00:00:00+08:00');
  });

  it('explains each step of the derivation', () => {
    const clock = clockOf(scenario(), { matter });
    expect(howOf(clock, 'promised.consumed')).toEqual(['consumed 4 working days 2026-03-16→2026-03-20 before the supplement pause']);
    expect(howOf(clock, 'promised.pause')[0]).toMatch(/^paused 2026-03-20→2026-03-27 \(supplement, 5 working days excluded/);
    expect(howOf(clock, 'promised.dueDate')).toEqual(['due = addWD(2026-03-27, 11 working days) = 2026-04-14']);
  });

  it('when concluded 04-14 15:00, used = 4 + 11 = 15: on time (按时), and no red', () => {
    const open = clockOf(scenario(), { matter });
    expect(classifyAt(open, '2026-04-14T15:00:00+08:00').level).toBe('yellow');
    const c = clockOf(scenario().concluded('2026-04-14T15:00:00+08:00'), { matter }).promised!;
    expect(c.usedDays).toBe(15);
    expect(c.classification).toBe('on-time');
    expect(c.overrunDays).toBe(0);
  });
});

describe('given Ex 5: an instant case (即办件) accepted Wed 07-08 10:00, limit 0', () => {
  const matter = aMatter({ promised: 0, statutory: 0 });
  const accepted = () => aCaseAcceptedOn('2026-07-08T10:00:00+08:00', 0);

  it('when concluded 07-08 16:00, it is 即办', () => {
    const clock = clockOf(accepted().concluded('2026-07-08T16:00:00+08:00'), { matter });
    expect(clock.kind).toBe('instant');
    expect(clock.promised!.classification).toBe('instant');
  });

  it('when concluded instead Thu 07-09 09:00, it went red at 07-09 00:00 and is overdue (超期)', () => {
    expect(clockOf(accepted(), { matter }).promised!.overdueAt).toBe('2026-07-09T00:00:00+08:00');
    expect(classifyAt(clockOf(accepted(), { matter }), '2026-07-09T00:00:00+08:00').level).toBe('red');
    const c = clockOf(accepted().concluded('2026-07-09T09:00:00+08:00'), { matter }).promised!;
    expect(c.classification).toBe('overdue');
  });

  it('never turns yellow: a limit of 0 has no day left to warn on', () => {
    expect(clockOf(accepted(), { matter }).promised!.warnAt).toBeNull();
  });
});

describe('given Ex 8: promised 5 with steps 承办 2 / 审核 1 / 批准 1, accepted Mon 08-03', () => {
  const matter = aMatter({ promised: 5, steps: [2, 1, 1] });
  const scenario = () =>
    aCase()
      .submitted('2026-08-03')
      .accepted('2026-08-03', 5)
      .stepStarted('S1', '2026-08-03T11:00:00+08:00')
      .stepCompleted('S1', '2026-08-06T09:30:00+08:00')
      .stepStarted('S2', '2026-08-06T10:00:00+08:00')
      .stepCompleted('S2', '2026-08-07T09:00:00+08:00')
      .stepStarted('S3', '2026-08-07T10:00:00+08:00')
      .stepCompleted('S3', '2026-08-07T11:00:00+08:00')
      .concluded('2026-08-07T15:00:00+08:00');
  const clock = clockOf(scenario(), { matter });
  const step = (code: string) => clock.steps.find((s) => s.stepCode === code)!;

  it('the case is due Mon 08-10', () => {
    expect(clock.promised!.dueDate).toBe('2026-08-10');
  });

  it('承办 is due Wed 08-05, yellow Tue 08-04 00:00; done Thu 08-06 it is over by 1 (IR08 red)', () => {
    expect(step('S1').clock).toMatchObject({ dueDate: '2026-08-05', warnAt: '2026-08-04T00:00:00+08:00', usedDays: 3, overrunDays: 1, classification: 'overdue' });
    expect(step('S1').overrun).toBe(true);
    const open = clockOf(aCase().submitted('2026-08-03').accepted('2026-08-03', 5).stepStarted('S1', '2026-08-03T11:00:00+08:00'), { matter });
    expect(classifyStepAt(open.steps[0]!, '2026-08-06T00:00:00+08:00').level).toBe('red');
  });

  it('审核 08-06 → 08-07 is on time and 批准 08-07 → 08-07 within its limit', () => {
    expect(step('S2')).toMatchObject({ overrun: false, clock: { usedDays: 1, classification: 'on-time' } });
    expect(step('S3')).toMatchObject({ overrun: false, clock: { usedDays: 0, classification: 'early' } });
  });

  it('the case concluded Fri 08-07 used 4 < 5: early, though one step ran over', () => {
    expect(clock.promised).toMatchObject({ usedDays: 4, classification: 'early' });
    expect(clock.steps.filter((s) => s.overrun)).toHaveLength(1);
  });
});
