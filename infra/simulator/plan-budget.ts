import type { Plan } from './plan.ts';

/** Working days the clock counts from the anchor to the end (pauses excluded by construction). */
export function usedDays(plan: Plan): number {
  if (plan.forward) return plan.steps[0]!.idle + plan.steps[0]!.days + plan.forward.delay;
  let used = plan.finalIdle;
  for (let j = 0; j < plan.stepsToRun; j++) used += plan.steps[j]!.idle + plan.steps[j]!.days;
  return used;
}

/** Counted working days before step j starts (its idle included). */
export function offsetOfStep(plan: Plan, j: number): number {
  let used = 0;
  for (let i = 0; i < j; i++) used += plan.steps[i]!.idle + plan.steps[i]!.days;
  return used + plan.steps[j]!.idle;
}

/**
 * Shortens waits, then step durations, until the case fits its promised limit: an ordinary case
 * never runs over by accident, so overruns happen only where an injection labels them. Step
 * `keep` is left alone (the step an IR08 injection lengthened).
 */
export function fitBudget(plan: Plan, limit: number, keep = -1): void {
  let excess = usedDays(plan) - limit;
  while (excess > 0 && plan.finalIdle > 0) plan.finalIdle--, excess--;
  for (let j = plan.stepsToRun - 1; j >= 0 && excess > 0; j--) {
    const s = plan.steps[j]!;
    const cut = Math.min(s.idle, excess);
    s.idle -= cut;
    excess -= cut;
  }
  while (excess > 0) {
    let longest = -1;
    for (let j = 0; j < plan.stepsToRun; j++) {
      if (j !== keep && plan.steps[j]!.days > 0 && (longest < 0 || plan.steps[j]!.days > plan.steps[longest]!.days)) longest = j;
    }
    if (longest < 0) return;
    const s = plan.steps[longest]!;
    s.days--;
    if (s.pause && s.pause.offset > s.days) s.pause.offset = s.days;
    excess--;
  }
}

/**
 * Keeps every pause starting while days remain on the clock: a pause begun once the limit is
 * used up would not move the due date (domain.md §3.2 step 4), which the ledger does not model.
 */
export function dropLatePauses(plan: Plan, limit: number): void {
  for (let j = 0; j < plan.stepsToRun; j++) {
    const s = plan.steps[j]!;
    if (s.pause && offsetOfStep(plan, j) + s.pause.offset >= limit) {
      s.pause.offset = 0;
      if (offsetOfStep(plan, j) >= limit) s.pause = null;
    }
  }
}

/** Adds working days where a case waits (before its last step, or before conclusion) or inside one step. */
export function lengthen(plan: Plan, days: number, intoStep: number): void {
  if (days <= 0) return;
  if (intoStep >= 0) plan.steps[intoStep]!.days += days;
  else if (plan.stepsToRun > 1) plan.steps[plan.stepsToRun - 1]!.idle += days;
  else plan.finalIdle += days;
}
