import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anAcceptedCase, caseEventOf } from '../../test/builders/case-events.ts';
import { ruleHarness, type RuleHarness } from '../../test/support/rule-harness.ts';
import { caseYellow } from './case-yellow.ts';

let h: RuleHarness;
beforeAll(async () => {
  h = await ruleHarness();
});
afterAll(async () => h.close());

const at = (day: string, time = '10:00:00') => `${day}T${time}+08:00`;
const acceptedFeb10 = (caseId: string) => anAcceptedCase(caseId, '2026-02-10');

describe('CASE-YELLOW: the promised limit nearly used', () => {
  it('fires at 00:00 of the make-up Saturday before the due date, with the acceptance as evidence; silent a minute earlier', async () => {
    const events = acceptedFeb10('QH-YL-OPEN');
    await h.append(events);
    const [v] = await h.evaluate(caseYellow, '2026-02-28T00:00:00+08:00', { caseIds: ['QH-YL-OPEN'] });
    expect(v).toMatchObject({ caseId: 'QH-YL-OPEN', level: 'yellow', figures: { dueDate: '2026-03-02', warnAt: '2026-02-28T00:00:00+08:00', limit: '10' } });
    expect(v!.evidenceEventIds).toEqual([events[1]!.eventId]);
    expect(await h.evaluate(caseYellow, '2026-02-27T23:59:00+08:00', { caseIds: ['QH-YL-OPEN'] })).toEqual([]);
  });

  it('gives way to red at the overdue instant, and warns only the cases asked for', async () => {
    expect(await h.evaluate(caseYellow, '2026-03-03T00:00:00+08:00', { caseIds: ['QH-YL-OPEN'] })).toEqual([]);
    expect(await h.evaluate(caseYellow, '2026-03-02T12:00:00+08:00', { caseIds: ['QH-YL-NONE'] })).toEqual([]);
  });

  it('is silent for twins suspended or concluded before the warn instant, while the open one is warned', async () => {
    await h.append([...acceptedFeb10('QH-YL-PAUSED'), caseEventOf('CaseSuspended', 'QH-YL-PAUSED', { seq: 3, occurredAt: at('2026-02-26') })]);
    await h.append([...acceptedFeb10('QH-YL-DONE'), caseEventOf('CaseConcluded', 'QH-YL-DONE', { seq: 3, occurredAt: at('2026-02-27') })]);
    const found = await h.evaluate(caseYellow, '2026-02-28T09:00:00+08:00', { caseIds: ['QH-YL-OPEN', 'QH-YL-PAUSED', 'QH-YL-DONE'] });
    expect(found.map((v) => v.caseId)).toEqual(['QH-YL-OPEN']);
  });
});
