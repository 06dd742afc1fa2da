import { deterministicUuid } from '../ids.ts';
import type { AlertLevel } from './events/index.ts';
import { recordOf, type AlertState } from './state.ts';

/**
 * An alert's id is a function of what it is about, so an evaluator restarted halfway through a run
 * computes the same id again and the store refuses the second AlertRaised as a duplicate.
 * `occurrence` counts the alerts of one (case, rule, level), from 1: a new one only after the last closed.
 */
export function alertIdFor(caseId: string, ruleId: string, level: AlertLevel, occurrence: number): string {
  if (!Number.isSafeInteger(occurrence) || occurrence < 1) throw new RangeError(`occurrence must be a whole number ≥ 1, got ${occurrence}`);
  return deterministicUuid(`alert|${caseId}|${ruleId}|${level}|${occurrence}`);
}

/** S27 and §5: at most one open alert per (case, rule, level); the evaluator indexes open alerts by this key. */
export function openAlertKey(caseId: string, ruleId: string, level: AlertLevel): string {
  return `${caseId}|${ruleId}|${level}`;
}

/** The occurrence number for the next alert of a key, given those already used (closed ones included). */
export function nextOccurrence(previousOccurrences: readonly number[]): number {
  return previousOccurrences.reduce((max, n) => Math.max(max, n), 0) + 1;
}

/** Steps the system takes at most once per alert (a tier is reached, and notified, once), so the step names the event. */
export type SystemStep = 'raised' | `notified|${string}` | `escalated|${string}` | 'auto-closed';

export function systemEventId(alertId: string, step: SystemStep): string {
  return deterministicUuid(`${alertId}|${step}`);
}

/**
 * A person's action is named by where the alert stood and what was asked: a retried request yields
 * the same id (the store keeps it once); a different request at the same revision conflicts instead.
 */
export function actorEventId(alertId: string, revision: number, type: string, actorName: string, payload: unknown): string {
  return deterministicUuid(`${alertId}|${revision}|${type}|${actorName}|${JSON.stringify(payload)}`);
}

/** The key an open alert holds in the evaluator's index, null once closed: the level it was raised at, which fixed its id. */
export function openAlertKeyOf(state: AlertState): string | null {
  const record = recordOf(state);
  if (!record || state.status === 'closed') return null;
  return openAlertKey(record.alert.caseId, record.alert.ruleId, record.alert.raisedLevel);
}
