import type { CaseEvent, EventOf } from '../../../domain/events/catalogue.ts';
import type { MatterVersion } from '../../../domain/events/reference/matter-version-published.ts';
import { addWd, dateOf, firstDecision, wd, type OracleClock } from './clock.ts';

/** What a rule check sees of one case. */
export interface CaseView {
  events: readonly CaseEvent[];
  sendAt: readonly number[];
  matter: MatterVersion;
  clock: OracleClock | null;
}

export const ALL_45 = ['听证', '招标', '拍卖', '检验', '检测', '检疫', '鉴定', '专家评审'];
export const ofType = <T extends CaseEvent['type']>(c: CaseView, type: T) => c.events.filter((e): e is EventOf<T> => e.type === type);
const blank = (s: string | undefined) => s === undefined || s.trim() === '';

/** IR01–IR10, each transcribed from the machine-check column of domain.md §4. */
export const rulesA = {
  IR01: (c: CaseView) =>
    ofType(c, 'AcceptanceRefused').some((e) => e.payload.refusalReason.trim().length < 10) ||
    ofType(c, 'CaseConcluded').some((e) => ['1', '2', '3', '5', '7'].includes(e.payload.resultCode) && blank(e.payload.reason)),
  IR02: (c: CaseView) => {
    const accepted = c.events.find((e) => e.type === 'CaseAccepted');
    const gated = ['StepStarted', 'StepCompleted', 'SpecialProcedureStarted', 'FeeCharged', 'CaseConcluded'];
    if (c.events.some((e) => gated.includes(e.type) && (!accepted || e.seq < accepted.seq))) return true;
    const concluded = c.events.find((e) => e.type === 'CaseConcluded');
    const done = new Set(ofType(c, 'StepCompleted').filter((e) => !concluded || e.seq < concluded.seq).map((e) => e.payload.stepCode));
    if (concluded && c.matter.steps.some((s) => !done.has(s.code))) return true;
    if (c.events.some((e, i) => i > 0 && Date.parse(e.occurredAt) < Date.parse(c.events[i - 1]!.occurredAt))) return true;
    const completed = ofType(c, 'StepCompleted');
    const approvals = completed.filter((e) => e.payload.role === 'approver');
    if (approvals.some((e) => e.actor.role !== 'approver')) return true;
    const handlers = new Set(completed.filter((e) => e.payload.role === 'handler').map((e) => e.actor.staffNo ?? e.actor.name));
    return approvals.some((e) => handlers.has(e.actor.staffNo ?? e.actor.name));
  },
  IR03: (c: CaseView) => {
    const submitted = c.events.find((e) => e.type === 'CaseSubmitted')!;
    const decision = firstDecision(c.events);
    return decision === undefined || wd(dateOf(submitted), dateOf(decision)) > 5;
  },
  IR04: (c: CaseView) => ofType(c, 'SupplementRequested').length > 1,
  IR05: (c: CaseView) => {
    const asked = new Set<string>();
    for (const e of c.events) {
      if (e.type === 'SupplementRequested') e.payload.materials.forEach((m) => asked.add(m.code ?? m.name));
      if (e.type === 'SupplementReceived' && e.payload.materials.some((m) => !asked.has(m.code ?? m.name))) return true;
    }
    return false;
  },
  IR06: (c: CaseView) =>
    ofType(c, 'SpecialProcedureStarted').some(
      (e) => blank(e.payload.reason) || !e.payload.approver || (e.payload.kind === '2' && (!ALL_45.includes(e.payload.name) || !c.matter.allowedSpecialProcedures.includes(e.payload.name))),
    ) || ofType(c, 'CaseSuspended').some((e) => blank(e.payload.reason) || !e.payload.approver),
  IR07: (c: CaseView) => {
    const concluded = c.events.find((e) => e.type === 'CaseConcluded');
    const ended = ofType(c, 'SpecialProcedureEnded');
    const resumed = ofType(c, 'CaseResumed');
    const tooLongProcedure = ofType(c, 'SpecialProcedureStarted').some((s) => {
      const end = ended.find((e) => e.payload.procedureNo === s.payload.procedureNo);
      if (!end) return concluded !== undefined;
      return wd(s.payload.startedOn, end.payload.endedOn) > s.payload.limit.value;
    });
    const tooLongSuspension = ofType(c, 'CaseSuspended').some((s) => {
      const end = resumed.find((e) => e.seq > s.seq);
      if (!end || (concluded && end.seq > concluded.seq)) return concluded !== undefined;
      return wd(dateOf(s), dateOf(end)) > 30;
    });
    return tooLongProcedure || tooLongSuspension;
  },
  IR08: (c: CaseView) =>
    ofType(c, 'StepCompleted').some((end) => {
      const limit = c.matter.steps.find((s) => s.code === end.payload.stepCode)?.limitWorkingDays;
      return limit !== undefined && stepUsed(c, end, limit) > limit;
    }),
  IR09: (c: CaseView) => c.clock?.used != null && (c.clock.classification === 'overdue' || c.clock.used > c.clock.statutoryLimit),
  IR10: (c: CaseView) => {
    const accepted = c.events.find((e) => e.type === 'CaseAccepted');
    const forwarded = c.events.find((e) => e.type === 'CaseForwarded');
    if (!accepted || !forwarded) return false;
    const first = c.events.find((e) => e.type === 'StepStarted');
    const limit = c.matter.steps[0]?.limitWorkingDays ?? 20;
    const latest = [addWd(dateOf(accepted), 20), addWd(dateOf(accepted), limit), ...(first ? [addWd(dateOf(first), limit)] : [])].sort()[0]!;
    return dateOf(forwarded) > latest;
  },
};

/**
 * Working days a step used: wd(start, end] minus the days of pauses inside it (§3.2 step 9),
 * except a pause begun once the step's own limit was used up, which does not stop it (step 4).
 */
export function stepUsed(c: CaseView, end: EventOf<'StepCompleted'>, limit: number): number {
  const start = c.events.find((e) => e.type === 'StepStarted' && e.payload.stepCode === end.payload.stepCode);
  if (!start) return 0;
  const [s, t] = [dateOf(start), dateOf(end)];
  let paused = 0;
  for (const [p, r] of pauseIntervals(c)) {
    const from = p > s ? p : s;
    const to = r === null || r > t ? t : r;
    if (to <= from || wd(s, from) - paused >= limit) continue;
    paused += wd(from, to);
  }
  return wd(s, t) - paused;
}

/** (P, R] intervals of post-acceptance pauses; R null while open. */
export function pauseIntervals(c: CaseView): [string, string | null][] {
  const accepted = c.events.find((e) => e.type === 'CaseAccepted');
  if (!accepted) return [];
  const out: [string, string | null][] = [];
  for (const e of c.events) {
    if (e.seq <= accepted.seq) continue;
    if (e.type === 'SupplementRequested' || e.type === 'CaseSuspended' || (e.type === 'SpecialProcedureStarted' && e.payload.kind === '2')) out.push([dateOf(e), null]);
    const ends = e.type === 'SupplementReceived' || e.type === 'CaseResumed' || (e.type === 'SpecialProcedureEnded' && c.events.some((s) => s.type === 'SpecialProcedureStarted' && s.payload.kind === '2' && s.payload.procedureNo === e.payload.procedureNo));
    const last = out[out.length - 1];
    if (ends && last && last[1] === null) last[1] = dateOf(e);
  }
  return out;
}
