import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../domain/events/catalogue.ts';
import { caseEventOf } from '../../test/builders/case-events.ts';
import { ruleHarness, type RuleHarness } from '../../test/support/rule-harness.ts';
import { ir06PauseWithoutBasis } from './ir06-pause-without-basis.ts';

let h: RuleHarness;
beforeAll(async () => {
  h = await ruleHarness();
});
afterAll(async () => h.close());

const NOW = '2026-06-01T00:00:00+08:00';
/** Seed matter QH-ZRZY-003 allows only 实地核查. */
const accepted = (caseId: string, pause: CaseEvent) => [caseEventOf('CaseSubmitted', caseId, { seq: 1 }), caseEventOf('CaseAccepted', caseId, { seq: 2 }), pause];
const special = (caseId: string, payload: { name?: string; reason?: string }) => caseEventOf('SpecialProcedureStarted', caseId, { seq: 3, payload });

describe('IR06: pause without reason, approver or legal type', () => {
  it('fires for a suspension without approver, with it as evidence; silent for its twin with one', async () => {
    const bare = accepted('QH-I6-NOAPPROVER', caseEventOf('CaseSuspended', 'QH-I6-NOAPPROVER', { seq: 3, payload: { approver: undefined } }));
    await h.append(bare);
    await h.append(accepted('QH-I6-SUSPENDED', caseEventOf('CaseSuspended', 'QH-I6-SUSPENDED', { seq: 3 })));
    const found = await h.evaluate(ir06PauseWithoutBasis, NOW, { caseIds: ['QH-I6-NOAPPROVER', 'QH-I6-SUSPENDED'] });
    expect(found.map((v) => v.caseId)).toEqual(['QH-I6-NOAPPROVER']);
    expect(found[0]).toMatchObject({ level: 'red', figures: { problems: 'no-approver' } });
    expect(found[0]!.evidenceEventIds).toEqual([bare[2]!.eventId]);
  });

  it('fires for a blank reason, a name outside ALL Art. 45, a legal name the matter does not allow; silent for 实地核查', async () => {
    const cases = {
      'QH-I6-BLANK': special('QH-I6-BLANK', { reason: '　' }),
      'QH-I6-UNLISTED': special('QH-I6-UNLISTED', { name: '领导集体研究' }),
      'QH-I6-HEARING': special('QH-I6-HEARING', { name: '听证' }),
      'QH-I6-SITE': special('QH-I6-SITE', {}),
    };
    for (const [caseId, e] of Object.entries(cases)) await h.append(accepted(caseId, e));
    const found = await h.evaluate(ir06PauseWithoutBasis, NOW, { caseIds: Object.keys(cases) });
    expect(Object.fromEntries(found.map((v) => [v.caseId, v.figures.problems]))).toEqual({
      'QH-I6-BLANK': 'no-reason',
      'QH-I6-UNLISTED': 'not-a-legal-procedure,not-allowed-for-matter',
      'QH-I6-HEARING': 'not-allowed-for-matter',
    });
    expect(found.find((v) => v.caseId === 'QH-I6-HEARING')!.evidenceEventIds).toEqual([cases['QH-I6-HEARING'].eventId]);
  });
});
