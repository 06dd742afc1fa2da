import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventOverrides } from '../../test/builders/case-events.ts';
import { caseEventOf } from '../../test/builders/case-events.ts';
import { ruleHarness, type RuleHarness } from '../../test/support/rule-harness.ts';
import { ir12FeeIrregularities } from './ir12-fee-irregularities.ts';

let h: RuleHarness;
beforeAll(async () => {
  h = await ruleHarness();
});
afterAll(async () => h.close());

const NOW = '2026-06-01T00:00:00+08:00';
/** Seed matter QH-ZRZY-003 charges F01 工本费 10 CNY × at most 1 (domain.md §8 Ex 10). */
const feeCase = (caseId: string, fee: EventOverrides<'FeeCharged'>['payload'], feeTotal: number, matterCode = 'QH-ZRZY-003') => [
  caseEventOf('CaseSubmitted', caseId, { seq: 1, matterCode }),
  caseEventOf('CaseAccepted', caseId, { seq: 2, matterCode }),
  caseEventOf('FeeCharged', caseId, { seq: 3, matterCode, payload: fee }),
  caseEventOf('CaseConcluded', caseId, { seq: 4, matterCode, payload: { feeTotal } }),
];

describe('IR12: fee irregularities', () => {
  it('domain.md §8 Ex 10: 30 CNY charged for a 10 CNY certificate is 20 over (c), and a conclusion stating 10 mismatches (d)', async () => {
    const events = feeCase('QH-IR12-EX10', { amount: 30 }, 10);
    await h.append(events);
    const [v] = await h.evaluate(ir12FeeIrregularities, NOW, { caseIds: ['QH-IR12-EX10'] });
    expect(v).toMatchObject({ caseId: 'QH-IR12-EX10', level: 'red', figures: { clauses: 'c,d', overchargeCny: '20.00', chargedCny: '30.00', concludedFeeTotalCny: '10.00' } });
    expect(v!.evidenceEventIds).toEqual([events[2]!.eventId, events[3]!.eventId]);
  });

  it('fires for 10.01 CNY but not for exactly the 10 CNY standard with a matching total', async () => {
    await h.append(feeCase('QH-IR12-1001', { amount: 10.01 }, 10.01));
    await h.append(feeCase('QH-IR12-10', { amount: 10 }, 10));
    const found = await h.evaluate(ir12FeeIrregularities, NOW, { caseIds: ['QH-IR12-1001', 'QH-IR12-10'] });
    expect(found.map((v) => [v.caseId, v.figures.clauses, v.figures.overchargeCny])).toEqual([['QH-IR12-1001', 'c', '0.01']]);
  });

  it('fires for a fee on a free matter (a), an item outside the catalogue (b) and a quantity over the maximum (c)', async () => {
    // QH-SCJG-001 个体工商户设立登记 charges nothing.
    const free = feeCase('QH-IR12-FREE', { amount: 10 }, 10, 'QH-SCJG-001');
    await h.append(free);
    await h.append(feeCase('QH-IR12-F09', { feeItemCode: 'F09' }, 10));
    await h.append(feeCase('QH-IR12-QTY', { amount: 20, quantity: 2 }, 20));
    const found = await h.evaluate(ir12FeeIrregularities, NOW, { caseIds: ['QH-IR12-FREE', 'QH-IR12-F09', 'QH-IR12-QTY'] });
    expect(found.map((v) => [v.caseId, v.figures.clauses])).toEqual([['QH-IR12-F09', 'b'], ['QH-IR12-FREE', 'a,b'], ['QH-IR12-QTY', 'c']]);
    expect(found[1]!.evidenceEventIds).toEqual([free[2]!.eventId]);
  });
});
