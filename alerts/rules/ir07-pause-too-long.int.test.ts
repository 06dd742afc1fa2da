import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../domain/events/catalogue.ts';
import { caseEventOf } from '../../test/builders/case-events.ts';
import { ruleHarness, type RuleHarness } from '../../test/support/rule-harness.ts';
import { ir07PauseTooLong } from './ir07-pause-too-long.ts';

let h: RuleHarness;
beforeAll(async () => {
  h = await ruleHarness();
});
afterAll(async () => h.close());

const at = (day: string, time = '10:00:00') => `${day}T${time}+08:00`;
const NOW = '2026-06-01T00:00:00+08:00';
const accepted = (caseId: string, day: string, ...rest: CaseEvent[]) => [
  caseEventOf('CaseSubmitted', caseId, { seq: 1, occurredAt: at(day, '09:00:00') }),
  caseEventOf('CaseAccepted', caseId, { seq: 2, occurredAt: at(day, '09:30:00') }),
  ...rest,
];
/** Suspended Mon 03-02: 30 working days, Qingming (04-04–04-06) skipped, run to Tue 04-14. */
const suspended = (caseId: string) => caseEventOf('CaseSuspended', caseId, { seq: 3, occurredAt: at('2026-03-02') });
const resumed = (caseId: string, day: string) => caseEventOf('CaseResumed', caseId, { seq: 4, occurredAt: at(day) });

describe('IR07: pause too long (red once the limit has passed)', () => {
  it('fires for a suspension resumed on working day 31, with suspension and resumption as evidence; silent for one resumed on day 30', async () => {
    const long = accepted('QH-I7-SUSP31', '2026-03-02', suspended('QH-I7-SUSP31'), resumed('QH-I7-SUSP31', '2026-04-15'));
    await h.append(long);
    await h.append(accepted('QH-I7-SUSP30', '2026-03-02', suspended('QH-I7-SUSP30'), resumed('QH-I7-SUSP30', '2026-04-14')));
    const found = await h.evaluate(ir07PauseTooLong, NOW, { caseIds: ['QH-I7-SUSP31', 'QH-I7-SUSP30'] });
    expect(found.map((v) => v.caseId)).toEqual(['QH-I7-SUSP31']);
    expect(found[0]).toMatchObject({ level: 'red', figures: { clauses: 'suspension-too-long', from: '2026-03-02', to: '2026-04-15', limit: '30', allowedUntil: '2026-04-14' } });
    expect(found[0]!.evidenceEventIds).toEqual([long[2]!.eventId, long[3]!.eventId]);
    expect(await h.evaluate(ir07PauseTooLong, NOW, { caseIds: ['QH-I7-SUSP31'], thresholds: { suspensionMaxWorkingDays: 31 } })).toEqual([]);
  });

  it('fires for a suspension, or a special procedure, still open from 00:00 after its last allowed day, and not a minute before', async () => {
    const open = accepted('QH-I7-OPEN', '2026-03-02', suspended('QH-I7-OPEN'));
    await h.append(open);
    const [v] = await h.evaluate(ir07PauseTooLong, '2026-04-15T00:00:00+08:00', { caseIds: ['QH-I7-OPEN'] });
    expect(v).toMatchObject({ caseId: 'QH-I7-OPEN', figures: { clauses: 'suspension-open-too-long', allowedUntil: '2026-04-14' } });
    expect(v!.evidenceEventIds).toEqual([open[2]!.eventId]);
    expect(await h.evaluate(ir07PauseTooLong, '2026-04-14T23:59:00+08:00', { caseIds: ['QH-I7-OPEN'] })).toEqual([]);
    // Builder default 实地核查: started Fri 03-20, 3 working days → allowed until Wed 03-25.
    const special = accepted('QH-I7-SP-RUNNING', '2026-03-16', caseEventOf('SpecialProcedureStarted', 'QH-I7-SP-RUNNING', { seq: 3 }));
    await h.append(special);
    const [w] = await h.evaluate(ir07PauseTooLong, '2026-03-26T00:00:00+08:00', { caseIds: ['QH-I7-SP-RUNNING'] });
    expect(w).toMatchObject({ figures: { clauses: 'special-procedure-open-too-long', limit: '3 working-days', allowedUntil: '2026-03-25' } });
    expect(w!.evidenceEventIds).toEqual([special[2]!.eventId]);
    expect(await h.evaluate(ir07PauseTooLong, '2026-03-25T23:59:00+08:00', { caseIds: ['QH-I7-SP-RUNNING'] })).toEqual([]);
  });

  it('fires for a 实地核查 of 3 working days ended on day 4, and for one still open at conclusion; silent for one ended on day 3', async () => {
    const special = (caseId: string) => caseEventOf('SpecialProcedureStarted', caseId, { seq: 3 });
    const ended = (caseId: string, endedOn: string) => caseEventOf('SpecialProcedureEnded', caseId, { seq: 4, occurredAt: at(endedOn, '17:00:00'), payload: { endedOn } });
    const long = accepted('QH-I7-SP-LONG', '2026-03-16', special('QH-I7-SP-LONG'), ended('QH-I7-SP-LONG', '2026-03-26'));
    const open = accepted('QH-I7-SP-OPEN', '2026-03-16', special('QH-I7-SP-OPEN'), caseEventOf('CaseConcluded', 'QH-I7-SP-OPEN', { seq: 4, occurredAt: at('2026-03-24') }));
    for (const events of [long, open, accepted('QH-I7-SP-OK', '2026-03-16', special('QH-I7-SP-OK'), ended('QH-I7-SP-OK', '2026-03-25'))]) await h.append(events);
    const found = await h.evaluate(ir07PauseTooLong, NOW, { caseIds: ['QH-I7-SP-LONG', 'QH-I7-SP-OPEN', 'QH-I7-SP-OK'] });
    expect(Object.fromEntries(found.map((v) => [v.caseId, { clauses: v.figures.clauses, evidence: v.evidenceEventIds }]))).toEqual({
      'QH-I7-SP-LONG': { clauses: 'special-procedure-too-long', evidence: [long[2]!.eventId, long[3]!.eventId] },
      'QH-I7-SP-OPEN': { clauses: 'pause-open-at-end', evidence: [open[2]!.eventId, open[3]!.eventId] },
    });
  });
});
