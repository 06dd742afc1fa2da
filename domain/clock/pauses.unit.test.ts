import { describe, expect, it } from 'vitest';
import { aCaseAcceptedOn, aMatter, clockOf } from '../../test/builders/clock-scenarios.ts';
import { classifyAt } from './index.ts';

// Accepted Mon 2026-03-16 with 15 working days: due Tue 04-07 without pauses (§8 Ex 2).
const matter = aMatter({ promised: 15, statutory: 20 });
const accepted = () => aCaseAcceptedOn('2026-03-16', 15);
const codes = (c: { anomalies: readonly { code: string }[] }) => c.anomalies.map((a) => a.code);

describe('given a case suspended and resumed', () => {
  const c = clockOf(accepted().suspended('2026-03-18').resumed('2026-03-25'), { matter }).promised!;

  it('the suspension day counts and the resume day does not: 5 working days excluded', () => {
    expect(c.pauses).toMatchObject([{ kind: 'suspension', from: '2026-03-18', to: '2026-03-25', excludedDays: 5 }]);
    expect(c.consumedDays).toBe(2);
  });

  it('when it resumes, the due date moves by the paused working days', () => {
    expect(c.dueDate).toBe('2026-04-14');
  });
});

describe('given a supplement requested inside a suspension', () => {
  const c = clockOf(accepted().suspended('2026-03-18').supplementRequested('2026-03-19').supplementReceived('2026-03-23').resumed('2026-03-25'), { matter }).promised!;

  it('the two pauses are merged and their days are excluded once', () => {
    expect(c.pauses).toHaveLength(1);
    expect(c.pauses[0]).toMatchObject({ kinds: ['suspension', 'supplement'], from: '2026-03-18', to: '2026-03-25', excludedDays: 5 });
    expect(c.dueDate).toBe('2026-04-14');
  });
});

describe('given a special procedure overlapping a suspension', () => {
  const clock = clockOf(accepted().suspended('2026-03-18').specialProcedureStarted('2026-03-20').resumed('2026-03-23').specialProcedureEnded('2026-03-27'), { matter });
  const c = clock.promised!;

  it('the union 03-18→03-27 is excluded: 7 working days, not 3 + 5', () => {
    expect(c.pauses).toMatchObject([{ kinds: ['suspension', 'special-procedure'], from: '2026-03-18', to: '2026-03-27', excludedDays: 7 }]);
    expect(c.dueDate).toBe('2026-04-16');
  });

  it('the explanation says they were merged', () => {
    expect(clock.explanation.find((e) => e.figure === 'promised.pause')!.how).toContain('overlapping pauses merged');
  });
});

describe('given a pause that starts after the due date (§3.2 step 4)', () => {
  const five = aMatter({ promised: 5, statutory: 20 });
  const clock = clockOf(aCaseAcceptedOn('2026-03-16', 5).suspended('2026-03-25').resumed('2026-03-30').concluded('2026-03-31'), { matter: five });

  it('it does not cure the overrun: the due date stands and the case is overdue', () => {
    expect(clock.promised).toMatchObject({ dueDate: '2026-03-23', pauses: [], usedDays: 11, overrunDays: 6, classification: 'overdue' });
    expect(clock.promised!.ignoredPauses[0]!.reason).toContain('does not cure');
    expect(codes(clock)).toContain('pause-after-due-date');
  });

  it('the statutory clock, not yet due, is paused by it', () => {
    expect(clock.statutory).toMatchObject({ usedDays: 8, classification: 'early' });
  });

  it('a pause beginning on the due date itself, with the limit used up, does not cure either', () => {
    const c = clockOf(aCaseAcceptedOn('2026-03-16', 5).suspended('2026-03-23').resumed('2026-03-30'), { matter: five }).promised!;
    expect(c).toMatchObject({ dueDate: '2026-03-23', pauses: [] });
  });
});

describe('given supplementMode restart (S28) instead of pause (S26)', () => {
  const scenario = () => accepted().supplementRequested('2026-03-20').supplementReceived('2026-03-27').concluded('2026-04-14');

  it('when the supplement arrives, the whole limit starts again from that day', () => {
    const c = clockOf(scenario(), { matter, config: { supplementMode: 'restart' } }).promised!;
    expect(c.dueDate).toBe('2026-04-20');
    expect(c.pauses[0]).toMatchObject({ restarted: true });
    expect(c).toMatchObject({ usedDays: 11, classification: 'early' });
  });

  it('in pause mode the same case keeps its 4 days already used', () => {
    expect(clockOf(scenario(), { matter }).promised).toMatchObject({ dueDate: '2026-04-14', usedDays: 15, classification: 'on-time' });
  });

  it('a supplement requested after the due date restarts nothing', () => {
    const c = clockOf(aCaseAcceptedOn('2026-03-16', 5).supplementRequested('2026-03-25').supplementReceived('2026-03-27'), { matter: aMatter({ promised: 5 }), config: { supplementMode: 'restart' } }).promised!;
    expect(c.dueDate).toBe('2026-03-23');
  });
});

describe('given a case still paused', () => {
  const clock = clockOf(accepted().suspended('2026-03-18'), { matter });

  it('it has no due date and signals nothing (IR07 watches the length instead)', () => {
    expect(clock.status).toBe('paused');
    expect(clock.promised).toMatchObject({ state: 'paused', dueDate: null, warnAt: null, overdueAt: null, consumedDays: 2 });
    expect(classifyAt(clock, '2026-12-31T00:00:00+08:00').level).toBe('none');
    expect(clock.promised!.pauses[0]!.sources[0]!.allowedUntil).toBe('2026-04-30');
  });
});

describe('given pause events out of place', () => {
  it('a conclusion while paused counts only the time before the pause and is flagged (IR07)', () => {
    const clock = clockOf(accepted().suspended('2026-03-18').concluded('2026-03-31'), { matter });
    expect(clock.promised).toMatchObject({ usedDays: 2, dueDate: null, classification: 'early' });
    expect(codes(clock)).toContain('pause-open-at-end');
  });

  it('a resume without a suspension is flagged and changes nothing', () => {
    const clock = clockOf(accepted().resumed('2026-03-18'), { matter });
    expect(codes(clock)).toContain('resume-without-suspension');
    expect(clock.promised!.dueDate).toBe('2026-04-07');
  });

  it('a suspension longer than 30 working days is flagged (IR07)', () => {
    expect(codes(clockOf(accepted().suspended('2026-03-18').resumed('2026-05-06'), { matter }))).toContain('suspension-too-long');
  });

  it('a special procedure longer than it announced is flagged (IR07, ALL Art. 45)', () => {
    expect(codes(clockOf(accepted().specialProcedureStarted('2026-03-18', 3).specialProcedureEnded('2026-03-30'), { matter }))).toContain('special-procedure-too-long');
  });

  it('a special procedure that ends without starting is flagged', () => {
    expect(codes(clockOf(accepted().specialProcedureEnded('2026-03-18', 4), { matter }))).toContain('special-procedure-end-without-start');
  });
});
