import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEventOf } from '../../test/builders/case-events.ts';
import { ruleHarness, type RuleHarness } from '../../test/support/rule-harness.ts';
import { ir15BackdatedTimestamps } from './ir15-backdated-timestamps.ts';

let h: RuleHarness;
beforeAll(async () => {
  h = await ruleHarness();
});
afterAll(async () => h.close());

const NOW = '2026-06-01T00:00:00+08:00';
const at = (time: string, day = '2026-03-16') => `${day}T${time}+08:00`;
const accepted = (caseId: string, occurredAt: string) => [
  caseEventOf('CaseSubmitted', caseId, { seq: 1, occurredAt: at('09:00:00') }),
  caseEventOf('CaseAccepted', caseId, { seq: 2, occurredAt }),
];

describe('IR15: backdated or future timestamps', () => {
  it('fires for an event dated 6 min after it was recorded, and not for one dated 5 min after', async () => {
    const ahead = accepted('QH-IR15-AHEAD', at('10:06:00'));
    await h.append(ahead, (e) => (e.type === 'CaseAccepted' ? at('10:00:00') : e.occurredAt));
    await h.append(accepted('QH-IR15-TOL', at('10:05:00')), (e) => (e.type === 'CaseAccepted' ? at('10:00:00') : e.occurredAt));
    const found = await h.evaluate(ir15BackdatedTimestamps, NOW, { caseIds: ['QH-IR15-AHEAD', 'QH-IR15-TOL'] });
    expect(found.map((v) => v.caseId)).toEqual(['QH-IR15-AHEAD']);
    expect(found[0]).toMatchObject({ evidenceEventIds: [ahead[1]!.eventId], figures: { clauses: 'future', maxAheadMinutes: '6.0' } });
  });

  it('fires for a step whose stated start (环节开始时间) is after its end, or whose StepStarted is dated after it, and not for a start equal to the end', async () => {
    const step = (caseId: string, startedAt: string, startEvent = at('11:00:00', '2026-03-18')) => [
      ...accepted(caseId, at('09:30:00')),
      caseEventOf('StepStarted', caseId, { seq: 3, occurredAt: startEvent }),
      caseEventOf('StepCompleted', caseId, { seq: 4, occurredAt: at('16:00:00', '2026-03-19'), payload: { startedAt } }),
    ];
    const stated = step('QH-IR15-STATED', at('09:00:00', '2026-03-20'));
    const reversed = step('QH-IR15-REVERSED', at('16:00:00', '2026-03-19'), at('16:00:01', '2026-03-19'));
    await h.append(stated);
    await h.append(reversed);
    await h.append(step('QH-IR15-EQUAL', at('16:00:00', '2026-03-19')));
    // Without a StepStarted the clock takes the stated start and reports 'step-ends-before-start' too.
    const noStart = step('QH-IR15-NOSTART', at('09:00:00', '2026-03-20')).filter((e) => e.type !== 'StepStarted');
    await h.append(noStart);
    const ids = ['QH-IR15-STATED', 'QH-IR15-REVERSED', 'QH-IR15-EQUAL', 'QH-IR15-NOSTART'];
    const found = await h.evaluate(ir15BackdatedTimestamps, NOW, { caseIds: ids });
    expect(found.map((v) => [v.caseId, v.figures.clauses, v.evidenceEventIds])).toEqual([
      ['QH-IR15-NOSTART', 'step-order', [noStart[2]!.eventId]],
      ['QH-IR15-REVERSED', 'step-order', [reversed[2]!.eventId, reversed[3]!.eventId]],
      ['QH-IR15-STATED', 'step-order', [stated[3]!.eventId]],
    ]);
  });
});
