import type { SimMatter } from './county-matters.ts';
import { ALL_45_PROCEDURES } from './county-catalogue.ts';
import { pausePlan, type PauseKind, type Plan, type PausePlan, type ResultCode } from './plan.ts';
import { dropLatePauses, fitBudget, lengthen, offsetOfStep, usedDays } from './plan-budget.ts';
import type { Injection } from './rates.ts';
import type { Rng } from './rng.ts';

/** The injected fault of a case: its kind, the clause of the rule it breaks, and a step it targets. */
export interface Inject {
  kind: Injection;
  variant: string;
  step: number;
}

export const approvedCode = (m: SimMatter): ResultCode => (m.version.matterType === '01' && !m.resultName.endsWith('证') ? '6' : '0');

/**
 * Bends an ordinary plan so the case breaks exactly one rule of domain.md §4. Faults that change
 * timing start from a plan without pauses or extensions, so the only overrun is the injected one.
 */
export function injectIntoPlan(rng: Rng, kind: Injection, plan: Plan, m: SimMatter): Inject {
  const inject: Inject = { kind, variant: kind, step: -1 };
  plan.withdraw = null;
  noForwarding(plan);
  if (kind !== 'IR01' && kind !== 'IR19') plan.refuse = null;
  const promised = m.version.promisedLimit.value;
  const statutory = m.version.statutoryLimit.value;
  switch (kind) {
    case 'IR01':
      if (!m.agencyInitiated && rng.chance(0.5)) (plan.refuse = { reason: 'short' }), (inject.variant = 'refusal-reason');
      else (plan.result = m.instant ? '1' : rng.pick(['7', '1', '2'] as const)), (plan.resultReason = false), (inject.variant = 'conclusion-reason');
      break;
    case 'IR02':
      inject.variant = rng.pick(['step-before-acceptance', 'missing-step', 'approver-role', 'same-person', 'time-reversed']);
      noForwarding(plan);
      if (inject.variant === 'missing-step') plan.stepsToRun = plan.steps.length - 1;
      // Work begun before acceptance on the day of receipt: the clock's start is the same either way.
      if (inject.variant === 'step-before-acceptance') Object.assign(plan, { decisionDelay: 0, preSupplement: null });
      if (inject.variant === 'time-reversed') (plan.result = approvedCode(m)), (plan.delivery = { delay: 0 });
      break;
    case 'IR03':
      // A late decision alone: a pause or extension could fall after the (earlier) due date.
      plainTiming(plan);
      plan.channel = !m.version.online ? 'post' : rng.chance(0.7) ? 'online' : 'mobile';
      plan.windowIndex = -1;
      plan.decisionDelay = rng.int(6, 9);
      plan.preSupplement = null;
      break;
    case 'IR04':
    case 'IR05':
      for (const s of plan.steps) if (s.pause?.kind === 'supplement') s.pause = null;
      plan.preSupplement = { notices: kind === 'IR04' ? 2 : 1, returnDelay: rng.int(2, 6), extraMaterial: kind === 'IR05' };
      break;
    case 'IR06':
      inject.variant = pauseFault(rng, plan, m);
      break;
    case 'IR07':
      inject.variant = overlongPause(rng, plan, m);
      break;
    case 'IR08':
    case 'overduePromised':
    case 'overdueStatutory':
    case 'IR10':
    case 'IR13':
    case 'IR18':
      plainTiming(plan);
      inject.variant = timingFault(rng, kind, plan, m, promised, statutory);
      break;
    default:
      aftercareFault(rng, kind, plan, m, inject);
  }
  dropLatePauses(plan, promised + Math.min(plan.extension?.days ?? 0, m.version.jointHandling ? 15 : 10));
  return inject;
}

function plainTiming(plan: Plan): void {
  plan.steps.forEach((s) => (s.pause = null));
  plan.extension = null;
  noForwarding(plan);
}

/** Faults of the conclusion need a concluded case, not one forwarded to the city. */
function noForwarding(plan: Plan): void {
  plan.forward = null;
  plan.stepsToRun = plan.steps.length;
}

