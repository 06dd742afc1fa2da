export { classifyAt, classifyStepAt, clockSignal, type Signal, type SignalLevel } from './classify-at.ts';
export { computeCaseClock, type CaseClockInput } from './compute-case-clock.ts';
export { clockConfigSchema, defaultClockConfig, type ClockConfig, type Granularity, type YellowRule } from './config.ts';
export { anomalyCodes, type AnomalyCode } from './anomalies.ts';
export type { LimitUnit } from './axis.ts';
export type { Instant } from './zoned-time.ts';
export type {
  Acceptance,
  AcceptanceBasis,
  CalendarUsed,
  CaseClock,
  CaseKind,
  CaseStatus,
  Classification,
  ClockAnomaly,
  ClockPause,
  ClockState,
  DeemedAcceptance,
  Explanation,
  ExtensionDecision,
  IgnoredPause,
  MatterUsed,
  PauseKind,
  PauseSource,
  StepClock,
  TimeClock,
} from './types.ts';
