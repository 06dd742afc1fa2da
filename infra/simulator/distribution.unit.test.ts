import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../domain/events/catalogue.ts';
import { simulateCounty } from './simulate.ts';

describe('given 20,000 cases at the default rates', () => {
  const cases = [...simulateCounty({ seed: 2026, cases: 20_000 }).cases];
  const events = cases.flatMap((c) => c.events);
  const share = (n: number) => n / cases.length;
  const count = (pred: (e: CaseEvent) => boolean) => events.filter(pred).length;
  const byClass = (k: string) => cases.filter((c) => c.truth.classification === k).length;

  it('most cases finish early, on time or on the spot, and some run over', () => {
    const classified = cases.filter((c) => c.truth.classification !== undefined).length;
    expect((byClass('early') + byClass('on-time') + byClass('instant')) / classified).toBeGreaterThan(0.85);
    expect(byClass('early')).toBeGreaterThan(byClass('on-time'));
    expect(byClass('on-time')).toBeGreaterThan(0);
    expect(byClass('overdue') / classified).toBeGreaterThan(0.02);
    expect(byClass('overdue') / classified).toBeLessThan(0.15);
    expect(cases.some((c) => c.truth.statutoryOverdue)).toBe(true);
  });

  it('cases come in at windows, online, on mobile and by post, and agencies open their own', () => {
    const channels = new Set(cases.map((c) => c.events[0]!.channel));
    expect(channels).toEqual(new Set(['window', 'online', 'mobile', 'post', 'other']));
    expect(share(cases.filter((c) => c.events[0]!.channel === 'window').length)).toBeGreaterThan(0.3);
    expect(cases.some((c) => c.events[0]!.windowId?.startsWith('bl-t'))).toBe(true);
  });

  it('supplements come before and after acceptance, pauses and extensions occur, some cases are forwarded or withdrawn', () => {
    const before = cases.filter((c) => c.events.findIndex((e) => e.type === 'SupplementRequested') < c.events.findIndex((e) => e.type === 'CaseAccepted') && c.events.some((e) => e.type === 'SupplementRequested'));
    expect(share(before.length)).toBeGreaterThan(0.02);
    expect(count((e) => e.type === 'SupplementRequested')).toBeGreaterThan(before.length + 100);
    expect(count((e) => e.type === 'CaseSuspended')).toBeGreaterThan(50);
    expect(count((e) => e.type === 'SpecialProcedureStarted' && e.payload.kind === '2')).toBeGreaterThan(100);
    expect(count((e) => e.type === 'SpecialProcedureStarted' && e.payload.kind === '1')).toBeGreaterThan(50);
    expect(count((e) => e.type === 'CaseForwarded')).toBeGreaterThan(50);
    expect(count((e) => e.type === 'CaseWithdrawn')).toBeGreaterThan(50);
    expect(count((e) => e.type === 'CasePreReviewed')).toBeGreaterThan(1000);
  });

  it('every special procedure of type 2 carries an ALL Art. 45 name, unless IR06 is injected', () => {
    const clean = cases.filter((c) => c.truth.labels.every((l) => l.rule !== 'IR06')).flatMap((c) => c.events);
    const names = new Set(clean.flatMap((e) => (e.type === 'SpecialProcedureStarted' && e.payload.kind === '2' ? [e.payload.name] : [])));
    expect([...names].every((n) => ['听证', '招标', '拍卖', '检验', '检测', '检疫', '鉴定', '专家评审'].includes(n))).toBe(true);
    expect(names.size).toBeGreaterThanOrEqual(6);
  });

  it('cases end with every result code but 5, are refused now and then, delivered mostly, and rated at all five levels', () => {
    const codes = new Set(events.flatMap((e) => (e.type === 'CaseConcluded' ? [e.payload.resultCode] : [])));
    expect(codes).toEqual(new Set(['0', '1', '2', '3', '6', '7']));
    expect(share(count((e) => e.type === 'AcceptanceRefused'))).toBeGreaterThan(0.01);
    expect(count((e) => e.type === 'ResultDelivered') / count((e) => e.type === 'CaseConcluded')).toBeGreaterThan(0.8);
    const levels = events.flatMap((e) => (e.type === 'RatingSubmitted' ? [e.payload.level] : []));
    for (const level of [1, 2, 3, 4, 5]) expect(levels.filter((l) => l === level).length, `level ${level}`).toBeGreaterThan(10);
    expect(levels.filter((l) => l === 1).length).toBeGreaterThan(levels.length / 2);
    expect(count((e) => e.type === 'ComplaintFiled')).toBe(count((e) => e.type === 'ComplaintHandled'));
    expect(count((e) => e.type === 'ComplaintFiled')).toBeGreaterThan(20);
  });

  it('fees are charged at the catalogue standard and sum to the conclusion total on clean cases', () => {
    const clean = cases.filter((c) => c.truth.labels.every((l) => l.rule !== 'IR12'));
    for (const c of clean) {
      const fees = c.events.flatMap((e) => (e.type === 'FeeCharged' ? [Math.round(e.payload.amount * 100)] : []));
      const concluded = c.events.find((e) => e.type === 'CaseConcluded');
      if (concluded?.type === 'CaseConcluded') expect(Math.round((concluded.payload.feeTotal ?? 0) * 100)).toBe(fees.reduce((a, b) => a + b, 0));
    }
    expect(count((e) => e.type === 'FeeCharged')).toBeGreaterThan(500);
  });
});
