import { civilDateInZone } from '../calendar/index.ts';
import { recordOf, type AlertState, type StandingLevel } from './state.ts';

export interface CountingOptions {
  /** §5: "Yellows are informational by default"; a deployment using Huizhou-style deductions (§6.1) counts them. */
  readonly countYellows?: boolean;
}

/** The level an alert stands at for §6 (red cards, supervision notices), null before it is raised. */
export function levelOf(state: AlertState): StandingLevel | null {
  return recordOf(state)?.standing.level ?? null;
}

/**
 * Whether the alert counts against its department in §6: a dismissed appeal never does (§5 "no score
 * effect"); a red or a notice does, open or closed, since a red stays on record; a yellow only when
 * configured. An upheld appeal changes nothing: the alert counts as its level says.
 */
export function countsAgainstDepartment(state: AlertState, options: CountingOptions = {}): boolean {
  const level = levelOf(state);
  if (level === null) return false;
  if (state.status === 'closed' && state.closedBy === 'dismissed') return false;
  return level === 'yellow' ? options.countYellows === true : true;
}

/**
 * The department's reds in a civil month (YYYY-MM) of the deployment's zone, dismissed ones left out:
 * the count behind §3.3's "3 or more reds for the same department in a month". A red that became a
 * notice still counts in the month it turned red.
 */
export function redsInMonth(states: readonly AlertState[], deptCode: string, month: string, timeZone: string): number {
  return states.filter((state) => {
    const record = recordOf(state);
    if (!record || record.alert.deptCode !== deptCode || !countsAgainstDepartment(state)) return false;
    const { standing } = record;
    if (standing.level === 'yellow') return false;
    const redSince = standing.level === 'red' ? standing.since : standing.redSince;
    return civilDateInZone(redSince, timeZone).slice(0, 7) === month;
  }).length;
}
