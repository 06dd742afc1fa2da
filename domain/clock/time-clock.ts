import type { CivilDate } from '../calendar/index.ts';
import type { LimitUnit } from './axis.ts';
import type { Instant } from './zoned-time.ts';

/** `pending`: no acceptance decision yet; the figures are those that apply if acceptance is deemed (ALL Art. 32). */
export type ClockState = 'pending' | 'running' | 'paused' | 'stopped';
/** §3.2 step 7: 提前 / 按时 / 超期 [S26]; `instant` is 即办. */
export type Classification = 'early' | 'on-time' | 'overdue' | 'instant';
export type PauseKind = 'supplement' | 'special-procedure' | 'suspension';

/** One pause as the events report it. */
export interface PauseSource {
  readonly kind: PauseKind;
  readonly from: CivilDate;
  readonly to: CivilDate | null;
  readonly eventIds: readonly string[];
  /** End announced by a special procedure (ALL Art. 45), or the suspension maximum (IR07). */
  readonly allowedUntil: CivilDate | null;
}

/** Overlapping pauses merged into one (§3.2 step 3). The resume day `to` is not counted. */
export interface ClockPause {
  readonly kind: PauseKind;
  readonly kinds: readonly PauseKind[];
  readonly from: CivilDate;
  readonly to: CivilDate | null;
  /** Days excluded while the clock lived, in the clock's unit; null while the pause is open. */
  readonly excludedDays: number | null;
  readonly eventIds: readonly string[];
  readonly sources: readonly PauseSource[];
  /** supplementMode 'restart': the whole limit started again at `to` (S28). */
  readonly restarted: boolean;
}

/** A pause that did not stop the clock: it began with the limit already used (§3.2 step 4). */
export interface IgnoredPause {
  readonly source: PauseSource;
  readonly reason: string;
}

/** A type-1 special procedure (延长审批) and what the clock made of it (§3.2 step 5, ALL Art. 42). */
export interface ExtensionDecision {
  readonly procedureNo: number;
  readonly eventId: string;
  readonly requestedOn: CivilDate;
  readonly requestedDays: number;
  readonly grantedDays: number;
  readonly refusal: 'after-due-date' | 'beyond-maximum' | null;
  /** Why part or all of it was not applied; null when applied in full. */
  readonly refusedReason: string | null;
}

export interface TimeClock {
  readonly state: ClockState;
  readonly unit: LimitUnit;
  readonly granularity: 'day' | 'office-hours';
  /** The anchor day; counting starts the day after (Civil Code Art. 201). */
  readonly startedOn: CivilDate;
  readonly baseLimit: number;
  readonly extensionDays: number;
  /** baseLimit + extensionDays. */
  readonly limit: number;
  readonly extensions: readonly ExtensionDecision[];
  readonly consumedDays: number;
  readonly consumedAsOf: CivilDate;
  /** Null while paused, or when the case ended during a pause. */
  readonly dueDate: CivilDate | null;
  readonly warnDate: CivilDate | null;
  readonly warnAt: Instant | null;
  readonly dueAt: Instant | null;
  readonly overdueAt: Instant | null;
  /** Calendar-day limits only: rest days added because the last day was one (Civil Code Art. 203). */
  readonly graceDays: number;
  readonly stoppedOn: CivilDate | null;
  readonly usedDays: number | null;
  readonly overrunDays: number | null;
  readonly classification: Classification | null;
  readonly pauses: readonly ClockPause[];
  readonly ignoredPauses: readonly IgnoredPause[];
}

/** One run of a catalogue step (a returned step runs again: occurrence 2). */
export interface StepClock {
  readonly stepCode: string;
  readonly stepName: string;
  readonly stepNo: number;
  readonly occurrence: number;
  readonly startedOn: CivilDate;
  readonly completedOn: CivilDate | null;
  readonly eventIds: readonly string[];
  /** Null when the matter version in force has no step with this code. */
  readonly clock: TimeClock | null;
  /** IR08: used more than the step's limit; null while the step is open or its limit unknown. */
  readonly overrun: boolean | null;
}
