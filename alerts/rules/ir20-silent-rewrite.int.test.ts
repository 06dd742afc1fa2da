import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEventOf } from '../../test/builders/case-events.ts';
import { ruleHarness, type RuleHarness } from '../../test/support/rule-harness.ts';
import { ir20SilentRewrite } from './ir20-silent-rewrite.ts';

let h: RuleHarness;
beforeAll(async () => {
  h = await ruleHarness();
});
afterAll(async () => h.close());

const NOW = '2026-06-01T00:00:00+08:00';
const DENIED_AT = '2026-03-31T15:00:00+08:00';
const start = (caseId: string) => [caseEventOf('CaseSubmitted', caseId, { seq: 1 }), caseEventOf('CaseAccepted', caseId, { seq: 2 })];
const denied = (caseId: string) => caseEventOf('CaseConcluded', caseId, { seq: 3, occurredAt: DENIED_AT, payload: { resultCode: '7', reason: '申请材料不符合法定形式，不予许可' } });
/** A re-sent conclusion: renumbered (seq 4), data version 2, dated as the original. */
const resent = (caseId: string, resultCode: '0' | '7') =>
  caseEventOf('CaseConcluded', caseId, { seq: 4, occurredAt: DENIED_AT, dataVersion: 2, payload: { resultCode, reason: '申请材料不符合法定形式，不予许可' } });

describe('IR20: silent rewrite after the conclusion', () => {
  it('fires when a version-2 conclusion turns a denial into an approval, and not when version 2 repeats it unchanged', async () => {
    const rewritten = [...start('QH-IR20-FLIP'), denied('QH-IR20-FLIP'), resent('QH-IR20-FLIP', '0')];
    await h.append(rewritten);
    await h.append([...start('QH-IR20-SAME'), denied('QH-IR20-SAME'), resent('QH-IR20-SAME', '7')]);
    const found = await h.evaluate(ir20SilentRewrite, NOW, { caseIds: ['QH-IR20-FLIP', 'QH-IR20-SAME'] });
    expect(found.map((v) => v.caseId)).toEqual(['QH-IR20-FLIP']);
    expect(found[0]).toMatchObject({
      level: 'yellow',
      evidenceEventIds: [rewritten[2]!.eventId, rewritten[3]!.eventId],
      figures: { types: 'CaseConcluded', fromVersion: '1', toVersion: '2', resultBefore: '7', resultAfter: '0' },
    });
  });

  it('fires when a new version of the acceptance re-dates it after the conclusion, and not when the same correction came before it', async () => {
    const redate = (caseId: string) => caseEventOf('CaseAccepted', caseId, { seq: 2, dataVersion: 2, occurredAt: '2026-03-16T09:00:00+08:00' });
    const after = [...start('QH-IR20-AFTER'), denied('QH-IR20-AFTER'), redate('QH-IR20-AFTER')];
    await h.append(after);
    await h.append([...start('QH-IR20-BEFORE'), redate('QH-IR20-BEFORE'), denied('QH-IR20-BEFORE')]);
    const found = await h.evaluate(ir20SilentRewrite, NOW, { caseIds: ['QH-IR20-AFTER', 'QH-IR20-BEFORE'] });
    expect(found.map((v) => [v.caseId, v.figures.types, v.evidenceEventIds])).toEqual([['QH-IR20-AFTER', 'CaseAccepted', [after[1]!.eventId, after[3]!.eventId]]]);
    expect(found[0]!.figures).toMatchObject({ occurredBefore: '2026-03-16T09:30:00+08:00', occurredAfter: '2026-03-16T09:00:00+08:00' });
  });
});
