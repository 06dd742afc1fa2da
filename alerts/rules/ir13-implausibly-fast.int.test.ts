import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../domain/events/catalogue.ts';
import { caseEventOf } from '../../test/builders/case-events.ts';
import { ruleHarness, type RuleHarness } from '../../test/support/rule-harness.ts';
import { ir13ImplausiblyFast } from './ir13-implausibly-fast.ts';

let h: RuleHarness;
beforeAll(async () => {
  h = await ruleHarness();
});
afterAll(async () => h.close());

const NOW = '2026-06-01T00:00:00+08:00';
const at = (day: string, time: string) => `${day}T${time}+08:00`;
type Role = 'handler' | 'reviewer' | 'approver';
/** Who reports a step: a name alone, or a name with a staff number (工号). */
type Staff = string | { name: string; staffNo: string };
const STEPS = [['S1', '承办', 'handler'], ['S2', '审核', 'reviewer'], ['S3', '批准', 'approver']] as const;

/**
 * Seed matter QH-ZRZY-003 (commitment, three human steps → threshold max(10, 2 × 3) = 10 min).
 * `times` are the six step instants (start, end per step); `actor` chooses who reports each step.
 */
function handled(caseId: string, accepted: string, times: string[], concluded: string, actor: (role: Role, event: 'start' | 'end') => Staff): CaseEvent[] {
  const as = (role: Role, event: 'start' | 'end') => {
    const who = actor(role, event);
    return typeof who === 'string' ? { name: who, role } : { ...who, role };
  };
  const steps = STEPS.flatMap(([code, name, role], i) => [
    caseEventOf('StepStarted', caseId, { seq: 3 + 2 * i, occurredAt: times[2 * i]!, actor: as(role, 'start'), payload: { stepCode: code, stepName: name, stepNo: i + 1, role } }),
    caseEventOf('StepCompleted', caseId, { seq: 4 + 2 * i, occurredAt: times[2 * i + 1]!, actor: as(role, 'end'), payload: { stepCode: code, stepName: name, stepNo: i + 1, role, action: 'pass' } }),
  ]);
  return [
    caseEventOf('CaseSubmitted', caseId, { seq: 1, occurredAt: accepted }),
    caseEventOf('CaseAccepted', caseId, { seq: 2, occurredAt: accepted }),
    ...steps,
    caseEventOf('CaseConcluded', caseId, { seq: 9, occurredAt: concluded }),
  ];
}
const byRole = (role: Role) => `${role}-staff`;
const minutesAfter0930 = (day: string, ...m: number[]) => m.map((x) => at(day, `09:${String(30 + x).padStart(2, '0')}:00`));

