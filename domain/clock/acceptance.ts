import { addDays, type CivilDate } from '../calendar/index.ts';
import type { CaseEvent } from '../events/catalogue.ts';
import { anomaly } from './anomalies.ts';
import type { Point } from './axis.ts';
import type { ClockContext } from './context.ts';
import { pointOf } from './place-events.ts';
import type { Acceptance, AcceptanceBasis, ClockAnomaly, DeemedAcceptance } from './types.ts';
import { startOfDay } from './zoned-time.ts';

export interface AcceptanceOutcome {
  readonly submitted: Point | null;
  readonly acceptance: Acceptance | null;
  /** The anchor of the case clocks; null when no clock can run yet (or ever). */
  readonly start: Point | null;
  readonly pending: boolean;
  readonly awaitingSupplement: boolean;
  readonly deemed: DeemedAcceptance;
  /** Index of the first event read after acceptance. */
  readonly nextIndex: number;
  readonly endedBefore: { readonly kind: 'refused' | 'withdrawn'; readonly event: CaseEvent; readonly point: Point } | null;
  readonly anomalies: readonly ClockAnomaly[];
}

type Found =
  | { kind: 'start'; basis: AcceptanceBasis; start: Point; nextIndex: number; how: string }
  | { kind: 'ended'; event: CaseEvent; point: Point; nextIndex: number }
  | { kind: 'awaiting-supplement' | 'undecided' };

interface Window {
  readonly submitted: Point | null;
  readonly dueOn: CivilDate | null;
  readonly days: number;
}

const QUIET_BEFORE_ACCEPTANCE = new Set(['CaseSubmitted', 'CasePreReviewed', 'RatingSubmitted', 'ComplaintFiled', 'ComplaintHandled']);

const isLate = (w: Window, p: Point): boolean => w.dueOn !== null && p.date > w.dueOn;

/**
 * Where the clocks start (domain.md §3.2 step 1). ALL Art. 32: without an accept, refuse or
 * supplement-notice decision within 5 working days of receipt, the application counts as accepted
 * from the day it was received. A supplement notice given in time keeps the clock from starting;
 * acceptance then dates from the day the supplements were completed (S20; §2.4 AwaitingSupplement → Accepted).
 */
export function findAcceptance(events: readonly CaseEvent[], ctx: ClockContext): AcceptanceOutcome {
  const tz = ctx.config.timeZone;
  const at = events.findIndex((e) => e.type === 'CaseSubmitted');
  const submitted = at >= 0 ? pointOf(events[at]!, at, tz) : null;
  const days = ctx.config.deemedAcceptanceDays;
  const w: Window = { submitted, days, dueOn: submitted ? ctx.calendar.addWorkingDays(submitted.date, days) : null };
  const anomalies: ClockAnomaly[] = [];
  if (!submitted) anomalies.push(anomaly('no-submission', null, [], 'no CaseSubmitted: the Art. 32 decision window cannot be checked'));
  const { found, decision } = scan(events, w, tz, anomalies);
  const state: DeemedAcceptance['state'] =
    found.kind === 'start' && found.basis === 'deemed' ? 'applied' : found.kind === 'undecided' && submitted ? 'pending' : 'not-applicable';
  const base = { submitted, acceptance: null, start: null, pending: false, awaitingSupplement: false, endedBefore: null, anomalies, nextIndex: events.length, deemed: deemedOf(w, state, decision, tz) };
  switch (found.kind) {
    case 'start':
      return { ...base, start: found.start, nextIndex: found.nextIndex, acceptance: { basis: found.basis, on: found.start.date, eventId: found.start.eventId, how: found.how } };
    case 'ended':
      return { ...base, nextIndex: found.nextIndex, endedBefore: { kind: found.event.type === 'CaseWithdrawn' ? 'withdrawn' : 'refused', event: found.event, point: found.point } };
    case 'awaiting-supplement':
      return { ...base, awaitingSupplement: true };
    case 'undecided':
      if (!submitted) return base;
      return { ...base, start: submitted, pending: true, acceptance: { basis: 'deemed-if-undecided', on: submitted.date, eventId: submitted.eventId, how: `no decision yet: if none comes by ${w.dueOn}, acceptance is deemed from ${submitted.date} (ALL Art. 32)` } };
  }
}

