import { describe, expect, it } from 'vitest';
import { aCaseAcceptedOn, aMatter, clockOf } from '../../test/builders/clock-scenarios.ts';
import { caseEventOf } from '../../test/builders/case-events.ts';

const matter = aMatter({ promised: 10 });
const accepted = () => aCaseAcceptedOn('2026-03-16', 10);
const codes = (c: { anomalies: readonly { code: string }[] }) => c.anomalies.map((a) => a.code);

describe('given a case that ends other than by conclusion', () => {
  it('forwarded to the upper authority (上报/转报办结), it is classified like a conclusion', () => {
    const clock = clockOf(accepted().forwarded('2026-03-20'), { matter });
    expect(clock).toMatchObject({ status: 'forwarded', endedOn: '2026-03-20', endedBy: { type: 'CaseForwarded' } });
    expect(clock.promised).toMatchObject({ state: 'stopped', usedDays: 4, classification: 'early' });
  });

  it('withdrawn after acceptance, its clocks stop without a classification', () => {
    const clock = clockOf(accepted().withdrawn('2026-04-20'), { matter });
    expect(clock.status).toBe('withdrawn');
    expect(clock.promised).toMatchObject({ state: 'stopped', usedDays: 24, classification: null, overrunDays: null });
  });

  it('refused after acceptance, it ends there and the contradiction is flagged', () => {
    const clock = clockOf(accepted().refused('2026-03-18'), { matter });
    expect(clock.status).toBe('refused');
    expect(codes(clock)).toContain('refused-after-acceptance');
  });
});

describe('given events after the conclusion', () => {
  it('delivery and rating are expected there; a new step is flagged and ignored', () => {
    const scenario = accepted().concluded('2026-03-20').stepStarted('S1', '2026-03-23');
    const delivered = caseEventOf('ResultDelivered', scenario.caseId, { seq: 9, occurredAt: '2026-03-23T09:00:00+08:00', matterCode: 'QH-CLOCK-001' });
    const clock = clockOf([...scenario.events(), delivered], { matter });
    expect(clock.steps).toEqual([]);
    expect(clock.anomalies.filter((a) => a.code === 'event-after-end').map((a) => a.eventIds)).toEqual([[scenario.event(3, 'StepStarted').eventId]]);
  });
});

describe('given no events at all', () => {
  it('there is no clock and nothing to signal', () => {
    const clock = clockOf([], { matter });
    expect(clock).toMatchObject({ status: 'submitted', promised: null, statutory: null, steps: [], calendar: null, eventCount: 0, lastEvent: null });
  });
});
