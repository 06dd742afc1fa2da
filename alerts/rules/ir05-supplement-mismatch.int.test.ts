import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEventOf } from '../../test/builders/case-events.ts';
import { ruleHarness, type RuleHarness } from '../../test/support/rule-harness.ts';
import { ir05SupplementMismatch } from './ir05-supplement-mismatch.ts';

let h: RuleHarness;
beforeAll(async () => {
  h = await ruleHarness();
});
afterAll(async () => h.close());

const asked = { code: 'B02', name: '委托书原件' };
const other = { code: 'B09', name: '其他补充材料' };
const supplemented = (caseId: string, received: { code?: string; name: string }[]) => [
  caseEventOf('CaseSubmitted', caseId, { seq: 1 }),
  caseEventOf('SupplementRequested', caseId, { seq: 2, payload: { materials: [asked] } }),
  caseEventOf('SupplementReceived', caseId, { seq: 3, payload: { materials: received } }),
];

describe('IR05: supplements received outside the notice', () => {
  it('fires for a material the notice never asked for, with notice and receipt as evidence; silent for the requested one, matched by name without its code', async () => {
    const extra = supplemented('QH-I5-EXTRA', [asked, other]);
    await h.append(extra);
    await h.append(supplemented('QH-I5-SAME', [{ name: asked.name }]));
    const found = await h.evaluate(ir05SupplementMismatch, '2026-06-01T00:00:00+08:00', { caseIds: ['QH-I5-EXTRA', 'QH-I5-SAME'] });
    expect(found.map((v) => v.caseId)).toEqual(['QH-I5-EXTRA']);
    expect(found[0]).toMatchObject({ level: 'yellow', figures: { unrequested: '其他补充材料', notices: '1' } });
    expect(found[0]!.evidenceEventIds).toEqual([extra[1]!.eventId, extra[2]!.eventId]);
  });
});
