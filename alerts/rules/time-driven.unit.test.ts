import { describe, expect, it } from 'vitest';
import { defaultThresholds } from '../rule.ts';
import { rules } from './index.ts';

describe('which rules the scheduled run evaluates', () => {
  // The scheduled run asks only the time-driven rules; after a batch every rule runs, but only for
  // the touched cases. A rule that compares with now and is not marked would miss every deadline
  // that passes with no event; one marked without reading now would be asked every few seconds
  // over every case for nothing.
  it.each(rules.map((r) => [r.id, r] as const))('%s is time-driven exactly when its SQL reads the evaluation instant', (_id, rule) => {
    const readsNow = rule.sql({ now: '2026-06-01T00:00:00+08:00', thresholds: defaultThresholds }).includes('{now:');
    expect(rule.timeDriven === true).toBe(readsNow);
  });

  // A full evaluation keeps a time-driven rule's verdicts only through its wakes: one without them
  // would be asked over every case every time; wakes on a rule that ignores time would be unused.
  it.each(rules.map((r) => [r.id, r] as const))('%s names its wakes exactly when it is time-driven, reading the evaluation instant', (_id, rule) => {
    expect(rule.wakes !== undefined).toBe(rule.timeDriven === true);
    if (rule.wakes) expect(rule.wakes({ now: '2026-06-01T00:00:00+08:00', thresholds: defaultThresholds })).toContain('{now:');
  });
});
