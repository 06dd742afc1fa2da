/** Rule ids of domain.md §4, and RATING-BAD: the rectification notice a bad rating raises (§5, S16). */
export type RuleId =
  | 'IR01' | 'IR02' | 'IR03' | 'IR04' | 'IR05' | 'IR06' | 'IR07' | 'IR08' | 'IR09' | 'IR10'
  | 'IR11' | 'IR12' | 'IR13' | 'IR14' | 'IR15' | 'IR16' | 'IR17' | 'IR18' | 'IR19' | 'IR20'
  | 'RATING-BAD';

/** One rule a case should trip, with the events that prove it. */
export interface Label {
  rule: RuleId;
  /** Which clause of the rule's machine check, e.g. 'refusal-reason' or, for IR09, 'promised' / 'statutory'. */
  variant: string;
  evidenceEventIds: string[];
}

export type Outcome = 'concluded' | 'forwarded' | 'refused' | 'withdrawn';

export interface StepRecord {
  limit: number;
  startOrd: number;
  endOrd: number;
  /** Working days of pauses inside the step (domain.md §3.2 step 9). */
  pausedDays: number;
  startEventId: string;
  endEventId: string;
}

/**
 * What the lifecycle did to one case, in working-day ordinals: enough to compute its clock
 * (domain.md §3.2) without reading the events back. Filled while the events are built.
 */
export interface Ledger {
  outcome: Outcome;
  instant: boolean;
  promised: number;
  statutory: number;
  jointHandling: boolean;
  /** Clock start: the acceptance date, or the submission date under deemed acceptance (IR03). */
  anchorOrd: number | null;
  anchorEventId: string | null;
  /** Conclusion (E13) or forwarding (E12, 上报/转报办结). */
  endOrd: number | null;
  endEventId: string | null;
  /** Post-acceptance supplements, type-2 special procedures and suspensions; end null = still open. */
  pauses: { startOrd: number; endOrd: number | null }[];
  extension: { startOrd: number; days: number } | null;
  steps: StepRecord[];
  labels: Label[];
  /** Epoch ms at which a real-time feed first reports the case (IR14 batch back-entry). */
  deliverAt: number | null;
  relatedCaseIds: string[];
}

export function newLedger(instant: boolean, promised: number, statutory: number, jointHandling: boolean): Ledger {
  return {
    outcome: 'concluded',
    instant,
    promised,
    statutory,
    jointHandling,
    anchorOrd: null,
    anchorEventId: null,
    endOrd: null,
    endEventId: null,
    pauses: [],
    extension: null,
    steps: [],
    labels: [],
    deliverAt: null,
    relatedCaseIds: [],
  };
}
