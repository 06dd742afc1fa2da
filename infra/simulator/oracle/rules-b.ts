import { defaultCalendar } from '../../../domain/calendar/index.ts';
import type { CaseEvent } from '../../../domain/events/catalogue.ts';
import type { RuleId } from '../ledger.ts';
import { addWd, dateOf } from './clock.ts';
import { ofType, pauseIntervals, rulesA, type CaseView } from './rules-a.ts';

const MINUTE = 60_000;
const cal = defaultCalendar();
const beijingDate = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
const humanRoles = new Set(['handler', 'reviewer', 'approver']);
/** E1–E13: the events from submission to conclusion (domain.md §4 IR13). */
const HANDLING = new Set(['CaseSubmitted', 'CasePreReviewed', 'CaseAccepted', 'AcceptanceRefused', 'SupplementRequested', 'SupplementReceived', 'StepStarted', 'StepCompleted', 'SpecialProcedureStarted', 'SpecialProcedureEnded', 'CaseSuspended', 'CaseResumed', 'FeeCharged', 'CaseForwarded', 'CaseConcluded']);

/** IR11–IR20 (IR19 also needs the other cases, see ir19Refusals), and the RATING-BAD notice. */
export const rulesB = {
  IR11: (c: CaseView) => {
    const concluded = c.events.find((e) => e.type === 'CaseConcluded');
    const delivered = c.events.find((e) => e.type === 'ResultDelivered');
    return !!concluded && !!delivered && ['0', '6'].includes(concluded.payload.resultCode) && dateOf(delivered) > addWd(dateOf(concluded), 10);
  },
  IR12: (c: CaseView) => {
    const fees = ofType(c, 'FeeCharged');
    const items = new Map(c.matter.feeItems.map((f) => [f.code, f]));
    if (fees.length > 0 && !c.matter.charges) return true;
    for (const f of fees) {
      const item = f.payload.feeItemCode === undefined ? undefined : items.get(f.payload.feeItemCode);
      if (!item) return true;
      const qty = f.payload.quantity ?? 1;
      if (qty > item.maxQuantity || Math.round(f.payload.amount * 100) > Math.round(item.standardAmount * 100) * qty) return true;
    }
    const concluded = c.events.find((e) => e.type === 'CaseConcluded');
    const charged = fees.reduce((s, f) => s + Math.round(f.payload.amount * 100), 0);
    return !!concluded && charged !== Math.round((concluded.payload.feeTotal ?? 0) * 100);
  },
  IR13: (c: CaseView) => {
    const humanSteps = c.matter.steps.filter((s) => humanRoles.has(s.role)).length;
    const accepted = c.events.find((e) => e.type === 'CaseAccepted');
    const concluded = c.events.find((e) => e.type === 'CaseConcluded');
    if (c.matter.caseKind !== 'commitment' || humanSteps < 2 || !concluded) return false;
    // Third clause: E1–E13 all recorded at one instant (back-filled in one batch).
    const handling = c.events.flatMap((e, i) => (HANDLING.has(e.type) ? [c.sendAt[i]!] : []));
    if (c.events.some((e) => e.type === 'CaseSubmitted') && handling.length >= 2 && new Set(handling).size === 1) return true;
    if (!accepted) return false;
    const net = Date.parse(concluded.occurredAt) - Date.parse(accepted.occurredAt) - pausedMs(c);
    if (net < Math.max(10, 2 * humanSteps) * MINUTE) return true;
    const steps = c.events.filter((e) => e.type === 'StepStarted' || e.type === 'StepCompleted');
    const accounts = new Set(steps.map((e) => e.actor.staffNo ?? e.actor.name));
    const times = steps.map((e) => Date.parse(e.occurredAt));
    return steps.length > 0 && accounts.size === 1 && Math.max(...times) - Math.min(...times) <= 5 * MINUTE;
  },
  // recordedAt is the feed's send time here; > 1 working day read as two working dates apart.
  IR14: (c: CaseView) => c.events.some((e, i) => cal.workingDaysBetween(dateOf(e), beijingDate(c.sendAt[i]!)) > 1),
  IR15: (c: CaseView) =>
    c.events.some((e, i) => Date.parse(e.occurredAt) > c.sendAt[i]! + 5 * MINUTE) ||
    ofType(c, 'StepCompleted').some((e) => e.payload.startedAt !== undefined && Date.parse(e.payload.startedAt) > Date.parse(e.occurredAt)),
  // "是否网办 = 1" read as the catalogue's 必须网办 flag (S12 item 6: "not handled online as required").
  IR16: (c: CaseView) => {
    if (c.matter.onlineRequired !== true) return false;
    const submitted = c.events.find((e) => e.type === 'CaseSubmitted')!;
    const backEntered = c.events.some((e) => (e.type === 'CaseAccepted' || e.type === 'StepStarted' || e.type === 'StepCompleted') && e.sourceSystem === 'manual');
    return !(submitted.channel === 'online' || submitted.channel === 'mobile') || backEntered;
  },
  // No departmental system reports a RectificationReplied (E18), so every 差评 counts.
  IR17: (c: CaseView) => ofType(c, 'RatingSubmitted').some((e) => e.payload.level >= 4),
  // §5 (S16): an unsatisfactory evaluation gets a notice with a deadline for rectification, whatever follows.
  'RATING-BAD': (c: CaseView) => ofType(c, 'RatingSubmitted').some((e) => e.payload.level >= 4),
  IR18: (c: CaseView) =>
    ofType(c, 'SpecialProcedureStarted').some((e) => {
      if (e.payload.kind !== '1') return false;
      const due = c.clock?.dueAtExtension.get(e.payload.procedureNo);
      const late = due !== undefined && e.payload.startedOn > due;
      return late || e.payload.limit.value > (c.matter.jointHandling ? 15 : 10) || (e.payload.reason ?? '').trim() === '';
    }),
  IR19: (c: CaseView) => c.events.some((e) => e.type === 'AcceptanceRefused') && ofType(c, 'ComplaintHandled').some((e) => e.payload.substantiated === true),
  IR20: (c: CaseView) => {
    const concluded = c.events.find((e) => e.type === 'CaseConcluded');
    if (!concluded) return false;
    return c.events.some((later) => {
      if (later.seq <= concluded.seq || later.dataVersion <= 1) return false;
      return c.events.some((earlier) => earlier.seq < later.seq && earlier.type === later.type && earlier.dataVersion < later.dataVersion && changed(earlier, later));
    });
  },
};

