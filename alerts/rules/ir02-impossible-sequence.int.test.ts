import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../domain/events/catalogue.ts';
import { aConcludedCaseHistory, caseEventOf } from '../../test/builders/case-events.ts';
import { ruleHarness, type RuleHarness } from '../../test/support/rule-harness.ts';
import { ir02ImpossibleSequence } from './ir02-impossible-sequence.ts';

let h: RuleHarness;
beforeAll(async () => {
  h = await ruleHarness();
});
afterAll(async () => h.close());

const NOW = '2026-06-01T00:00:00+08:00';
/** The builder's complete case: [E1, E3, S1 start, S1 done, S2 start, S2 done, S3 start, S3 done, fee, E13, E14, rating]. */
const history = (caseId: string) => aConcludedCaseHistory(caseId);
const ids = (events: CaseEvent[], ...at: number[]) => at.map((i) => events[i]!.eventId);

describe('IR02: impossible sequence', () => {
  it('fires for a step started before acceptance, with the step and the acceptance as evidence; silent for the complete case', async () => {
    const early = [
      caseEventOf('CaseSubmitted', 'QH-I2-EARLY', { seq: 1, occurredAt: '2026-03-16T09:00:00+08:00' }),
      caseEventOf('StepStarted', 'QH-I2-EARLY', { seq: 2, occurredAt: '2026-03-16T09:10:00+08:00' }),
      caseEventOf('CaseAccepted', 'QH-I2-EARLY', { seq: 3, occurredAt: '2026-03-16T09:30:00+08:00' }),
    ];
    await h.append(early);
    await h.append(history('QH-I2-CLEAN'));
    const found = await h.evaluate(ir02ImpossibleSequence, NOW, { caseIds: ['QH-I2-EARLY', 'QH-I2-CLEAN'] });
    expect(found.map((v) => v.caseId)).toEqual(['QH-I2-EARLY']);
    expect(found[0]).toMatchObject({ level: 'red', figures: { clauses: 'handled-before-acceptance' } });
    expect(found[0]!.evidenceEventIds).toEqual(ids(early, 1, 2));
  });

  it('fires for each other clause: a step missing, time against the sequence, an approval by a reviewer, an approval by the handler', async () => {
    const missing = history('QH-I2-MISSING').filter((_, i) => i !== 6 && i !== 7);
    const reversed = history('QH-I2-REVERSED');
    // Delivery reported after the conclusion (seq 11) but dated ten minutes before it: placed first.
    reversed[10] = { ...reversed[10]!, occurredAt: '2026-03-27T14:50:00+08:00' } as CaseEvent;
    const reviewer = history('QH-I2-ROLE');
    reviewer[7] = { ...reviewer[7]!, actor: { name: '审核人', role: 'reviewer' } } as CaseEvent;
    const handler = history('QH-I2-SAME');
    handler[7] = { ...handler[7]!, actor: { name: '承办人', role: 'approver' } } as CaseEvent;
    for (const events of [missing, reversed, reviewer, handler]) await h.append(events);
    const found = await h.evaluate(ir02ImpossibleSequence, NOW, { caseIds: ['QH-I2-MISSING', 'QH-I2-REVERSED', 'QH-I2-ROLE', 'QH-I2-SAME'] });
    const byCase = Object.fromEntries(found.map((v) => [v.caseId, { clauses: v.figures.clauses, evidence: v.evidenceEventIds }]));
    expect(byCase).toEqual({
      'QH-I2-MISSING': { clauses: 'concluded-before-steps', evidence: [missing[7]!.eventId] },
      'QH-I2-REVERSED': { clauses: 'time-against-sequence', evidence: ids(reversed, 9, 10) },
      'QH-I2-ROLE': { clauses: 'approver-role', evidence: ids(reviewer, 7) },
      'QH-I2-SAME': { clauses: 'same-person', evidence: ids(handler, 3, 7) },
    });
    expect(found.find((v) => v.caseId === 'QH-I2-MISSING')!.figures).toMatchObject({ missingSteps: 'S3' });
  });

  describe('given staff numbers (工号) on the handling and approval steps', () => {
    /** The builder's case with its handling step (S1) and its approval step (S3) completed by these two. */
    const handledAndApproved = (caseId: string, handler: { name: string; staffNo?: string }, approver: { name: string; staffNo?: string }) => {
      const events = history(caseId);
      events[3] = { ...events[3]!, actor: { ...handler, role: 'handler' } } as CaseEvent;
      events[7] = { ...events[7]!, actor: { ...approver, role: 'approver' } } as CaseEvent;
      return events;
    };

    it('two clerks of one name with different staff numbers are two people: silent, where the same names without numbers fire', async () => {
      await h.append(handledAndApproved('QH-I2-NAMESAKES', { name: '李明', staffNo: 'QH0101' }, { name: '李明', staffNo: 'QH0207' }));
      await h.append(handledAndApproved('QH-I2-NAMES-ONLY', { name: '李明' }, { name: '李明' }));
      const found = await h.evaluate(ir02ImpossibleSequence, NOW, { caseIds: ['QH-I2-NAMESAKES', 'QH-I2-NAMES-ONLY'] });
      expect(found.map((v) => [v.caseId, v.figures.clauses])).toEqual([['QH-I2-NAMES-ONLY', 'same-person']]);
    });

    it('one clerk whose name is written two ways under one staff number is one person: the approval by the handler fires', async () => {
      const events = handledAndApproved('QH-I2-ONE-NUMBER', { name: '李明', staffNo: 'QH0101' }, { name: '李 明', staffNo: 'QH0101' });
      await h.append(events);
      const found = await h.evaluate(ir02ImpossibleSequence, NOW, { caseIds: ['QH-I2-ONE-NUMBER'] });
      expect(found.map((v) => [v.caseId, v.figures.clauses, v.evidenceEventIds])).toEqual([['QH-I2-ONE-NUMBER', 'same-person', ids(events, 3, 7)]]);
    });
  });
});
