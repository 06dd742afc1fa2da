import { ALL_45_PROCEDURES } from './county-catalogue.ts';
import type { SimMatter } from './county-matters.ts';
import type { Fault } from './inject-plan.ts';
import { fitBudget, lengthen, offsetOfStep, usedDays } from './plan-budget.ts';
import { pausePlan } from './plan-options.ts';
import { plainTiming, type PauseKind, type PausePlan, type Plan } from './plan.ts';
import type { Injection } from './rates.ts';
import type { Rng } from './rng.ts';

/**
 * Faults of pauses and time. Each starts from a plan without pauses, extension or forwarding,
 * so the only overrun in the case is the injected one; the overruns' own labels (IR08, IR09)
 * come from the case clock afterwards.
 */
export const timingFaults: Record<Extract<Injection, 'IR06' | 'IR07' | 'IR08' | 'overduePromised' | 'overdueStatutory' | 'IR10' | 'IR13' | 'IR18'>, Fault> = {
  IR06: (rng, plan, m) => ({ variant: pauseFault(rng, plan, m) }),
  IR07: (rng, plan, m) => ({ variant: overlongPause(rng, plan, m) }),
  IR08: (rng, plan, m) => {
    plainTiming(plan);
    const j = rng.int(0, plan.stepsToRun - 1);
    plan.steps[j]!.days = m.version.steps[j]!.limitWorkingDays + rng.int(1, 2);
    fitBudget(plan, m.version.promisedLimit.value, j);
    return { variant: 'step-over-limit' };
  },
  overduePromised: (rng, plan, m) => overrun(rng, plan, m, m.version.promisedLimit.value + rng.int(1, Math.min(5, m.version.statutoryLimit.value - m.version.promisedLimit.value)), 'promised'),
  overdueStatutory: (rng, plan, m) => overrun(rng, plan, m, m.version.statutoryLimit.value + rng.int(1, 5), 'statutory'),
  IR10: (rng, plan, m) => {
    plainTiming(plan);
    return { variant: lateForwarding(rng, plan, m) };
  },
  IR13: (_rng, plan) => {
    plainTiming(plan);
    plan.steps.forEach((s) => ((s.idle = 0), (s.days = 0)));
    plan.finalIdle = 0;
    return { variant: 'too-fast' };
  },
  IR18: (rng, plan, m) => {
    plainTiming(plan);
    return { variant: extensionFault(rng, plan, m, m.version.promisedLimit.value) };
  },
};

/** The case runs to `target` counted days, waiting between steps or inside one (then also IR08). */
function overrun(rng: Rng, plan: Plan, m: SimMatter, target: number, variant: string) {
  plainTiming(plan);
  const j = rng.int(0, plan.stepsToRun - 1);
  lengthen(plan, target - usedDays(plan), m.instant || rng.chance(0.5) ? j : -1);
  return { variant };
}

function pauseFault(rng: Rng, plan: Plan, m: SimMatter): string {
  const allowed = m.version.allowedSpecialProcedures;
  const variants = ['special-unlisted-name', 'special-not-allowed', 'suspension-no-reason', 'suspension-no-approver'];
  if (allowed.length > 0) variants.push('special-no-reason', 'special-no-approver');
  const variant = rng.pick(variants);
  const pause = firstStepPause(rng, plan, m, variant.startsWith('special') ? 'special' : 'suspension');
  if (variant === 'special-unlisted-name') pause.name = rng.pick(['领导集体研究', '征求意见', '会议研究', '等待上级批复']);
  if (variant === 'special-not-allowed') pause.name = rng.pick(ALL_45_PROCEDURES.filter((p) => !allowed.includes(p)));
  if (variant.endsWith('no-reason')) pause.reason = false;
  if (variant.endsWith('no-approver')) pause.approver = false;
  return variant;
}

function overlongPause(rng: Rng, plan: Plan, m: SimMatter): string {
  // A special procedure the matter does not allow would also be IR06.
  const special = m.version.allowedSpecialProcedures.length > 0;
  // Left open in the last step, the pause must start while that step has days left (§3.2 step 9).
  const lastHasDays = m.version.steps[plan.steps.length - 1]!.limitWorkingDays >= 1;
  const variant = rng.pick(['suspension-overlong', ...(special ? ['special-overlong'] : []), ...(lastHasDays ? ['open-at-conclusion'] : [])]);
  const kind: PauseKind = variant === 'special-overlong' || (variant === 'open-at-conclusion' && special && rng.chance(0.5)) ? 'special' : 'suspension';
  const pause = firstStepPause(rng, plan, m, kind);
  if (variant === 'special-overlong') pause.length = pause.limit + rng.int(1, 5);
  if (variant === 'suspension-overlong') pause.length = rng.int(31, 40);
  if (variant === 'open-at-conclusion') {
    // Open through the conclusion: in the last step, with a day left on the clock.
    pause.open = true;
    plan.steps[0]!.pause = null;
    plan.steps[plan.stepsToRun - 1]!.pause = pause;
    fitBudget(plan, m.version.promisedLimit.value - 1);
  }
  return variant;
}

/** A pause at the very start of the first step: the clock then always has days left (§3.2 step 4). */
function firstStepPause(rng: Rng, plan: Plan, m: SimMatter, kind: PauseKind): PausePlan {
  plainTiming(plan);
  plan.steps[0]!.idle = 0;
  const allowed = m.version.allowedSpecialProcedures.length > 0 ? m.version.allowedSpecialProcedures : ['专家评审'];
  const pause = pausePlan(rng, kind, 0, allowed, m.version.matterType === '01');
  plan.steps[0]!.pause = pause;
  return pause;
}

function lateForwarding(rng: Rng, plan: Plan, m: SimMatter): string {
  plan.stepsToRun = 1;
  plan.steps[0]!.idle = 0;
  const days = plan.steps[0]!.days;
  const lo = m.version.steps[0]!.limitWorkingDays - days + 1;
  const hi = Math.min(20, m.version.promisedLimit.value) - days;
  if (lo <= hi && rng.chance(0.5)) {
    plan.forward = { delay: rng.int(lo, hi) };
    return 'after-step-limit';
  }
  plan.forward = { delay: rng.int(21, 25) - days };
  return 'over-20-days';
}

function extensionFault(rng: Rng, plan: Plan, m: SimMatter, promised: number): string {
  const variant = rng.pick(['late', 'too-long', 'no-reason']);
  const cap = m.version.jointHandling ? 15 : 10;
  if (variant === 'late') {
    const last = plan.stepsToRun - 1;
    plan.steps[last]!.idle += promised + rng.int(1, 3) - offsetOfStep(plan, last);
    plan.extension = { atStep: last, days: rng.pick([5, 10]), reason: true };
    return variant;
  }
  const days = variant === 'too-long' ? cap + rng.int(1, 5) : rng.pick([3, 5, 10]);
  plan.extension = { atStep: 0, days, reason: variant !== 'no-reason' };
  // An overlong extension counts only up to the ALL Art. 42 maximum; staying under it keeps the
  // case early under either reading.
  lengthen(plan, promised - usedDays(plan) + rng.int(1, Math.min(days, cap) - (variant === 'too-long' ? 1 : 0)), -1);
  return variant;
}