function pauseFault(rng: Rng, plan: Plan, m: SimMatter): string {
  const allowed = m.version.allowedSpecialProcedures;
  const variants = ['special-unlisted-name', 'special-not-allowed', 'suspension-no-reason', 'suspension-no-approver'];
  if (allowed.length > 0) variants.push('special-no-reason', 'special-no-approver');
  const variant = rng.pick(variants);
  const kind: PauseKind = variant.startsWith('special') ? 'special' : 'suspension';
  const pause = firstStepPause(rng, plan, m, kind);
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
  const variants = ['suspension-overlong', ...(special ? ['special-overlong'] : []), ...(lastHasDays ? ['open-at-conclusion'] : [])];
  const variant = rng.pick(variants);
  const kind: PauseKind = variant === 'special-overlong' || (variant === 'open-at-conclusion' && special && rng.chance(0.5)) ? 'special' : 'suspension';
  const pause = firstStepPause(rng, plan, m, kind);
  if (variant === 'special-overlong') pause.length = pause.limit + rng.int(1, 5);
  if (variant === 'suspension-overlong') pause.length = rng.int(31, 40);
  if (variant === 'open-at-conclusion') {
    // Open through the conclusion: put it in the last step, with a day left on the clock.
    pause.open = true;
    plan.steps[0]!.pause = null;
    plan.steps[plan.stepsToRun - 1]!.pause = pause;
    fitBudget(plan, m.version.promisedLimit.value - 1);
  }
  return variant;
}

/** A pause at the very start of the first step: the clock then always has days left (§3.2 step 4). */
function firstStepPause(rng: Rng, plan: Plan, m: SimMatter, kind: PauseKind): PausePlan {
  plan.steps.forEach((s) => (s.pause = null));
  plan.steps[0]!.idle = 0;
  // ALL Art. 43 counts plain days to forwarding, so a paused case is not forwarded.
  noForwarding(plan);
  const allowed = m.version.allowedSpecialProcedures.length > 0 ? m.version.allowedSpecialProcedures : ['专家评审'];
  const pause = pausePlan(rng, kind, 0, allowed, m.version.matterType === '01');
  plan.steps[0]!.pause = pause;
  return pause;
}

function timingFault(rng: Rng, kind: Injection, plan: Plan, m: SimMatter, promised: number, statutory: number): string {
  const j = rng.int(0, plan.stepsToRun - 1);
  if (kind === 'IR08') {
    plan.steps[j]!.days = m.version.steps[j]!.limitWorkingDays + rng.int(1, 2);
    fitBudget(plan, promised, j);
    return 'step-over-limit';
  }
  if (kind === 'overduePromised' || kind === 'overdueStatutory') {
    const target = kind === 'overduePromised' ? promised + rng.int(1, Math.min(5, statutory - promised)) : statutory + rng.int(1, 5);
    lengthen(plan, target - usedDays(plan), m.instant || rng.chance(0.5) ? j : -1);
    return kind === 'overduePromised' ? 'promised' : 'statutory';
  }
  if (kind === 'IR13') {
    plan.steps.forEach((s) => ((s.idle = 0), (s.days = 0)));
    plan.finalIdle = 0;
    return 'too-fast';
  }
  return kind === 'IR10' ? lateForwarding(rng, plan, m, promised) : extensionFault(rng, plan, m, promised);
}

function lateForwarding(rng: Rng, plan: Plan, m: SimMatter, promised: number): string {
  plan.stepsToRun = 1;
  plan.steps[0]!.idle = 0;
  const days = plan.steps[0]!.days;
  const lo = m.version.steps[0]!.limitWorkingDays - days + 1;
  const hi = Math.min(20, promised) - days;
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

function aftercareFault(rng: Rng, kind: Injection, plan: Plan, m: SimMatter, inject: Inject): void {
  const approved = approvedCode(m);
  switch (kind) {
    case 'IR11':
      plan.result = approved;
      plan.delivery = { delay: rng.int(11, 20) };
      inject.variant = 'late-delivery';
      break;
    case 'IR12':
      plan.result = approved;
      noForwarding(plan);
      inject.variant = m.version.charges ? rng.pick(['unknown-item', 'over-standard', 'over-quantity', 'total-mismatch']) : 'fee-not-chargeable';
      break;
    case 'IR14':
      inject.variant = 'batch-entry';
      break;
    case 'IR15':
      inject.step = rng.int(0, plan.stepsToRun - 1);
      inject.variant = 'step-end-before-start';
      break;
    case 'IR16':
      inject.variant = rng.chance(0.5) ? 'window-submission' : 'manual-entry';
      break;
    case 'IR17':
      plan.visitRating = null;
      plan.rating = { level: rng.pick([4, 5]), delay: rng.int(0, 3) };
      inject.variant = 'bad-rating-unrectified';
      break;
    case 'IR19':
      plan.refuse = { reason: 'full' };
      inject.variant = rng.chance(0.6) ? 'resubmitted-and-accepted' : 'complaint-upheld';
      break;
    case 'IR20':
      plan.result = '7';
      noForwarding(plan);
      inject.variant = 'result-rewritten';
      break;
    default:
      throw new Error(`no plan for injection ${kind}`);
  }
}
