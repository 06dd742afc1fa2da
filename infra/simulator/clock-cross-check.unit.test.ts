import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../../domain/calendar/index.ts';
import { computeCaseClock, defaultClockConfig } from '../../domain/clock/index.ts';
import type { MatterVersion } from '../../domain/events/reference/matter-version-published.ts';
import { INJECTIONS, parseRates } from './rates.ts';
import { simulateCounty } from './simulate.ts';

/** Overruns, pauses, extensions and late decisions are where a clock goes wrong: inject plenty. */
const rates = parseRates({
  irregularities: { ...Object.fromEntries(INJECTIONS.map((k) => [k, 0.02])), IR03: 0.08, IR07: 0.08, IR08: 0.08, IR18: 0.08, overduePromised: 0.1, overdueStatutory: 0.05 },
  postAcceptanceSupplement: 0.1,
  suspension: 0.05,
  specialProcedure: 0.15,
  extension: 0.1,
});

describe('given simulated cases and the case clock of domain/clock', () => {
  const sim = simulateCounty({ seed: 404, cases: 800, rates });
  const matters = new Map<string, MatterVersion>();
  for (const e of sim.reference) if (e.type === 'MatterVersionPublished') matters.set(e.payload.matterCode, e.payload);
  const checked = [...sim.cases].map((c) => ({
    truth: c.truth,
    clock: computeCaseClock({ caseId: c.truth.caseId, events: c.events, matterVersions: [matters.get(c.truth.matterCode)!], calendar: defaultCalendar(), config: defaultClockConfig }),
  }));

  it('every case the generator labels overdue, on time, early or instant, the clock classifies the same, with the same days used', () => {
    const decided = checked.filter((x) => x.truth.classification !== undefined);
    expect(decided.length).toBeGreaterThan(700);
    for (const { truth, clock } of decided) {
      expect({ classification: clock.promised?.classification, used: clock.promised?.usedDays }, truth.caseId).toEqual({ classification: truth.classification, used: truth.usedWorkingDays });
      expect(clock.statutory?.classification === 'overdue', truth.caseId).toBe(truth.statutoryOverdue);
    }
    expect(decided.filter((x) => x.truth.classification === 'overdue').length).toBeGreaterThan(50);
  });

  it('the promised and statutory due dates agree wherever the generator states one', () => {
    for (const { truth, clock } of checked.filter((x) => x.truth.dueDate !== undefined && x.truth.outcome !== 'withdrawn')) {
      expect({ due: clock.promised?.dueDate, statutory: clock.statutory?.dueDate }, truth.caseId).toEqual({ due: truth.dueDate, statutory: truth.statutoryDueDate });
    }
  });

  it('deemed acceptance (IR03) and step overruns (IR08) match the clock', () => {
    for (const { truth, clock } of checked) {
      expect(clock.deemedAcceptance.applied, truth.caseId).toBe(truth.labels.some((l) => l.rule === 'IR03'));
      expect(clock.steps.filter((s) => s.overrun).length, truth.caseId).toBe(truth.labels.filter((l) => l.rule === 'IR08').length);
    }
  });
});
