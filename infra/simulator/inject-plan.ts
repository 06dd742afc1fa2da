import type { SimMatter } from './county-matters.ts';
import { recordFaults } from './inject-records.ts';
import { timingFaults } from './inject-timing.ts';
import { dropLatePauses } from './plan-budget.ts';
import { noForwarding, type Plan } from './plan.ts';
import type { Injection } from './rates.ts';
import type { Rng } from './rng.ts';

/** The injected fault of a case: its kind, the clause of the rule it breaks, and a step it targets. */
export interface Inject {
  kind: Injection;
  variant: string;
  step: number;
}

/** Bends a plan so the case breaks one rule; returns the clause broken (and a step, for IR15). */
export type Fault = (rng: Rng, plan: Plan, m: SimMatter) => { variant: string; step?: number };

const faults: Record<Injection, Fault> = { ...recordFaults, ...timingFaults };

/**
 * Bends an ordinary plan so the case breaks exactly one rule of domain.md §4. A faulty case is
 * neither withdrawn nor forwarded (unless forwarding is the fault), and only IR01 and IR19 keep
 * a refusal, so the fault is not lost in a case that ends early.
 */
export function injectIntoPlan(rng: Rng, kind: Injection, plan: Plan, m: SimMatter): Inject {
  plan.withdraw = null;
  noForwarding(plan);
  if (kind !== 'IR01' && kind !== 'IR19') plan.refuse = null;
  const { variant, step = -1 } = faults[kind](rng, plan, m);
  dropLatePauses(plan, m.version.promisedLimit.value + Math.min(plan.extension?.days ?? 0, m.version.jointHandling ? 15 : 10));
  return { kind, variant, step };
}
