import { describe, expect, it } from 'vitest';
import type { RuleId } from './ledger.ts';
import { judge } from './oracle/index.ts';
import { defaultRates, INJECTIONS, parseRates } from './rates.ts';
import { simulateCounty } from './simulate.ts';

const ALL_RULES = Array.from({ length: 20 }, (_, i) => `IR${String(i + 1).padStart(2, '0')}`) as RuleId[];
const everything = parseRates({ irregularities: Object.fromEntries(INJECTIONS.map((k) => [k, 0.045])) });
const sorted = (s: Set<string>) => [...s].sort();

describe('given cases with every irregularity injected at 4.5 %', () => {
  const sim = simulateCounty({ seed: 77, cases: 6000, rates: everything });
  const cases = [...sim.cases];
  const verdicts = judge(sim.reference, cases);
  const labels = cases.flatMap((c) => c.truth.labels);

  it('every rule IR01–IR20 appears among the labels, and IR09 in both kinds (promised, statutory)', () => {
    const rules = new Set(labels.map((l) => l.rule));
    expect(ALL_RULES.filter((r) => !rules.has(r))).toEqual([]);
    expect(new Set(labels.filter((l) => l.rule === 'IR09').map((l) => l.variant))).toEqual(new Set(['promised', 'statutory']));
  });

  it('every 差评 is labelled RATING-BAD, with the rating as its evidence', () => {
    const bad = cases.flatMap((c) => c.events.filter((e) => e.type === 'RatingSubmitted' && e.payload.level >= 4).map((e) => e.eventId));
    const noticed = labels.filter((l) => l.rule === 'RATING-BAD').flatMap((l) => l.evidenceEventIds);
    expect(bad.length).toBeGreaterThan(0);
    expect(noticed.sort()).toEqual(bad.sort());
  });

  it('every rule is injected through each of its clauses', () => {
    const variants = (rule: RuleId) => new Set(labels.filter((l) => l.rule === rule).map((l) => l.variant));
    expect(variants('IR02')).toEqual(new Set(['step-before-acceptance', 'missing-step', 'approver-role', 'same-person', 'time-reversed']));
    expect(variants('IR07')).toEqual(new Set(['special-overlong', 'suspension-overlong', 'open-at-conclusion']));
    expect(variants('IR12')).toEqual(new Set(['fee-not-chargeable', 'unknown-item', 'over-standard', 'over-quantity', 'total-mismatch']));
    expect(variants('IR18')).toEqual(new Set(['late', 'too-long', 'no-reason']));
    expect(variants('IR19')).toEqual(new Set(['resubmitted-and-accepted', 'complaint-upheld']));
  });

  it('each labelled case really violates its rules, and no other rule (checks written from domain.md §4)', () => {
    const wrong = verdicts.filter((v) => sorted(v.found).join() !== sorted(v.labelled).join());
    expect(wrong.map((v) => `${v.caseId}: labelled ${sorted(v.labelled)} found ${sorted(v.found)}`)).toEqual([]);
  });

  it('every evidence event id belongs to the case, or for IR19 to the resubmitted case', () => {
    const ids = new Map(cases.map((c) => [c.truth.caseId, new Set(c.events.map((e) => e.eventId))]));
    for (const c of cases) {
      const own = ids.get(c.truth.caseId)!;
      const related = (c.truth.relatedCaseIds ?? []).flatMap((id) => [...ids.get(id)!]);
      for (const l of c.truth.labels) {
        expect(l.evidenceEventIds.length, `${c.truth.caseId} ${l.rule}`).toBeGreaterThan(0);
        for (const id of l.evidenceEventIds) expect(own.has(id) || related.includes(id), `${c.truth.caseId} ${l.rule} ${id}`).toBe(true);
      }
    }
  });

  it('the labelled classification, due dates and working days used agree with an independent clock', () => {
    const byId = new Map(cases.map((c) => [c.truth.caseId, c.truth]));
    for (const v of verdicts) {
      const t = byId.get(v.caseId)!;
      if (t.classification === undefined) continue;
      expect({ c: v.clock?.classification, used: v.clock?.used, due: v.clock?.due ?? undefined, statutory: v.clock?.statutoryDue ?? undefined }, v.caseId).toEqual({
        c: t.classification,
        used: t.usedWorkingDays,
        due: t.dueDate,
        statutory: t.statutoryDueDate,
      });
    }
  });
});

describe('given cases at the default rates', () => {
  const sim = simulateCounty({ seed: 78, cases: 6000, rates: defaultRates });
  const cases = [...sim.cases];
  const verdicts = judge(sim.reference, cases);

  it('most cases carry no label, and none of those violates a deterministic rule', () => {
    const clean = verdicts.filter((v) => v.labelled.size === 0);
    expect(clean.length / verdicts.length).toBeGreaterThan(0.8);
    expect(clean.filter((v) => v.found.size > 0).map((v) => `${v.caseId}: ${sorted(v.found)}`)).toEqual([]);
  });

  it('the labelled ones violate exactly what they are labelled with', () => {
    const wrong = verdicts.filter((v) => v.labelled.size > 0 && sorted(v.found).join() !== sorted(v.labelled).join());
    expect(wrong.map((v) => v.caseId)).toEqual([]);
  });
});

describe('given no injected irregularities', () => {
  const sim = simulateCounty({ seed: 79, cases: 3000, rates: parseRates({ irregularities: Object.fromEntries(INJECTIONS.map((k) => [k, 0])), ratingLevels: [0.8, 0.15, 0.05, 0, 0] }) });
  const verdicts = judge(sim.reference, [...sim.cases]);

  it('no case is labelled and no check finds anything', () => {
    expect(verdicts.filter((v) => v.labelled.size > 0 || v.found.size > 0).map((v) => v.caseId)).toEqual([]);
  });
});