function changed(a: CaseEvent, b: CaseEvent): boolean {
  if (a.occurredAt !== b.occurredAt) return true;
  return a.type === 'CaseConcluded' && b.type === 'CaseConcluded' && a.payload.resultCode !== b.payload.resultCode;
}

function pausedMs(c: CaseView): number {
  return pauseIntervals(c).reduce((s, [p, r]) => s + (r === null ? 0 : Date.parse(`${r}T00:00:00+08:00`) - Date.parse(`${p}T00:00:00+08:00`)), 0);
}

/** Every rule a case violates on its own (IR19's resubmission clause is checked across cases). */
export function violations(c: CaseView): Set<RuleId> {
  const all = { ...rulesA, ...rulesB } as Record<RuleId, (c: CaseView) => boolean>;
  return new Set((Object.keys(all) as RuleId[]).filter((rule) => all[rule](c)));
}

/** IR19: refused cases whose applicant came back for the same matter with the same materials and was accepted within 10 working days. */
export function ir19Refusals(cases: readonly { events: readonly CaseEvent[] }[]): Set<string> {
  const key = (e: CaseEvent & { type: 'CaseSubmitted' }) => `${e.payload.applicant.idNumber}|${e.matterCode}|${e.payload.materials.map((m) => m.code ?? m.name).join(',')}`;
  const refusals = new Map<string, { caseId: string; date: string }[]>();
  for (const { events } of cases) {
    const refused = events.find((e) => e.type === 'AcceptanceRefused');
    const submitted = events.find((e) => e.type === 'CaseSubmitted');
    if (refused && submitted?.type === 'CaseSubmitted') refusals.set(key(submitted), [...(refusals.get(key(submitted)) ?? []), { caseId: refused.caseId, date: dateOf(refused) }]);
  }
  const flagged = new Set<string>();
  for (const { events } of cases) {
    const submitted = events.find((e) => e.type === 'CaseSubmitted');
    const accepted = events.find((e) => e.type === 'CaseAccepted');
    if (submitted?.type !== 'CaseSubmitted' || !accepted) continue;
    for (const r of refusals.get(key(submitted)) ?? []) {
      if (r.caseId !== submitted.caseId && dateOf(submitted) >= r.date && dateOf(accepted) <= addWd(r.date, 10)) flagged.add(r.caseId);
    }
  }
  return flagged;
}
