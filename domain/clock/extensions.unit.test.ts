import { describe, expect, it } from 'vitest';
import { aCaseAcceptedOn, aMatter, clockOf } from '../../test/builders/clock-scenarios.ts';

// Accepted Mon 2026-03-16: promised 10 (due Mon 03-30), statutory 20 (due Tue 04-14).
const matter = aMatter({ promised: 10, statutory: 20 });
const accepted = () => aCaseAcceptedOn('2026-03-16', 10);
const codes = (c: { anomalies: readonly { code: string; clock: string | null }[] }) => c.anomalies.map((a) => `${a.code}@${a.clock}`);

describe('given an extension (特别程序 kind 1, 延长审批) started before the due date', () => {
  const clock = clockOf(accepted().extension('2026-03-20', 10), { matter });

  it('both limits grow by it and the clock keeps running (ALL Art. 42, §3.2 step 5)', () => {
    expect(clock.promised).toMatchObject({ state: 'running', baseLimit: 10, extensionDays: 10, limit: 20, dueDate: '2026-04-14', pauses: [] });
    expect(clock.statutory).toMatchObject({ limit: 30, dueDate: '2026-04-28' });
    expect(clock.promised!.extensions).toMatchObject([{ procedureNo: 9, requestedOn: '2026-03-20', requestedDays: 10, grantedDays: 10, refusal: null }]);
  });
});

describe('given an extension asked after the due date (IR18)', () => {
  it('it is recorded as refused with its reason, not applied, on the clock already overdue only', () => {
    const clock = clockOf(accepted().extension('2026-04-01', 10), { matter });
    expect(clock.promised).toMatchObject({ limit: 10, dueDate: '2026-03-30', extensions: [{ grantedDays: 0, refusal: 'after-due-date' }] });
    expect(clock.promised!.extensions[0]!.refusedReason).toContain('before the due date');
    expect(clock.statutory).toMatchObject({ limit: 30, dueDate: '2026-04-28' });
    expect(codes(clock)).toEqual(['extension-after-due-date@promised']);
  });

  it('asked after both due dates, it is refused on both', () => {
    expect(codes(clockOf(accepted().extension('2026-04-20', 10), { matter }))).toEqual(['extension-after-due-date@promised', 'extension-after-due-date@statutory']);
  });

  it('asked on the due date itself, when the whole limit is used, it is too late (§3.2 step 5: before the due date)', () => {
    expect(clockOf(accepted().extension('2026-03-30', 5), { matter }).promised!.extensions[0]!.refusal).toBe('after-due-date');
  });
});

describe('given an extension beyond the ALL Art. 42 maximum', () => {
  it('one of 15 days on a normal matter is capped at 10, and the excess recorded', () => {
    const clock = clockOf(accepted().extension('2026-03-20', 15), { matter });
    expect(clock.promised).toMatchObject({ extensionDays: 10, extensions: [{ requestedDays: 15, grantedDays: 10, refusal: 'beyond-maximum' }] });
    expect(clock.promised!.extensions[0]!.refusedReason).toContain('ALL Art. 42 maximum of 10');
    expect(codes(clock)).toContain('extension-beyond-maximum@promised');
  });

  it('two of 6 days count 6 + 4', () => {
    const c = clockOf(accepted().extension('2026-03-18', 6, 1).extension('2026-03-20', 6, 2), { matter }).promised!;
    expect(c.extensions.map((x) => x.grantedDays)).toEqual([6, 4]);
    expect(c.limit).toBe(20);
  });

  it('joint handling allows 15 (45 + 15 days)', () => {
    const joint = aMatter({ promised: 30, statutory: 45, joint: true });
    const clock = clockOf(aCaseAcceptedOn('2026-03-16', 30).extension('2026-03-20', 15), { matter: joint });
    expect(clock.statutory).toMatchObject({ limit: 60, extensionDays: 15 });
    expect(clock.matter.jointHandling).toBe(true);
  });

  it('the maximum is configurable', () => {
    const c = clockOf(accepted().extension('2026-03-20', 10), { matter, config: { extensionMax: { normal: 5, joint: 15 } } }).promised!;
    expect(c.extensionDays).toBe(5);
  });
});

describe('given the statutory and the promised clock side by side (statutory 20, promised 5, S39)', () => {
  const s39 = aMatter({ promised: 5, statutory: 20 });

  it('a case concluded after 8 working days is overdue on its promise but early by law', () => {
    const clock = clockOf(aCaseAcceptedOn('2026-03-16', 5).concluded('2026-03-26'), { matter: s39 });
    expect(clock.promised).toMatchObject({ dueDate: '2026-03-23', usedDays: 8, overrunDays: 3, classification: 'overdue' });
    expect(clock.statutory).toMatchObject({ dueDate: '2026-04-14', usedDays: 8, overrunDays: 0, classification: 'early' });
  });
});
