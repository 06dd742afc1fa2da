import { clockYellows, type Rule, type Violation } from './rule.ts';

/** A label as the simulator writes it: the rule (of domain.md §4, or RATING-BAD) and its clause. */
export interface TruthLabel {
  rule: string;
  variant: string;
}

/**
 * Which of our rules answers a ground-truth label: IR08 is the step clock's red, IR09 the promised
 * or statutory clock's red, every other label (IRnn, RATING-BAD) the rule of the same id.
 */
export function ruleForLabel(label: TruthLabel): string {
  if (label.rule === 'IR08') return 'STEP-OVERDUE';
  if (label.rule === 'IR09') return label.variant === 'statutory' ? 'STATUTORY-OVERDUE' : 'CASE-OVERDUE';
  return label.rule;
}

export interface RuleScore {
  ruleId: string;
  deterministic: boolean;
  injected: number;
  detected: number;
  missed: number;
  falseAlarms: number;
  recall: number | null;
  precision: number | null;
  missedCases: string[];
  falseAlarmCases: string[];
}

/** Per rule: cases labelled vs cases found. Scored by case, as alerts are (one per case, rule, level). */
export function scoreRules(rules: readonly Rule[], found: Map<string, Violation[]>, truth: Map<string, TruthLabel[]>): RuleScore[] {
  const expected = new Map<string, Set<string>>();
  for (const [caseId, labels] of truth) {
    for (const l of labels) {
      const id = ruleForLabel(l);
      (expected.get(id) ?? expected.set(id, new Set()).get(id)!).add(caseId);
    }
  }
  // A clock's yellow depends on the instant the rules run, so the simulator labels none.
  const unlabelled = clockYellows(rules);
  return rules
    .filter((r) => !unlabelled.has(r.id))
    .map((rule) => {
      const want = expected.get(rule.id) ?? new Set<string>();
      const got = new Set((found.get(rule.id) ?? []).map((v) => v.caseId));
      const missedCases = [...want].filter((c) => !got.has(c));
      const falseAlarmCases = [...got].filter((c) => !want.has(c));
      const detected = want.size - missedCases.length;
      return {
        ruleId: rule.id,
        deterministic: rule.deterministic,
        injected: want.size,
        detected,
        missed: missedCases.length,
        falseAlarms: falseAlarmCases.length,
        recall: want.size ? detected / want.size : null,
        precision: got.size ? detected / got.size : null,
        missedCases: missedCases.slice(0, 5),
        falseAlarmCases: falseAlarmCases.slice(0, 5),
      };
    });
}

export function formatScores(scores: RuleScore[]): string {
  const pct = (x: number | null) => (x === null ? '    –' : `${(x * 100).toFixed(1).padStart(5)}%`);
  const lines = scores.map((s) => {
    const ok = !s.deterministic ? 'not scored (heuristic)' : s.missed === 0 && s.falseAlarms === 0 ? 'ok' : 'MISMATCH';
    return `${s.ruleId.padEnd(20)} ${String(s.injected).padStart(8)} ${String(s.detected).padStart(8)} ${String(s.falseAlarms).padStart(8)}  ${pct(s.recall)}  ${pct(s.precision)}  ${ok}`;
  });
  return `${'rule'.padEnd(20)} ${'injected'.padStart(8)} ${'detected'.padStart(8)} ${'false'.padStart(8)}  recall  precis.\n${lines.join('\n')}\n`;
}
