/** Thresholds of the rules: all [PROPOSED] in domain.md §4 and configurable. */
export interface RuleThresholds {
  /** IR14: recorded − occurred longer than this many working days. */
  reportingLagWorkingDays: number;
  /** IR15: occurred later than recorded by more than this many minutes. */
  futureToleranceMinutes: number;
  /** IR01: a refusal reason shorter than this many characters counts as no reason. */
  minReasonChars: number;
  /** IR07: suspension longer than this many working days. */
  suspensionMaxWorkingDays: number;
  /** IR10: forwarding later than this many working days after acceptance (ALL Art. 43). */
  forwardingWorkingDays: number;
  /** IR11: certificate delivered later than this many working days after conclusion (ALL Art. 44). */
  deliveryWorkingDays: number;
  /** IR13: implausibly fast: net minutes per human step, and the floor. */
  fastMinutesPerStep: number;
  fastFloorMinutes: number;
  /** IR17: a bad rating not rectified within this many working days (S23: 15; S24: 5). */
  ratingRectifyWorkingDays: number;
  /** IR18: the largest extension (ALL Art. 42). */
  extensionMax: { normal: number; joint: number };
  /** IR19: a resubmission accepted within this many working days after a refusal. */
  resubmissionWorkingDays: number;
}

export const defaultThresholds: RuleThresholds = Object.freeze({
  reportingLagWorkingDays: 1,
  futureToleranceMinutes: 5,
  minReasonChars: 10,
  suspensionMaxWorkingDays: 30,
  forwardingWorkingDays: 20,
  deliveryWorkingDays: 10,
  fastMinutesPerStep: 2,
  fastFloorMinutes: 10,
  ratingRectifyWorkingDays: 15,
  extensionMax: Object.freeze({ normal: 10, joint: 15 }),
  resubmissionWorkingDays: 10,
}) as RuleThresholds;
