import type { CalendarFallback, CivilDate } from '../calendar/index.ts';
import type { CaseEventType } from '../events/catalogue.ts';
import type { AnomalyCode } from './anomalies.ts';
import type { LimitUnit } from './axis.ts';
import type { ClockConfig } from './config.ts';
import type { StepClock, TimeClock } from './time-clock.ts';
import type { Instant } from './zoned-time.ts';

export type CaseStatus = 'submitted' | 'awaiting-supplement' | 'running' | 'paused' | 'concluded' | 'refused' | 'withdrawn' | 'forwarded';
export type CaseKind = 'instant' | 'commitment';

export type {
  Classification,
  ClockPause,
  ClockState,
  ExtensionDecision,
  IgnoredPause,
  PauseKind,
  PauseSource,
  StepClock,
  TimeClock,
} from './time-clock.ts';

/** One figure and how it was obtained, shown to supervisors by GET /v1/cases/:id. */
export interface Explanation {
  readonly figure: string;
  readonly value: string | number | boolean | null;
  readonly how: string;
}

/** Something the clock noticed while placing events; data for the irregularity rules. */
export interface ClockAnomaly {
  readonly code: AnomalyCode;
  readonly on: CivilDate | null;
  readonly eventIds: readonly string[];
  /** The clock concerned ('promised', 'statutory', 'step S1#1'), or null for the case. */
  readonly clock: string | null;
  readonly message: string;
}

export interface DeemedAcceptance {
  readonly applied: boolean;
  readonly state: 'not-applicable' | 'pending' | 'applied';
  readonly rule: string;
  readonly receivedOn: CivilDate | null;
  readonly decisionDueOn: CivilDate | null;
  /** From this instant, still without a decision, the case counts as accepted on `receivedOn`. */
  readonly deemedAt: Instant | null;
  readonly decision: { readonly type: CaseEventType; readonly eventId: string; readonly on: CivilDate; readonly late: boolean } | null;
}

export type AcceptanceBasis = 'accepted' | 'supplements-completed' | 'deemed' | 'implied' | 'deemed-if-undecided';

export interface Acceptance {
  readonly basis: AcceptanceBasis;
  readonly on: CivilDate;
  readonly eventId: string | null;
  readonly how: string;
}

export interface MatterUsed {
  readonly source: 'in-force' | 'named-by-events' | 'accepted-limit' | 'none';
  readonly matterCode: string | null;
  readonly version: number | null;
  readonly validFrom: CivilDate | null;
  readonly validTo: CivilDate | null;
  readonly promisedLimit: { readonly value: number; readonly unit: LimitUnit } | null;
  readonly statutoryLimit: { readonly value: number; readonly unit: LimitUnit } | null;
  readonly jointHandling: boolean;
  readonly how: string;
}

export interface CalendarUsed {
  readonly from: CivilDate;
  readonly to: CivilDate;
  readonly years: readonly number[];
  /** Years counted Mon–Fri only because no notice was published for them; null when none. */
  readonly fallback: CalendarFallback | null;
}

export interface CaseClock {
  readonly caseId: string;
  readonly status: CaseStatus;
  readonly kind: CaseKind;
  readonly submittedOn: CivilDate | null;
  /** The legal acceptance date: the day the clocks start from. */
  readonly acceptedOn: CivilDate | null;
  readonly acceptance: Acceptance | null;
  readonly deemedAcceptance: DeemedAcceptance;
  readonly endedOn: CivilDate | null;
  readonly endedBy: { readonly type: CaseEventType; readonly eventId: string; readonly at: Instant } | null;
  readonly promised: TimeClock | null;
  /** Statutory limit + approved extension (§3.2 step 8); null when no catalogue version is known. */
  readonly statutory: TimeClock | null;
  readonly steps: readonly StepClock[];
  readonly matter: MatterUsed;
  readonly calendar: CalendarUsed | null;
  readonly config: ClockConfig;
  readonly eventCount: number;
  readonly lastEvent: { readonly eventId: string; readonly occurredAt: Instant; readonly seq: number } | null;
  readonly explanation: readonly Explanation[];
  readonly anomalies: readonly ClockAnomaly[];
}