describe('IR13: implausibly fast or back-filled', () => {
  it('fires when acceptance to conclusion takes 9 min 59 s of the 10 min floor, and not at exactly 10 min', async () => {
    const steps = minutesAfter0930('2026-03-16', 1, 2, 3, 4, 5, 6);
    const fast = handled('QH-IR13-FAST', at('2026-03-16', '09:30:00'), steps, at('2026-03-16', '09:39:59'), byRole);
    await h.append(fast);
    await h.append(handled('QH-IR13-10MIN', at('2026-03-16', '09:30:00'), steps, at('2026-03-16', '09:40:00'), byRole));
    const found = await h.evaluate(ir13ImplausiblyFast, NOW, { caseIds: ['QH-IR13-FAST', 'QH-IR13-10MIN'] });
    expect(found.map((v) => v.caseId)).toEqual(['QH-IR13-FAST']);
    expect(found[0]).toMatchObject({ level: 'yellow', evidenceEventIds: [fast[1]!.eventId, fast[8]!.eventId], figures: { clauses: 'fast', thresholdMinutes: '10', humanSteps: '3' } });
  });

  it('takes a suspension out of the net time: 2 min before it and 5 min after it are 7 min of handling', async () => {
    const steps = minutesAfter0930('2026-03-18', 0, 1, 2, 3, 4, 5);
    const paused = handled('QH-IR13-PAUSED', at('2026-03-16', '09:30:00'), steps, at('2026-03-18', '09:35:00'), byRole);
    const pause = [
      caseEventOf('CaseSuspended', 'QH-IR13-PAUSED', { seq: 10, occurredAt: at('2026-03-16', '09:32:00') }),
      caseEventOf('CaseResumed', 'QH-IR13-PAUSED', { seq: 11, occurredAt: at('2026-03-18', '09:30:00') }),
    ];
    await h.append([...paused, ...pause]);
    const [v] = await h.evaluate(ir13ImplausiblyFast, NOW, { caseIds: ['QH-IR13-PAUSED'] });
    expect(v?.figures).toMatchObject({ clauses: 'fast', netMinutes: '7.0' });
  });

  it('fires when one account reports every step within 5 min of a days-long case, and not when the approver is someone else or the case is still open', async () => {
    const steps = minutesAfter0930('2026-03-20', 0, 1, 2, 3, 4, 5);
    const one = handled('QH-IR13-ONE', at('2026-03-16', '09:30:00'), steps, at('2026-03-20', '11:00:00'), () => '李承办');
    await h.append(one);
    await h.append(handled('QH-IR13-TWO', at('2026-03-16', '09:30:00'), steps, at('2026-03-20', '11:00:00'), (r) => (r === 'approver' ? '王局长' : '李承办')));
    // A case still in its first step has had one account so far, and that says nothing yet.
    await h.append(handled('QH-IR13-OPEN', at('2026-03-16', '09:30:00'), steps, at('2026-03-20', '11:00:00'), () => '李承办').slice(0, 3));
    const found = await h.evaluate(ir13ImplausiblyFast, NOW, { caseIds: ['QH-IR13-ONE', 'QH-IR13-TWO', 'QH-IR13-OPEN'] });
    expect(found.map((v) => [v.caseId, v.figures.clauses, v.figures.stepSpanMinutes])).toEqual([['QH-IR13-ONE', 'account', '5.0']]);
    expect(found[0]!.evidenceEventIds).toEqual(one.slice(2, 8).map((e) => e.eventId));
  });

  it('tells accounts apart by staff number: two clerks of one name are two accounts, where the same name without numbers fires', async () => {
    const steps = minutesAfter0930('2026-03-20', 0, 1, 2, 3, 4, 5);
    const namesakes = (r: Role): Staff => ({ name: '李承办', staffNo: r === 'approver' ? 'QH0207' : 'QH0101' });
    await h.append(handled('QH-IR13-NAMESAKES', at('2026-03-16', '09:30:00'), steps, at('2026-03-20', '11:00:00'), namesakes));
    await h.append(handled('QH-IR13-NAMES-ONLY', at('2026-03-16', '09:30:00'), steps, at('2026-03-20', '11:00:00'), () => '李承办'));
    const found = await h.evaluate(ir13ImplausiblyFast, NOW, { caseIds: ['QH-IR13-NAMESAKES', 'QH-IR13-NAMES-ONLY'] });
    expect(found.map((v) => [v.caseId, v.figures.clauses])).toEqual([['QH-IR13-NAMES-ONLY', 'account']]);
  });

  it('counts one account when one staff number reports every step under a name written two ways', async () => {
    const steps = minutesAfter0930('2026-03-20', 0, 1, 2, 3, 4, 5);
    const spelt = (_r: Role, event: 'start' | 'end'): Staff => ({ name: event === 'start' ? '李承办' : '李 承办', staffNo: 'QH0101' });
    const one = handled('QH-IR13-ONE-NUMBER', at('2026-03-16', '09:30:00'), steps, at('2026-03-20', '11:00:00'), spelt);
    await h.append(one);
    const found = await h.evaluate(ir13ImplausiblyFast, NOW, { caseIds: ['QH-IR13-ONE-NUMBER'] });
    expect(found.map((v) => [v.caseId, v.figures.clauses, v.figures.stepAccounts])).toEqual([['QH-IR13-ONE-NUMBER', 'account', '1']]);
    expect(found[0]!.evidenceEventIds).toEqual(one.slice(2, 8).map((e) => e.eventId));
    expect(found[0]!.reason).toContain('(QH0101)');
  });

  it('fires when every event from submission to conclusion was recorded at one instant, and not when one arrived a second apart', async () => {
    const steps = ['2026-03-17', '2026-03-18', '2026-03-19', '2026-03-20', '2026-03-23', '2026-03-24'].map((d) => at(d, '10:00:00'));
    const batch = handled('QH-IR13-BATCH', at('2026-03-16', '09:30:00'), steps, at('2026-03-25', '15:00:00'), byRole);
    await h.append(batch, () => at('2026-03-31', '10:00:00'));
    const twin = handled('QH-IR13-LIVE', at('2026-03-16', '09:30:00'), steps, at('2026-03-25', '15:00:00'), byRole);
    await h.append(twin, (e) => at('2026-03-31', e.type === 'CaseConcluded' ? '10:00:01' : '10:00:00'));
    const found = await h.evaluate(ir13ImplausiblyFast, NOW, { caseIds: ['QH-IR13-BATCH', 'QH-IR13-LIVE'] });
    expect(found.map((v) => [v.caseId, v.figures.clauses])).toEqual([['QH-IR13-BATCH', 'batch']]);
    expect(found[0]!.evidenceEventIds).toEqual(batch.map((e) => e.eventId));
  });
});
