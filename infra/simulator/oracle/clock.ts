import { defaultCalendar } from '../../../domain/calendar/index.ts';
import type { CaseEvent } from '../../../domain/events/catalogue.ts';
import type { MatterVersion } from '../../../domain/events/reference/matter-version-published.ts';

/**
 * An independent reading of domain.md §3.2, used only by the tests to check the generator's
 * ground truth. It reads nothing but the events, the catalogue record and the calendar.
 */
const cal = defaultCalendar();
export const dateOf = (e: CaseEvent): string => e.occurredAt.slice(0, 10);
export const wd = (a: string, b: string): number => cal.workingDaysBetween(a, b);
export const addWd = (d: string, n: number): string => cal.addWorkingDays(d, n);

export interface OracleClock {
  anchor: string;
  deemed: boolean;
  limit: number;
  statutoryLimit: number;
  /** null while a pause is open (no due date is defined then). */
  due: string | null;
  statutoryDue: string | null;
  used: number | null;
  classification: 'early' | 'on-time' | 'overdue' | 'instant' | null;
  /** Due date in force when each extension was requested, by procedure number (IR18). */
  dueAtExtension: Map<number, string>;
}

export function firstDecision(events: readonly CaseEvent[]): CaseEvent | undefined {
  return events.find((e) => e.type === 'CaseAccepted' || e.type === 'AcceptanceRefused' || e.type === 'SupplementRequested');
}

class Walk {
  consumed = 0;
  open = 0;
  extra = 0;
  statutoryExtra = 0;
  readonly procedures = new Set<number>();
  /** Pauses begun with the limit used up: they do not stop the clock (§3.2 step 4), nor do their ends restart it. */
  private readonly ignored = { supplement: 0, suspension: 0, procedures: new Set<number>() };
  readonly dueAtExtension = new Map<number, string>();

  constructor(
    public anchor: string,
    readonly matter: MatterVersion,
  ) {}

  dueFor(limit: number): string {
    return addWd(this.anchor, Math.max(0, limit - this.consumed));
  }

  /** §3.2 steps 2, 3 and 5; overlapping pauses merge (one count of open pauses). */
  step(e: CaseEvent): void {
    if (e.type === 'SpecialProcedureStarted' && e.payload.kind === '1') {
      const days = Math.min(e.payload.limit.value, this.matter.jointHandling ? 15 : 10);
      const due = this.dueFor(this.matter.promisedLimit.value + this.extra);
      this.dueAtExtension.set(e.payload.procedureNo, due);
      // Each clock grants it when it comes before that clock's own due date (§3.2 steps 5 and 8).
      if (this.open === 0 && e.payload.startedOn < due) this.extra += days;
      if (this.open === 0 && e.payload.startedOn < this.dueFor(this.matter.statutoryLimit.value + this.statutoryExtra)) this.statutoryExtra += days;
      return;
    }
    if (e.type === 'SupplementRequested' || e.type === 'CaseSuspended' || (e.type === 'SpecialProcedureStarted' && e.payload.kind === '2')) this.pause(e);
    else if (e.type === 'SupplementReceived' || e.type === 'CaseResumed' || e.type === 'SpecialProcedureEnded') this.resume(e);
  }

  private pause(e: CaseEvent): void {
    const consumed = this.open > 0 ? this.consumed : this.consumed + wd(this.anchor, dateOf(e));
    if (this.open === 0 && consumed >= this.matter.promisedLimit.value + this.extra) {
      if (e.type === 'SpecialProcedureStarted') this.ignored.procedures.add(e.payload.procedureNo);
      else this.ignored[e.type === 'SupplementRequested' ? 'supplement' : 'suspension']++;
      return;
    }
    if (e.type === 'SpecialProcedureStarted') this.procedures.add(e.payload.procedureNo);
    this.consumed = consumed;
    this.open++;
  }

  private resume(e: CaseEvent): void {
    if (e.type === 'SpecialProcedureEnded') {
      if (this.ignored.procedures.delete(e.payload.procedureNo) || !this.procedures.delete(e.payload.procedureNo)) return;
    } else {
      const kind = e.type === 'SupplementReceived' ? 'supplement' : 'suspension';
      if (this.ignored[kind] > 0) return void this.ignored[kind]--;
    }
    if (this.open > 0 && --this.open === 0) this.anchor = dateOf(e);
  }

  result(start: string, deemed: boolean, end: CaseEvent | undefined): OracleClock {
    const limit = this.matter.promisedLimit.value + this.extra;
    const statutoryLimit = this.matter.statutoryLimit.value + this.statutoryExtra;
    const paused = this.open > 0;
    const used = end === undefined ? null : paused ? this.consumed : this.consumed + wd(this.anchor, dateOf(end));
    let classification: OracleClock['classification'] = null;
    if (end && used !== null) {
      if (this.matter.caseKind === 'instant') classification = dateOf(end) === start ? 'instant' : 'overdue';
      else classification = used < limit ? 'early' : used === limit ? 'on-time' : 'overdue';
    }
    const due = paused ? null : this.dueFor(limit);
    const statutoryDue = paused ? null : this.dueFor(statutoryLimit);
    return { anchor: start, deemed, limit, statutoryLimit, due, statutoryDue, used, classification, dueAtExtension: this.dueAtExtension };
  }
}

/** The clock at the case's end (E13 or E12), or where its events stop. */
export function oracleClock(events: readonly CaseEvent[], matter: MatterVersion): OracleClock | null {
  const submitted = events.find((e) => e.type === 'CaseSubmitted');
  const accepted = events.find((e) => e.type === 'CaseAccepted');
  if (!submitted || !accepted) return null;
  // ALL Art. 32: no decision within 5 working days of receipt → deemed accepted on receipt.
  const deemed = wd(dateOf(submitted), dateOf(firstDecision(events)!)) > 5;
  const start = deemed ? dateOf(submitted) : dateOf(accepted);
  const walk = new Walk(start, matter);
  for (const e of events) {
    if (e.seq <= accepted.seq) continue;
    if (e.type === 'CaseConcluded' || e.type === 'CaseForwarded') return walk.result(start, deemed, e);
    walk.step(e);
  }
  return walk.result(start, deemed, undefined);
}
