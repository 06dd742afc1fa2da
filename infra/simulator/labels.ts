import type { Label, Ledger, Outcome } from './ledger.ts';
import type { Workdays } from './time.ts';

export type Classification = 'early' | 'on-time' | 'overdue' | 'instant';

/** The ground truth of one case, as the generator computed it with the default calendar. */
export interface CaseTruth {
  caseId: string;
  matterCode: string;
  outcome: Outcome;
  /** Every rule the case should trip; empty for a clean case. */
  labels: Label[];
  /** domain.md §3.2 step 7, for cases that were concluded or forwarded (上报办结). */
  classification?: Classification;
  /** Clock start (acceptance, or submission under deemed acceptance). */
  anchorDate?: string;
  /** Promised due date (24:00 of this date), pauses and the applied extension included. */
  dueDate?: string;
  statutoryDueDate?: string;
  limitWorkingDays?: number;
  usedWorkingDays?: number;
  statutoryOverdue?: boolean;
  /** IR14: when a real-time feed should first report this case's events (ISO instant). */
  deliverAt?: string;
  /** IR19: the later case that resubmitted the refused application. */
  relatedCaseIds?: string[];
}

/** ALL Art. 42: +10 working days, or +15 for joint handling; more is not counted. */
const extensionCap = (ledger: Ledger) => (ledger.jointHandling ? 15 : 10);

/**
 * The case clock of domain.md §3.2 over the ledger's ordinals, and the labels that follow from
 * it: IR08 for steps over their limit, IR09 for promised and statutory overruns.
 */
export function truthOf(caseId: string, matterCode: string, ledger: Ledger, workdays: Workdays): CaseTruth {
  const truth: CaseTruth = { caseId, matterCode, outcome: ledger.outcome, labels: [...ledger.labels] };
  if (ledger.anchorOrd !== null) addClock(truth, ledger, workdays, ledger.anchorOrd);
  for (const s of ledger.steps) {
    if (s.endOrd - s.startOrd - s.pausedDays > s.limit) truth.labels.push({ rule: 'IR08', variant: 'step-over-limit', evidenceEventIds: [s.startEventId, s.endEventId] });
  }
  const evidence = [ledger.anchorEventId!, ledger.endEventId!];
  if (truth.classification === 'overdue') truth.labels.push({ rule: 'IR09', variant: 'promised', evidenceEventIds: evidence });
  if (truth.statutoryOverdue) truth.labels.push({ rule: 'IR09', variant: 'statutory', evidenceEventIds: evidence });
  if (ledger.deliverAt !== null) truth.deliverAt = new Date(ledger.deliverAt + 8 * 3600_000).toISOString().replace('.000Z', '+08:00');
  if (ledger.relatedCaseIds.length > 0) truth.relatedCaseIds = ledger.relatedCaseIds;
  truth.labels.sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
  return truth;
}

function addClock(truth: CaseTruth, ledger: Ledger, workdays: Workdays, anchor: number): void {
  const end = ledger.endOrd;
  const pauseDays = (upTo: number | null) =>
    ledger.pauses.reduce((sum, p) => (p.endOrd !== null && (upTo === null || p.endOrd <= upTo) ? sum + p.endOrd - p.startOrd : sum), 0);
  const open = ledger.pauses.find((p) => p.endOrd === null);
  const ext = ledger.extension;
  // §3.2 steps 5 and 8: an approved extension counts on each clock whose due date it precedes.
  const granted = (base: number) => (ext !== null && ext.startOrd < anchor + base + pauseDays(ext.startOrd) ? Math.min(ext.days, extensionCap(ledger)) : 0);
  const limit = ledger.promised + granted(ledger.promised);
  const statutory = ledger.statutory + granted(ledger.statutory);
  const paused = pauseDays(null);
  truth.anchorDate = workdays.date(anchor);
  truth.limitWorkingDays = limit;
  if (open === undefined) {
    truth.dueDate = workdays.date(anchor + limit + paused);
    truth.statutoryDueDate = workdays.date(anchor + statutory + paused);
  }
  if (end === null) return;
  // A pause still open at the end stops the count where it began.
  const used = end - anchor - paused - (open ? end - open.startOrd : 0);
  truth.usedWorkingDays = used;
  truth.statutoryOverdue = used > statutory;
  if (ledger.instant) truth.classification = end === anchor ? 'instant' : 'overdue';
  else truth.classification = used < limit ? 'early' : used === limit ? 'on-time' : 'overdue';
}
