import type { Channel } from './case-builder.ts';
import type { SimMatter } from './county-matters.ts';
import { dropLatePauses, fitBudget, lengthen, usedDays } from './plan-budget.ts';
import type { Rates } from './rates.ts';
import type { Rng } from './rng.ts';

export type PauseKind = 'supplement' | 'special' | 'suspension';

export interface PausePlan {
  kind: PauseKind;
  /** Counted working days into the step when the pause starts. */
  offset: number;
  /** Working days the case stays paused. */
  length: number;
  /** Never resumed before the conclusion (IR07). */
  open: boolean;
  /** TBCXSX of a special procedure, in working days. */
  limit: number;
  name: string;
  reason: boolean;
  approver: boolean;
}

export interface StepPlan {
  /** Working days the case waits before the step starts. */
  idle: number;
  /** Counted working days the step takes (pause excluded). */
  days: number;
  pause: PausePlan | null;
}

export type ResultCode = '0' | '1' | '2' | '3' | '6' | '7';

/** Every decision about one case, made before any event is built. */
export interface Plan {
  channel: Channel;
  windowIndex: number;
  preReview: boolean;
  /** Working days from submission to the first decision (E3, E4 or E5). */
  decisionDelay: number;
  preSupplement: { notices: number; returnDelay: number; extraMaterial: boolean } | null;
  refuse: { reason: 'full' | 'short' } | null;
  /** Step index at which the applicant withdraws, or -1 for before acceptance (after E5). */
  withdraw: { atStep: number; offset: number } | null;
  steps: StepPlan[];
  stepsToRun: number;
  forward: { delay: number } | null;
  extension: { atStep: number; days: number; reason: boolean } | null;
  finalIdle: number;
  result: ResultCode;
  resultReason: boolean;
  delivery: { delay: number } | null;
  visitRating: number | null;
  rating: { level: number; delay: number } | null;
  complaint: { delay: number; handledIn: number; substantiated: boolean } | null;
}

export function basePlan(rng: Rng, rates: Rates, matter: SimMatter, channel: Channel, windowIndex: number): Plan {
  const v = matter.version;
  const promised = v.promisedLimit.value;
  const online = channel === 'online' || channel === 'mobile';
  const plan: Plan = {
    channel,
    windowIndex,
    preReview: online && rng.chance(rates.preReview),
    decisionDelay: channel === 'window' || channel === 'other' ? 0 : rng.weighted([0.4, 0.8, 0.95, 1]),
    preSupplement: !matter.agencyInitiated && rng.chance(rates.preAcceptanceSupplement) ? { notices: 1, returnDelay: rng.int(1, 8), extraMaterial: false } : null,
    refuse: !matter.agencyInitiated && rng.chance(rates.refusal) ? { reason: 'full' } : null,
    withdraw: null,
    steps: v.steps.map((s) => ({ idle: 0, days: matter.instant ? 0 : Math.min(s.limitWorkingDays, Math.round(s.limitWorkingDays * rng.lognormal(0.6, 0.55))), pause: null })),
    stepsToRun: v.steps.length,
    forward: null,
    extension: null,
    finalIdle: matter.instant ? 0 : rng.weighted([0.8, 1]),
    result: resultOf(rng, rates, matter),
    resultReason: true,
    delivery: null,
    visitRating: null,
    rating: null,
    complaint: null,
  };
  if (!matter.instant) plan.steps.forEach((s, j) => (s.idle = rng.weighted(j === 0 ? [0.75, 1] : [0.7, 0.95, 1])));
  if (!matter.instant) addOptionalHandling(rng, rates, matter, plan);
  fitBudget(plan, promised);
  if (plan.extension) extendOverrun(rng, plan, promised);
  dropLatePauses(plan, promised + (plan.extension?.days ?? 0));
  addAftercare(rng, rates, matter, plan);
  return plan;
}

function resultOf(rng: Rng, rates: Rates, matter: SimMatter): ResultCode {
  const x = rng.float();
  const approved: ResultCode = matter.version.matterType === '01' && !matter.resultName.endsWith('证') ? '6' : '0';
  if (matter.agencyInitiated) return x < rates.voided ? '2' : '0';
  if (matter.instant) return x < rates.returned ? '1' : '0';
  const cut = [rates.denial, rates.returned, rates.voided, rates.deleted];
  const codes: ResultCode[] = ['7', '1', '2', '3'];
  let acc = 0;
  for (let i = 0; i < cut.length; i++) if (x < (acc += cut[i]!)) return codes[i]!;
  return approved;
}

/** At most one pause, one extension, a forwarding or a withdrawal, each at its rate. */
function addOptionalHandling(rng: Rng, rates: Rates, matter: SimMatter, plan: Plan): void {
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
function addAftercare(rng: Rng, rates: Rates, matter: SimMatter, plan: Plan): void {
  if (plan.refuse || plan.withdraw || plan.forward) return;
  if (['0', '6', '7'].includes(plan.result) && rng.chance(rates.delivery)) {
    plan.delivery = { delay: matter.instant || rng.chance(0.4) ? 0 : rng.weighted([0, 0.5, 0.8, 0.9, 0.94, 0.97, 0.99, 1]) };
  }
  if (matter.agencyInitiated) return;
  const level = () => rng.weighted(cumulativeOf(rates.ratingLevels)) + 1;
  if (rng.chance(rates.rating)) {
    if (plan.channel === 'window' && rng.chance(0.35)) plan.visitRating = level();
    else plan.rating = { level: level(), delay: rng.weighted([0.5, 0.8, 0.95, 1]) };
  }
  if (rng.chance(rates.complaint)) plan.complaint = { delay: rng.int(1, 15), handledIn: rng.int(1, 10), substantiated: rng.chance(0.35) };
}

function cumulativeOf(weights: readonly number[]): number[] {
  let s = 0;
  return weights.map((w) => (s += w));
}
