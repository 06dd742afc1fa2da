import { describe, expect, it } from 'vitest';
import { aCase, aMatter, clockOf } from '../../test/builders/clock-scenarios.ts';
import { classifyAt } from './index.ts';

const matter = aMatter({ promised: 10 });
// Submitted Mon 03-02: a decision is due within 5 working days, i.e. by Mon 03-09 (ALL Art. 32).
const submitted = () => aCase().submitted('2026-03-02');

describe('given a case accepted within 5 working days of receipt', () => {
  const clock = clockOf(submitted().accepted('2026-03-09'), { matter });

  it('the clock starts on the acceptance date and deemed acceptance does not apply', () => {
    expect(clock.acceptedOn).toBe('2026-03-09');
    expect(clock.deemedAcceptance).toMatchObject({ applied: false, state: 'not-applicable', decisionDueOn: '2026-03-09', decision: { type: 'CaseAccepted', late: false } });
    expect(clock.promised!.dueDate).toBe('2026-03-23');
  });
});

describe('given a case accepted after the 5-working-day window (IR03)', () => {
  const clock = clockOf(submitted().accepted('2026-03-12'), { matter });

  it('acceptance is deemed from the day of receipt, and the clock is anchored there', () => {
    expect(clock.deemedAcceptance).toMatchObject({ applied: true, state: 'applied', receivedOn: '2026-03-02', decision: { on: '2026-03-12', late: true } });
    expect(clock.deemedAcceptance.rule).toContain('ALL Art. 32');
    expect(clock.acceptedOn).toBe('2026-03-02');
    expect(clock.promised!.dueDate).toBe('2026-03-16');
  });
});

describe('given a case with no decision yet', () => {
  it('it is submitted, and acceptance would be deemed at 00:00 after the window closes', () => {
    const clock = clockOf(submitted(), { matter });
    expect(clock.status).toBe('submitted');
    expect(clock.acceptedOn).toBeNull();
    expect(clock.deemedAcceptance).toMatchObject({ state: 'pending', deemedAt: '2026-03-10T00:00:00+08:00' });
    expect(clock.promised).toMatchObject({ state: 'pending', dueDate: '2026-03-16' });
  });

  it('the explanation says the figures apply only if acceptance is deemed', () => {
    const clock = clockOf(submitted(), { matter });
    expect(clock.explanation.find((e) => e.figure === 'promised.pending')!.how).toContain('no signal comes before 2026-03-10T00:00:00+08:00');
  });

  it('nothing signals before the window closes; afterwards the deemed clock does', () => {
    const clock = clockOf(submitted(), { matter });
    expect(classifyAt(clock, '2026-03-09T23:00:00+08:00').level).toBe('none');
    expect(classifyAt(clock, '2026-03-13T00:00:00+08:00').level).toBe('yellow');
    expect(classifyAt(clock, '2026-03-17T00:00:00+08:00').level).toBe('red');
  });

  it('when the limit would already have run out, red starts when acceptance is deemed', () => {
    const clock = clockOf(submitted(), { matter: aMatter({ promised: 3 }) });
    expect(clock.promised!.dueDate).toBe('2026-03-05');
    expect(clock.promised!.overdueAt).toBe('2026-03-10T00:00:00+08:00');
  });
});

describe('given supplements requested before acceptance (S20)', () => {
  const notified = () => submitted().supplementRequested('2026-03-04');

  it('while they are awaited no clock runs', () => {
    const clock = clockOf(notified(), { matter });
    expect(clock.status).toBe('awaiting-supplement');
    expect(clock.promised).toBeNull();
    expect(classifyAt(clock, '2026-06-01T00:00:00+08:00').level).toBe('none');
  });

  it('when they are completed, acceptance dates from that day, even if the notice of acceptance comes later', () => {
    const clock = clockOf(notified().supplementReceived('2026-03-20').accepted('2026-03-23'), { matter });
    expect(clock.acceptance).toMatchObject({ basis: 'supplements-completed', on: '2026-03-20' });
    expect(clock.promised!.startedOn).toBe('2026-03-20');
    expect(clock.deemedAcceptance.applied).toBe(false);
    expect(clock.anomalies.map((a) => a.code)).not.toContain('accepted-again');
  });

  it('when the notice itself came after the window, acceptance is deemed and the notice pauses the clock instead', () => {
    const clock = clockOf(submitted().supplementRequested('2026-03-10').supplementReceived('2026-03-13').accepted('2026-03-13'), { matter });
    expect(clock.deemedAcceptance.applied).toBe(true);
    expect(clock.acceptedOn).toBe('2026-03-02');
    expect(clock.promised!.pauses).toMatchObject([{ kind: 'supplement', from: '2026-03-10', to: '2026-03-13', excludedDays: 3 }]);
  });
});

describe('given a case refused or withdrawn before acceptance', () => {
  it('a refusal in time ends it with no clock', () => {
    const clock = clockOf(submitted().refused('2026-03-03'), { matter });
    expect(clock).toMatchObject({ status: 'refused', promised: null, statutory: null, endedOn: '2026-03-03' });
    expect(clock.deemedAcceptance).toMatchObject({ applied: false, decision: { type: 'AcceptanceRefused', late: false } });
  });

  it('a late refusal is recorded as a late decision', () => {
    expect(clockOf(submitted().refused('2026-03-11'), { matter }).deemedAcceptance.decision).toMatchObject({ late: true });
  });

  it('a withdrawal ends it with no clock', () => {
    expect(clockOf(submitted().withdrawn('2026-03-03'), { matter })).toMatchObject({ status: 'withdrawn', promised: null });
  });
});

describe('given handling reported before any acceptance decision (IR02)', () => {
  it('the case counts as accepted from receipt and the anomaly is recorded', () => {
    const clock = clockOf(submitted().concluded('2026-03-04'), { matter });
    expect(clock.acceptance).toMatchObject({ basis: 'implied', on: '2026-03-02' });
    expect(clock.promised).toMatchObject({ usedDays: 2, classification: 'early' });
    expect(clock.anomalies.map((a) => a.code)).toContain('event-before-acceptance');
  });
});

describe('given events without a CaseSubmitted', () => {
  it('the clock starts at acceptance and notes that the Art. 32 window could not be checked', () => {
    const clock = clockOf(aCase().accepted('2026-03-16'), { matter });
    expect(clock.acceptedOn).toBe('2026-03-16');
    expect(clock.anomalies.map((a) => a.code)).toContain('no-submission');
  });
});

describe('given events after a refusal before acceptance', () => {
  it('they are flagged and ignored by the clock', () => {
    const clock = clockOf(submitted().refused('2026-03-03').stepStarted('S1', '2026-03-04'), { matter });
    expect(clock).toMatchObject({ status: 'refused', promised: null, steps: [] });
    expect(clock.anomalies.map((a) => a.code)).toContain('event-after-end');
  });
});
