import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../domain/events/catalogue.ts';
import { caseEventOf } from '../../test/builders/case-events.ts';
import { ruleHarness, type RuleHarness } from '../../test/support/rule-harness.ts';
import { ir16NotHandledOnline } from './ir16-not-handled-online.ts';

let h: RuleHarness;
beforeAll(async () => {
  h = await ruleHarness();
});
afterAll(async () => h.close());

const NOW = '2026-06-01T00:00:00+08:00';
/** QH-JT-001 道路货物运输经营许可 must be handled online; QH-ZRZY-003 need not be. */
const submittedAndAccepted = (caseId: string, channel: CaseEvent['channel'], acceptedBy = 'qh-approval', matterCode = 'QH-JT-001') => [
  caseEventOf('CaseSubmitted', caseId, { seq: 1, matterCode, channel }),
  caseEventOf('CaseAccepted', caseId, { seq: 2, matterCode, channel, sourceSystem: acceptedBy }),
];

describe('IR16: not handled online as required', () => {
  it('fires for a window submission and for a hand-entered acceptance of an online-only matter, not for an online case or a window case of another matter', async () => {
    const window = submittedAndAccepted('QH-IR16-WINDOW', 'window');
    const manual = submittedAndAccepted('QH-IR16-MANUAL', 'mobile', 'manual');
    await h.append([...window, ...manual]);
    await h.append([...submittedAndAccepted('QH-IR16-ONLINE', 'online'), ...submittedAndAccepted('QH-IR16-OTHER', 'window', 'qh-approval', 'QH-ZRZY-003')]);
    const found = await h.evaluate(ir16NotHandledOnline, NOW, { caseIds: ['QH-IR16-WINDOW', 'QH-IR16-MANUAL', 'QH-IR16-ONLINE', 'QH-IR16-OTHER'] });
    expect(found.map((v) => [v.caseId, v.level, v.figures.clauses, v.evidenceEventIds])).toEqual([
      ['QH-IR16-MANUAL', 'red', 'manual', [manual[1]!.eventId]],
      ['QH-IR16-WINDOW', 'red', 'channel', [window[0]!.eventId]],
    ]);
    expect(found[1]!.figures.submittedChannel).toBe('window');
  });
});
