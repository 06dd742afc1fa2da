import { describe, expect, it } from 'vitest';
import { aCaseAcceptedOn, aMatter, clockOf } from '../../test/builders/clock-scenarios.ts';
import { classifyAt, classifyStepAt } from './index.ts';

// Statutory 20 (due 04-14), promised 5 (due 03-23, yellow from Fri 03-20) after acceptance on Mon 03-16.
const matter = aMatter({ promised: 5, statutory: 20, steps: [2] });
const open = clockOf(aCaseAcceptedOn('2026-03-16', 5), { matter });
const at = (instant: string) => classifyAt(open, instant);

describe('given an open case with a promised and a statutory clock', () => {
  it('signals nothing while both have days to spare', () => {
    expect(at('2026-03-19T23:59:59+08:00')).toMatchObject({ level: 'none', clock: null });
  });

  it('turns yellow at 00:00 of the working day before the promised due date', () => {
    expect(at('2026-03-20T00:00:00+08:00')).toMatchObject({ level: 'yellow', clock: 'promised', since: '2026-03-20T00:00:00+08:00' });
  });

  it('turns red once the promised due date has passed', () => {
    expect(at('2026-03-24T00:00:00+08:00')).toMatchObject({ level: 'red', clock: 'promised', since: '2026-03-24T00:00:00+08:00' });
  });

  it('names the statutory clock once that too has run out: the graver breach (§3.2 step 8)', () => {
    const s = at('2026-04-15T00:00:00+08:00');
    expect(s).toMatchObject({ level: 'red', clock: 'statutory' });
    expect(s.reason).toContain('statutory limit of 20');
  });

  it('reads instants in any offset', () => {
    expect(at('2026-03-23T16:00:00Z').level).toBe('red'); // 2026-03-24 00:00 Beijing time
  });
});

describe('given a case that has ended', () => {
  it('signals nothing, whatever the time: a late conclusion is judged by its classification', () => {
    const done = clockOf(aCaseAcceptedOn('2026-03-16', 5).concluded('2026-03-26'), { matter });
    expect(classifyAt(done, '2026-05-01T00:00:00+08:00')).toMatchObject({ level: 'none' });
    expect(classifyAt(done, '2026-05-01T00:00:00+08:00').reason).toContain('overdue');
  });
});

describe('given a step clock', () => {
  it('signals yellow and red by the step limit (IR08)', () => {
    const clock = clockOf(aCaseAcceptedOn('2026-03-16', 5).stepStarted('S1', '2026-03-16T11:00:00+08:00'), { matter });
    const step = clock.steps[0]!;
    expect(classifyStepAt(step, '2026-03-17T00:00:00+08:00').level).toBe('yellow');
    expect(classifyStepAt(step, '2026-03-19T00:00:00+08:00')).toMatchObject({ level: 'red', clock: 'step S1#1' });
  });
});
