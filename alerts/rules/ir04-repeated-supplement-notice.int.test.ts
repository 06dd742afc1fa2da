import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEventOf } from '../../test/builders/case-events.ts';
import { ruleHarness, type RuleHarness } from '../../test/support/rule-harness.ts';
import { ir04RepeatedSupplementNotice } from './ir04-repeated-supplement-notice.ts';

let h: RuleHarness;
beforeAll(async () => {
  h = await ruleHarness();
});
afterAll(async () => h.close());

const at = (day: string, time = '10:00:00') => `${day}T${time}+08:00`;
const notice = (caseId: string, seq: number, day: string) => caseEventOf('SupplementRequested', caseId, { seq, occurredAt: at(day) });

describe('IR04: more than one supplement notice', () => {
  it('fires for a second notice, with both notices as evidence; silent for a single notice', async () => {
    const twice = [caseEventOf('CaseSubmitted', 'QH-I4-TWICE', { seq: 1 }), notice('QH-I4-TWICE', 2, '2026-03-17'), notice('QH-I4-TWICE', 3, '2026-03-18')];
    await h.append(twice);
    await h.append([caseEventOf('CaseSubmitted', 'QH-I4-ONCE', { seq: 1 }), notice('QH-I4-ONCE', 2, '2026-03-17')]);
    const found = await h.evaluate(ir04RepeatedSupplementNotice, '2026-06-01T00:00:00+08:00', { caseIds: ['QH-I4-TWICE', 'QH-I4-ONCE'] });
    expect(found.map((v) => v.caseId)).toEqual(['QH-I4-TWICE']);
    expect(found[0]).toMatchObject({ level: 'yellow', figures: { notices: '2' } });
    expect(found[0]!.evidenceEventIds).toEqual([twice[1]!.eventId, twice[2]!.eventId]);
  });
});
