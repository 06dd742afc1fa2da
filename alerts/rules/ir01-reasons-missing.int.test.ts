import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEventOf } from '../../test/builders/case-events.ts';
import { ruleHarness, type RuleHarness } from '../../test/support/rule-harness.ts';
import { ir01ReasonsMissing } from './ir01-reasons-missing.ts';

let h: RuleHarness;
beforeAll(async () => {
  h = await ruleHarness();
});
afterAll(async () => h.close());

const refused = (caseId: string, refusalReason: string) => [
  caseEventOf('CaseSubmitted', caseId, { seq: 1 }),
  caseEventOf('AcceptanceRefused', caseId, { seq: 2, payload: { refusalReason } }),
];
const concluded = (caseId: string, payload: { resultCode: '7' | '6'; reason?: string }) => [
  caseEventOf('CaseSubmitted', caseId, { seq: 1 }),
  caseEventOf('CaseAccepted', caseId, { seq: 2 }),
  caseEventOf('CaseConcluded', caseId, { seq: 3, payload: { ...payload, certificate: undefined } }),
];
const NOW = '2026-06-01T00:00:00+08:00';

describe('IR01: refusal or denial without reasons', () => {
  it('fires for a refusal reason of 9 characters, padded with spaces, and stays silent for its 10-character twin', async () => {
    const short = refused('QH-R1-9', '　不属于本机关的职权 ');
    await h.append(short);
    await h.append(refused('QH-R1-10', '不属于本机关职权范围'));
    const found = await h.evaluate(ir01ReasonsMissing, NOW, { caseIds: ['QH-R1-9', 'QH-R1-10'] });
    expect(found.map((v) => v.caseId)).toEqual(['QH-R1-9']);
    expect(found[0]).toMatchObject({ level: 'red', figures: { events: 'AcceptanceRefused', reasonChars: '9', minReasonChars: '10' } });
    expect(found[0]!.evidenceEventIds).toEqual([short[1]!.eventId]);
  });

  it('follows a changed threshold: the 9-character reason passes at 9', async () => {
    expect(await h.evaluate(ir01ReasonsMissing, NOW, { caseIds: ['QH-R1-9'], thresholds: { minReasonChars: 9 } })).toEqual([]);
  });

  it('fires for a denial (BJJGDM 7) with a blank reason, silent for a denial with one and for an approval without one', async () => {
    const bare = concluded('QH-R1-DENY', { resultCode: '7', reason: '  ' });
    await h.append(bare);
    await h.append(concluded('QH-R1-DENY-OK', { resultCode: '7', reason: '不符合法定条件' }));
    await h.append(concluded('QH-R1-GRANT', { resultCode: '6' }));
    const found = await h.evaluate(ir01ReasonsMissing, NOW, { caseIds: ['QH-R1-DENY', 'QH-R1-DENY-OK', 'QH-R1-GRANT'] });
    expect(found.map((v) => v.caseId)).toEqual(['QH-R1-DENY']);
    expect(found[0]).toMatchObject({ figures: { events: 'CaseConcluded', resultCode: '7' } });
    expect(found[0]!.evidenceEventIds).toEqual([bare[2]!.eventId]);
  });
});
