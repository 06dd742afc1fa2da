import { describe, expect, it } from 'vitest';
import { aCase, aCaseAcceptedOn, aMatter, clockOf } from '../../test/builders/clock-scenarios.ts';
import { caseEventOf } from '../../test/builders/case-events.ts';

// Promised 10 with steps 承办 5 / 审核 3 / 批准 2, accepted Mon 2026-03-16.
const matter = aMatter({ promised: 10, steps: [5, 3, 2] });
const accepted = () => aCaseAcceptedOn('2026-03-16', 10);
const codes = (c: { anomalies: readonly { code: string }[] }) => c.anomalies.map((a) => a.code);

describe('given a step overlapped by a suspension', () => {
  const clock = clockOf(accepted().stepStarted('S1', '2026-03-16T11:00:00+08:00').suspended('2026-03-18').resumed('2026-03-25').stepCompleted('S1', '2026-03-27'), { matter });
  const s1 = clock.steps[0]!;

  it('the suspension pauses the step too: its due date moves and it is done on time', () => {
    expect(s1.clock).toMatchObject({ dueDate: '2026-03-30', usedDays: 4, classification: 'early', pauses: [{ kind: 'suspension', excludedDays: 5 }] });
    expect(s1.overrun).toBe(false);
  });
});

describe('given pauses that do not overlap a step', () => {
  it('they do not touch it', () => {
    const clock = clockOf(accepted().suspended('2026-03-17').resumed('2026-03-18').stepStarted('S2', '2026-03-19').stepCompleted('S2', '2026-03-20'), { matter });
    expect(clock.steps[0]!.clock).toMatchObject({ pauses: [], usedDays: 1 });
  });
});

describe('given a suspension that begins just as a step completes', () => {
  it('it is not the step\'s pause, and no anomaly is raised for the step', () => {
    const clock = clockOf(accepted().stepStarted('S2', '2026-03-17').stepCompleted('S2', '2026-03-19T10:00:00+08:00').suspended('2026-03-19T11:00:00+08:00'), { matter });
    expect(clock.steps[0]!.clock).toMatchObject({ pauses: [], ignoredPauses: [], usedDays: 2 });
    expect(clock.anomalies.filter((a) => a.clock?.startsWith('step'))).toEqual([]);
  });
});

describe('given a step returned and done again', () => {
  const clock = clockOf(
    accepted().stepStarted('S1', '2026-03-16T11:00:00+08:00').stepCompleted('S1', '2026-03-17').stepStarted('S1', '2026-03-18').stepCompleted('S1', '2026-03-26'),
    { matter },
  );

  it('each run has its own clock, numbered by occurrence', () => {
    expect(clock.steps.map((s) => [s.occurrence, s.clock!.usedDays, s.overrun])).toEqual([[1, 1, false], [2, 6, true]]);
  });
});

describe('given step events out of place', () => {
  it('a step missing from the catalogue has no clock and is flagged', () => {
    const clock = clockOf(accepted().stepStarted('S9', '2026-03-17'), { matter });
    expect(clock.steps[0]).toMatchObject({ stepCode: 'S9', clock: null, overrun: null });
    expect(codes(clock)).toContain('step-not-in-catalogue');
  });

  it('a completion with 环节开始时间 but no StepStarted uses that start (GB/T 39046 Table 7)', () => {
    const scenario = accepted();
    const done = caseEventOf('StepCompleted', scenario.caseId, {
      seq: 9, occurredAt: '2026-03-20T16:00:00+08:00', matterCode: 'QH-CLOCK-001',
      payload: { stepCode: 'S2', stepName: '审核', stepNo: 2, role: 'reviewer', action: 'pass', startedAt: '2026-03-17T09:00:00+08:00' },
    });
    const clock = clockOf([...scenario.events(), done], { matter });
    expect(clock.steps[0]).toMatchObject({ startedOn: '2026-03-17', completedOn: '2026-03-20', eventIds: [done.eventId], clock: { usedDays: 3, classification: 'on-time' } });
  });

  it('a completion with no start at all is flagged', () => {
    expect(codes(clockOf(accepted().stepCompleted('S1', '2026-03-20'), { matter }))).toContain('step-completed-without-start');
  });

  it('a step still open when the case ends is stopped, not classified, and flagged', () => {
    const clock = clockOf(accepted().stepStarted('S1', '2026-03-17').concluded('2026-03-20'), { matter });
    expect(clock.steps[0]).toMatchObject({ completedOn: null, overrun: null, clock: { state: 'stopped', classification: null } });
    expect(codes(clock)).toContain('step-open-at-end');
  });

  it('a step before acceptance still gets its clock, and the order is flagged (IR02)', () => {
    const clock = clockOf(aCase().submitted('2026-03-16').stepStarted('S1', '2026-03-16T11:00:00+08:00').stepCompleted('S1', '2026-03-17').accepted('2026-03-17'), { matter });
    expect(clock.steps[0]!.clock!.usedDays).toBe(1);
    expect(codes(clock)).toContain('event-before-acceptance');
  });
});
