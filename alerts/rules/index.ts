import { caseOverdue } from './case-overdue.ts';
import { caseYellow } from './case-yellow.ts';
import { ir01ReasonsMissing } from './ir01-reasons-missing.ts';
import { ir02ImpossibleSequence } from './ir02-impossible-sequence.ts';
import { ir03AcceptanceLate } from './ir03-acceptance-late.ts';
import { ir04RepeatedSupplementNotice } from './ir04-repeated-supplement-notice.ts';
import { ir05SupplementMismatch } from './ir05-supplement-mismatch.ts';
import { ir06PauseWithoutBasis } from './ir06-pause-without-basis.ts';
import { ir07PauseTooLong } from './ir07-pause-too-long.ts';
import { ir10ForwardingLate } from './ir10-forwarding-late.ts';
import { ir11DeliveryLate } from './ir11-delivery-late.ts';
import { ir11DeliveryMissing } from './ir11-delivery-late.ts';
import { ir12FeeIrregularities } from './ir12-fee-irregularities.ts';
import { ir13ImplausiblyFast } from './ir13-implausibly-fast.ts';
import { ir14ReportingLag } from './ir14-reporting-lag.ts';
import { ir15BackdatedTimestamps } from './ir15-backdated-timestamps.ts';
import { ir16NotHandledOnline } from './ir16-not-handled-online.ts';
import { ir17BadRatingUnrectified } from './ir17-bad-rating-unrectified.ts';
import { ir18ExtensionIrregular } from './ir18-extension-irregular.ts';
import { ir19WrongfulRefusal } from './ir19-wrongful-refusal.ts';
import { ir19WrongfulRefusalMaskedApplicant } from './ir19-wrongful-refusal.ts';
import { ir20SilentRewrite } from './ir20-silent-rewrite.ts';
import { ratingBad } from './rating-bad.ts';
import { statutoryOverdue } from './statutory-overdue.ts';
import { stepOverdue } from './step-overdue.ts';
import { stepYellow } from './step-yellow.ts';
import type { Rule } from '../rule.ts';

/**
 * Every warning rule, in evaluation order: the clocks first (domain.md §3.3), then the
 * irregularities IR01–IR20 (§4), with RATING-BAD, the rectification notice of a bad rating (§5),
 * beside IR17. A rule is data plus a query; adding one is one line here.
 */
export const rules: readonly Rule[] = [
  caseOverdue,
  caseYellow,
  ir01ReasonsMissing,
  ir02ImpossibleSequence,
  ir03AcceptanceLate,
  ir04RepeatedSupplementNotice,
  ir05SupplementMismatch,
  ir06PauseWithoutBasis,
  ir07PauseTooLong,
  ir10ForwardingLate,
  ir11DeliveryLate,
  ir11DeliveryMissing,
  ir12FeeIrregularities,
  ir13ImplausiblyFast,
  ir14ReportingLag,
  ir15BackdatedTimestamps,
  ir16NotHandledOnline,
  ir17BadRatingUnrectified,
  ratingBad,
  ir18ExtensionIrregular,
  ir19WrongfulRefusal,
  ir19WrongfulRefusalMaskedApplicant,
  ir20SilentRewrite,
  statutoryOverdue,
  stepOverdue,
  stepYellow,
];

export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.id === id);
}
