import { describe, expect, it } from 'vitest';
import { evaluateSimulation } from '../infra/simulator/evaluate-rules.ts';
import { INJECTIONS, parseRates } from '../infra/simulator/rates.ts';
import { simulateCounty } from '../infra/simulator/simulate.ts';

describe('the rules against a simulated county with every irregularity injected (sunlight simulate --evaluate)', () => {
  it('every deterministic rule finds every labelled case and raises no false alarm', { timeout: 120_000 }, async () => {
    const rates = parseRates({ irregularities: Object.fromEntries(INJECTIONS.map((k) => [k, 0.015])) });
    const { scores } = await evaluateSimulation(simulateCounty({ seed: 11, cases: 2500, rates }));
    const scored = scores.filter((s) => s.deterministic);
    for (const s of scored) {
      expect({ rule: s.ruleId, missed: s.missedCases, falseAlarms: s.falseAlarmCases }).toEqual({ rule: s.ruleId, missed: [], falseAlarms: [] });
    }
    // Every rule of domain.md §4, and the bad-rating notice, was exercised, not just passed vacuously.
    const exercised = scored.filter((s) => s.injected > 0).map((s) => s.ruleId);
    for (const id of ['IR01', 'IR02', 'IR03', 'IR04', 'IR05', 'IR06', 'IR07', 'IR10', 'IR11', 'IR12', 'IR13', 'IR14', 'IR15', 'IR16', 'IR17', 'IR18', 'IR19', 'IR20', 'RATING-BAD', 'STEP-OVERDUE', 'CASE-OVERDUE', 'STATUTORY-OVERDUE']) {
      expect(exercised).toContain(id);
    }
  });
});