function scan(events: readonly CaseEvent[], w: Window, tz: string, anomalies: ClockAnomaly[]) {
  let decision: { e: CaseEvent; p: Point } | null = null;
  let notice: Point | null = null;
  const deemedFrom = (p: Point, nextIndex: number): Found => ({
    kind: 'start', basis: 'deemed', start: w.submitted!, nextIndex,
    how: `no decision within ${w.days} working days of receipt on ${w.submitted!.date} (due by ${w.dueOn}); the first came on ${p.date}: acceptance is deemed from ${w.submitted!.date} (ALL Art. 32, IR03)`,
  });
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const p = pointOf(e, i, tz);
    if (QUIET_BEFORE_ACCEPTANCE.has(e.type)) continue;
    if (e.type === 'SupplementRequested') {
      if (notice) continue; // a second notice is IR04's business, not the clock's
      decision ??= { e, p };
      // Too late to stop the clock: the case is accepted by law, and this notice pauses it instead.
      if (isLate(w, p)) return { found: deemedFrom(p, i), decision };
      notice = p;
    } else if (e.type === 'SupplementReceived') {
      const how = `supplements requested on ${notice?.date} before acceptance were completed on ${p.date} (SupplementReceived ${e.eventId}); acceptance dates from that day (S20)`;
      if (notice) return { found: { kind: 'start', basis: 'supplements-completed', start: p, nextIndex: i + 1, how } as Found, decision };
      anomalies.push(anomaly('supplement-received-without-request', p.date, [e.eventId], 'supplements received before acceptance without a supplement notice'));
    } else if (e.type === 'CaseAccepted') {
      decision ??= { e, p };
      if (!notice && isLate(w, p)) return { found: deemedFrom(p, i + 1), decision };
      return { found: { kind: 'start', basis: 'accepted', start: p, nextIndex: i + 1, how: `accepted on ${p.date} (CaseAccepted ${e.eventId})` } as Found, decision };
    } else if (e.type === 'AcceptanceRefused' || e.type === 'CaseWithdrawn') {
      if (e.type === 'AcceptanceRefused') decision ??= { e, p };
      return { found: { kind: 'ended', event: e, point: p, nextIndex: i + 1 } as Found, decision };
    } else {
      anomalies.push(anomaly('event-before-acceptance', p.date, [e.eventId], `${e.type} on ${p.date} before any acceptance decision (IR02)`));
      const start = notice || !w.submitted ? p : w.submitted;
      const how = `${e.type} on ${p.date} came before any acceptance decision: the case is handled as accepted from ${start.date} (ALL Art. 32)`;
      return { found: { kind: 'start', basis: 'implied', start, nextIndex: i, how } as Found, decision };
    }
  }
  return { found: { kind: notice ? 'awaiting-supplement' : 'undecided' } as Found, decision };
}

function deemedOf(w: Window, state: DeemedAcceptance['state'], decision: { e: CaseEvent; p: Point } | null, tz: string): DeemedAcceptance {
  return {
    applied: state === 'applied',
    state,
    rule: `ALL Art. 32 (IR03): without an accept, refuse or supplement-notice decision within ${w.days} working days of receipt, the application counts as accepted from the day it was received; a supplement notice given in time keeps the clock from starting, and acceptance then dates from the day the supplements were completed (S20)`,
    receivedOn: w.submitted?.date ?? null,
    decisionDueOn: w.dueOn,
    deemedAt: w.dueOn ? startOfDay(addDays(w.dueOn, 1), tz) : null,
    decision: decision && { type: decision.e.type, eventId: decision.e.eventId, on: decision.p.date, late: isLate(w, decision.p) },
  };
}
