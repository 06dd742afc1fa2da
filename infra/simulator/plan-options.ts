import type { SimMatter } from './county-matters.ts';
import { lengthen, usedDays } from './plan-budget.ts';
import type { PauseKind, PausePlan, Plan } from './plan.ts';
import type { Rates } from './rates.ts';
import { cumulative, type Rng } from './rng.ts';

/** At most one pause, one extension, a forwarding or a withdrawal, each at its rate. */
export function addOptionalHandling(rng: Rng, rates: Rates, matter: SimMatter, plan: Plan): void {
  const v = matter.version;
  if (matter.forwardable && rng.chance(rates.forwarding)) {
    plan.forward = { delay: 0 };
    plan.stepsToRun = 1;
    plan.steps[0]!.idle = 0;
    return;
  }
  const x = rng.float();
  // A pause stops a step's clock only while the step has days left (§3.2 steps 4 and 9).
  const pausable = v.steps.flatMap((s, i) => (s.limitWorkingDays >= 1 ? [i] : []));
  const j = rng.pick(pausable);
  const special = v.allowedSpecialProcedures.length > 0 ? rates.specialProcedure : 0;
  const cuts = [rates.postAcceptanceSupplement * (plan.preSupplement ? 0 : 1), special, rates.suspension];
  const kinds: PauseKind[] = ['supplement', 'special', 'suspension'];
  let acc = 0;
  for (let k = 0; k < kinds.length; k++) {
    if (x >= (acc += cuts[k]!)) continue;
    const maxOffset = Math.min(plan.steps[j]!.days, v.steps[j]!.limitWorkingDays - 1);
    plan.steps[j]!.pause = pausePlan(rng, kinds[k]!, maxOffset, v.allowedSpecialProcedures, v.matterType === '01');
    break;
  }
  if (v.promisedLimit.value >= 2 && rng.chance(rates.extension)) plan.extension = { atStep: 0, days: rng.pick([3, 5, 10]), reason: true };
  if (rng.chance(rates.withdrawal)) {
    const free = plan.steps.findIndex((s) => s.pause === null);
    plan.withdraw = plan.preSupplement && rng.chance(0.5) ? { atStep: -1, offset: 0 } : free >= 0 ? { atStep: free, offset: rng.int(0, plan.steps[free]!.days) } : null;
  }
}

/**
 * An extension is asked for because the case will run over: it starts on the first step, before
 * the due date, and the case then uses 1 to all of the extra days, waiting before its last step.
 */
export function extendOverrun(rng: Rng, plan: Plan, promised: number): void {
  const days = Math.min(plan.extension!.days, 10);
  lengthen(plan, promised - usedDays(plan) + rng.int(1, days), -1);
}

export function pausePlan(rng: Rng, kind: PauseKind, maxOffset: number, allowed: readonly string[], licence: boolean): PausePlan {
  // One system fixes special procedures at 10 working days for licences and 5 for services [S37].
  const limit = kind === 'special' ? (licence ? 10 : 5) * rng.pick([1, 1, 2]) : 0;
  const length = kind === 'special' ? rng.int(1, limit) : kind === 'suspension' ? rng.int(2, 15) : rng.int(1, 8);
  const name = kind === 'special' && allowed.length > 0 ? rng.pick(allowed) : '';
  return { kind, offset: rng.int(0, maxOffset), length, open: false, limit, name, reason: true, approver: true };
}

/** Delivery, ratings and complaints once the case is decided. */
export function addAftercare(rng: Rng, rates: Rates, matter: SimMatter, plan: Plan): void {
  if (plan.refuse || plan.withdraw || plan.forward) return;
  if (['0', '6', '7'].includes(plan.result) && rng.chance(rates.delivery)) {
    plan.delivery = { delay: matter.instant || rng.chance(0.4) ? 0 : rng.weighted([0, 0.5, 0.8, 0.9, 0.94, 0.97, 0.99, 1]) };
  }
  if (matter.agencyInitiated) return;
  const level = () => rng.weighted(cumulative(rates.ratingLevels)) + 1;
  if (rng.chance(rates.rating)) {
    if (plan.channel === 'window' && rng.chance(0.35)) plan.visitRating = level();
    else plan.rating = { level: level(), delay: rng.weighted([0.5, 0.8, 0.95, 1]) };
  }
  if (rng.chance(rates.complaint)) plan.complaint = { delay: rng.int(1, 15), handledIn: rng.int(1, 10), substantiated: rng.chance(0.35) };
}
