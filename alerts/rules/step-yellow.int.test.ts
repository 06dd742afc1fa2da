import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEventOf } from '../../test/builders/case-events.ts';
import { ruleHarness, type RuleHarness } from '../../test/support/rule-harness.ts';
import { stepYellow } from './step-yellow.ts';

let h: RuleHarness;
beforeAll(async () => {
  h = await ruleHarness();
});
afterAll(async () => h.close());

const at = (day: string, time = '10:00:00') => `${day}T${time}+08:00`;
/** Seed matter QH-ZRZY-003, step S1 承办 limit 5, started Wed 04-01: Qingming (04-04–04-06) skipped → due Thu 04-09, yellow Wed 04-08 00:00. */
const stepStartedApr1 = (caseId: string) => [
  caseEventOf('CaseSubmitted', caseId, { seq: 1, occurredAt: at('2026-04-01', '09:00:00') }),
  caseEventOf('CaseAccepted', caseId, { seq: 2, occurredAt: at('2026-04-01', '09:30:00') }),
  caseEventOf('StepStarted', caseId, { seq: 3, occurredAt: at('2026-04-01') }),
];

describe('STEP-YELLOW: IR08 yellow, a step near its own limit', () => {
  it('fires at 00:00 of the working day before the step due date across Qingming, with the step start as evidence; silent a minute before', async () => {
    const open = stepStartedApr1('QH-SY-OPEN');
    await h.append(open);
    const [v] = await h.evaluate(stepYellow, '2026-04-08T00:00:00+08:00', { caseIds: ['QH-SY-OPEN'] });
    expect(v).toMatchObject({ caseId: 'QH-SY-OPEN', level: 'yellow', figures: { steps: 'S1#1', dueDate: '2026-04-09', warnAt: '2026-04-08T00:00:00+08:00', limit: '5' } });
    expect(v!.evidenceEventIds).toEqual([open[2]!.eventId]);
    expect(await h.evaluate(stepYellow, '2026-04-07T23:59:00+08:00', { caseIds: ['QH-SY-OPEN'] })).toEqual([]);
  });

  it('is silent for a twin whose step was completed before the warn instant, and once the step is overdue', async () => {
    await h.append([...stepStartedApr1('QH-SY-DONE'), caseEventOf('StepCompleted', 'QH-SY-DONE', { seq: 4, occurredAt: at('2026-04-07', '16:00:00') })]);
    const found = await h.evaluate(stepYellow, '2026-04-08T09:00:00+08:00', { caseIds: ['QH-SY-OPEN', 'QH-SY-DONE'] });
    expect(found.map((v) => v.caseId)).toEqual(['QH-SY-OPEN']);
    expect(await h.evaluate(stepYellow, '2026-04-10T00:00:00+08:00', { caseIds: ['QH-SY-OPEN'] })).toEqual([]);
  });
});
