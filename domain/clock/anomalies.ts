import type { CivilDate } from '../calendar/index.ts';
import type { ClockAnomaly } from './types.ts';

/**
 * What the clock noticed while placing a case's events. The rules of domain.md §4 decide what each
 * is worth; the codes name the rule they feed where there is one.
 */
export const anomalyCodes = [
  'foreign-event', // an event of another case was passed in
  'duplicate-event', // the same event id twice
  'seq-order-differs', // IR02: business time runs against the per-case sequence
  'no-submission', // no CaseSubmitted: the Art. 32 window cannot be checked
  'event-before-acceptance', // IR02: handling reported before any acceptance decision
  'accepted-again',
  'refused-after-acceptance',
  'supplement-already-requested', // IR04: a second notice while one is open
  'supplement-received-without-request',
  'special-procedure-already-open',
  'special-procedure-end-without-start',
  'special-procedure-too-long', // IR07: longer than its own announced limit
  'suspended-while-suspended',
  'resume-without-suspension',
  'suspension-too-long', // IR07: longer than suspensionMaxDays
  'pause-open-at-end', // IR07: a pause still open when the case ends
  'pause-after-due-date', // §3.2 step 4: does not cure the overrun
  'extension-after-due-date', // IR18
  'extension-beyond-maximum', // IR18, ALL Art. 42
  'extension-unit-differs',
  'event-after-end',
  'step-completed-without-start',
  'step-ends-before-start', // IR15
  'step-not-in-catalogue',
  'step-open-at-end',
  'pause-ends-before-start',
  'no-matter-version-in-force',
  'accepted-limit-differs', // CaseAccepted's 规定办理时限 is not the catalogue's promised limit
  'no-limit',
] as const;

export type AnomalyCode = (typeof anomalyCodes)[number];

export function anomaly(
  code: AnomalyCode,
  on: CivilDate | null,
  eventIds: readonly (string | null)[],
  message: string,
  clock: string | null = null,
): ClockAnomaly {
  return { code, on, eventIds: eventIds.filter((id): id is string => id !== null), clock, message };
}
