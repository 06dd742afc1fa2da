import type { Channel } from './case-builder.ts';
import type { SimMatter } from './county-matters.ts';
import { dropLatePauses, fitBudget } from './plan-budget.ts';
import { addAftercare, addOptionalHandling, extendOverrun } from './plan-options.ts';
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

/** 出证办结 when a certificate is issued, otherwise 准予许可 for a licence (BJJGDM, S11). */
export const approvedCode = (m: SimMatter): ResultCode => (m.version.matterType === '01' && !m.resultName.endsWith('证') ? '6' : '0');

/** Faults of the conclusion need a concluded case, not one forwarded to the city. */
export function noForwarding(plan: Plan): void {
  plan.forward = null;
  plan.stepsToRun = plan.steps.length;
}

/** A plan whose timing nothing but the injected fault disturbs: no pauses, extension or forwarding. */
export function plainTiming(plan: Plan): void {
  plan.steps.forEach((s) => (s.pause = null));
  plan.extension = null;
  noForwarding(plan);
}

function resultOf(rng: Rng, rates: Rates, matter: SimMatter): ResultCode {
  const x = rng.float();
  const approved = approvedCode(matter);
  if (matter.agencyInitiated) return x < rates.voided ? '2' : '0';
  if (matter.instant) return x < rates.returned ? '1' : '0';
  const cut = [rates.denial, rates.returned, rates.voided, rates.deleted];
  const codes: ResultCode[] = ['7', '1', '2', '3'];
  let acc = 0;
  for (let i = 0; i < cut.length; i++) if (x < (acc += cut[i]!)) return codes[i]!;
  return approved;
}
