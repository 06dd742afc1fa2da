import { describe, expect, it } from 'vitest';
import { aCase, aCaseAcceptedOn, aMatter, clockOf } from '../../test/builders/clock-scenarios.ts';

const matter = aMatter({ promised: 15, steps: [5, 3, 2] });
const codes = (c: { anomalies: readonly { code: string }[] }) => c.anomalies.map((a) => a.code);
const story = () =>
  aCaseAcceptedOn('2026-03-16', 15)
    .stepStarted('S1', '2026-03-16T11:00:00+08:00')
    .supplementRequested('2026-03-20')
    .supplementReceived('2026-03-27')
    .stepCompleted('S1', '2026-03-30')
    .concluded('2026-04-14T15:00:00+08:00');

describe('given events that arrive out of order', () => {
  it('placing them by business time gives the same clock as the ordered history', () => {
    const ordered = story().events();
    const arrived = [ordered[4]!, ordered[6]!, ordered[0]!, ordered[5]!, ordered[2]!, ordered[1]!, ordered[3]!];
    expect(clockOf(arrived, { matter })).toEqual(clockOf(ordered, { matter }));
  });

  it('a late report of a suspension is placed where it happened, and its sequence number flagged (IR02)', () => {
    const late = aCaseAcceptedOn('2026-03-16', 15).stepStarted('S1', '2026-03-20').suspended('2026-03-18').resumed('2026-03-25');
    const clock = clockOf(late, { matter });
    expect(clock.promised!.pauses).toMatchObject([{ from: '2026-03-18', to: '2026-03-25' }]);
    expect(codes(clock)).toContain('seq-order-differs');
  });

  it('the same event passed twice counts once; another case\'s event is ignored', () => {
    const events = story().events();
    const foreign = { ...aCaseAcceptedOn('2026-03-16').events()[1]!, caseId: 'QH-OTHER' };
    const clock = clockOf([...events, events[3]!, foreign], { matter });
    expect(clock.promised!.dueDate).toBe('2026-04-14');
    expect(codes(clock)).toEqual(expect.arrayContaining(['duplicate-event', 'foreign-event']));
  });
});

describe('given several published versions of the matter', () => {
  const v1 = aMatter({ version: 1, promised: 10, validFrom: '2025-01-01', validTo: '2026-04-01' });
  const v2 = aMatter({ version: 2, promised: 8, validFrom: '2026-04-01' });
  const v3 = aMatter({ version: 3, promised: 6, validFrom: '2026-04-01' });
  const versions = [v3, v1, v2];

  it('the version in force on the acceptance date governs (validTo is exclusive)', () => {
    const clock = clockOf(aCaseAcceptedOn('2026-03-31', 10), { matter: versions });
    expect(clock.matter).toMatchObject({ source: 'in-force', version: 1 });
    expect(clock.promised!.limit).toBe(10);
  });

  it('of several in force, the latest version wins', () => {
    const clock = clockOf(aCaseAcceptedOn('2026-04-01', 6), { matter: versions });
    expect(clock.matter).toMatchObject({ source: 'in-force', version: 3, validFrom: '2026-04-01' });
    expect(clock.explanation.find((e) => e.figure === 'matter')!.how).toContain('in force on 2026-04-01');
  });

  it('with none in force, the version the events name is used and the gap flagged', () => {
    const future = aMatter({ version: 1, promised: 9, validFrom: '2026-06-01' });
    const clock = clockOf(aCaseAcceptedOn('2026-03-16', 9), { matter: future });
    expect(clock.matter).toMatchObject({ source: 'named-by-events', version: 1 });
    expect(codes(clock)).toContain('no-matter-version-in-force');
  });

  it('with no version at all, the limit stated at acceptance is used and there is no statutory clock', () => {
    const clock = clockOf(aCaseAcceptedOn('2026-03-16', 12), { matter: [] });
    expect(clock.matter.source).toBe('accepted-limit');
    expect(clock.promised).toMatchObject({ limit: 12, dueDate: '2026-04-01' });
    expect(clock.statutory).toBeNull();
  });

  it('a limit at acceptance that differs from the catalogue is flagged; the catalogue governs', () => {
    const clock = clockOf(aCaseAcceptedOn('2026-03-16', 20), { matter });
    expect(clock.promised!.limit).toBe(15);
    expect(codes(clock)).toContain('accepted-limit-differs');
  });

  it('with neither, there is no clock and the reason is given', () => {
    const clock = clockOf(aCase().submitted('2026-03-16').stepStarted('S1', '2026-03-17'), { matter: [] });
    expect(clock.promised).toBeNull();
    expect(codes(clock)).toContain('no-limit');
  });
});
