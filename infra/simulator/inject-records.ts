import type { Fault } from './inject-plan.ts';
import type { Injection } from './rates.ts';
import { approvedCode, noForwarding, plainTiming } from './plan.ts';

/**
 * Faults in what is recorded rather than in how long things take: reasons, order, intake
 * decisions, fees, channels, ratings, resubmissions and rewrites. The lifecycle reads the
 * variant where it builds the event concerned and labels it there, with the event ids.
 */
export const recordFaults: Record<Extract<Injection, 'IR01' | 'IR02' | 'IR03' | 'IR04' | 'IR05' | 'IR11' | 'IR12' | 'IR14' | 'IR15' | 'IR16' | 'IR17' | 'IR19' | 'IR20'>, Fault> = {
  IR01: (rng, plan, m) => {
    if (!m.agencyInitiated && rng.chance(0.5)) {
      plan.refuse = { reason: 'short' };
      return { variant: 'refusal-reason' };
    }
    plan.result = m.instant ? '1' : rng.pick(['7', '1', '2'] as const);
    plan.resultReason = false;
    return { variant: 'conclusion-reason' };
  },
  IR02: (rng, plan, m) => {
    const variant = rng.pick(['step-before-acceptance', 'missing-step', 'approver-role', 'same-person', 'time-reversed']);
    if (variant === 'missing-step') plan.stepsToRun = plan.steps.length - 1;
    // Work begun before acceptance on the day of receipt: the clock's start is the same either way.
    if (variant === 'step-before-acceptance') Object.assign(plan, { decisionDelay: 0, preSupplement: null });
    if (variant === 'time-reversed') Object.assign(plan, { result: approvedCode(m), delivery: { delay: 0 } });
    return { variant };
  },
  IR03: (rng, plan, m) => {
    // A late decision alone: a pause or extension could fall after the (earlier) due date.
    plainTiming(plan);
    Object.assign(plan, { channel: !m.version.online ? 'post' : rng.chance(0.7) ? 'online' : 'mobile', windowIndex: -1, decisionDelay: rng.int(6, 9), preSupplement: null });
    return { variant: 'late-decision' };
  },
  IR04: (rng, plan) => supplementFault(rng, plan, 2, false),
  IR05: (rng, plan) => supplementFault(rng, plan, 1, true),
  IR11: (rng, plan, m) => {
    Object.assign(plan, { result: approvedCode(m), delivery: { delay: rng.int(11, 20) } });
    return { variant: 'late-delivery' };
  },
  IR12: (rng, plan, m) => {
    plan.result = approvedCode(m);
    return { variant: m.version.charges ? rng.pick(['unknown-item', 'over-standard', 'over-quantity', 'total-mismatch']) : 'fee-not-chargeable' };
  },
  IR14: () => ({ variant: 'batch-entry' }),
  IR15: (rng, plan) => ({ variant: 'step-end-before-start', step: rng.int(0, plan.stepsToRun - 1) }),
  IR16: (rng) => ({ variant: rng.chance(0.5) ? 'window-submission' : 'manual-entry' }),
  IR17: (rng, plan) => {
    Object.assign(plan, { visitRating: null, rating: { level: rng.pick([4, 5]), delay: rng.int(0, 3) } });
    return { variant: 'bad-rating-unrectified' };
  },
  IR19: (rng, plan) => {
    plan.refuse = { reason: 'full' };
    return { variant: rng.chance(0.6) ? 'resubmitted-and-accepted' : 'complaint-upheld' };
  },
  IR20: (_rng, plan) => {
    plan.result = '7';
    noForwarding(plan);
    return { variant: 'result-rewritten' };
  },
};

/** Before acceptance, so the clock is untouched; any supplement after acceptance would be a second E5. */
function supplementFault(rng: Parameters<Fault>[0], plan: Parameters<Fault>[1], notices: number, extraMaterial: boolean) {
  for (const s of plan.steps) if (s.pause?.kind === 'supplement') s.pause = null;
  plan.preSupplement = { notices, returnDelay: rng.int(2, 6), extraMaterial };
  return { variant: notices > 1 ? 'second-notice' : 'unrequested-material' };
}
