import { yearOf, type CivilDate, type WorkingCalendar } from '../calendar/index.ts';
import type { CaseEvent, EventOf } from '../events/catalogue.ts';
import type { MatterVersion } from '../events/reference/matter-version-published.ts';
import { findAcceptance, type AcceptanceOutcome } from './acceptance.ts';
import { buildCaseClocks, buildStepClocks, type CaseClocks, type StepClocks } from './case-clocks.ts';
import type { ClockConfig } from './config.ts';
import type { ClockContext } from './context.ts';
import { explainCase } from './explain-case.ts';
import { traceLifecycle, type Lifecycle } from './lifecycle.ts';
import { chooseMatterVersion, type MatterChoice } from './matter-version.ts';
import { placeEvents, type PlacedEvents } from './place-events.ts';
import type { CalendarUsed, CaseClock, CaseStatus, ClockAnomaly, TimeClock } from './types.ts';

export interface CaseClockInput {
  readonly caseId: string;
  /** The case's events in any order; they are placed by occurredAt, then seq. */
  readonly events: readonly CaseEvent[];
  /** Every published version of the case's matter. */
  readonly matterVersions: readonly MatterVersion[];
  readonly calendar: WorkingCalendar;
  readonly config: ClockConfig;
}

/** The timeliness clock of one case (domain.md §3.2): a pure function of its events, catalogue and calendar. */
export function computeCaseClock(input: CaseClockInput): CaseClock {
  const ctx: ClockContext = { calendar: input.calendar, config: input.config };
  const placed = placeEvents(input.caseId, input.events, input.config.timeZone);
  const { events } = placed;
  const acc = findAcceptance(events, ctx);
  const matter = matterOf(events, acc, input.matterVersions);
  const life = traceLifecycle(events, acc.pending || (!acc.start && !acc.endedBefore) ? events.length : acc.nextIndex, ctx, acc.endedBefore);
  const clocks = buildCaseClocks(acc, life, matter, ctx);
  const steps = buildStepClocks(life, matter.version, ctx);
  const status = statusOf(acc, life);
  const promised = clocks.promised?.clock ?? null;
  const statutory = clocks.statutory?.clock ?? null;
  const calendar = calendarUsed(input.calendar, [acc.submitted?.date, acc.start?.date, ...[promised, statutory, ...steps.steps.map((s) => s.clock)].flatMap(datesOf)]);
  const end = acc.endedBefore ?? life.terminal;
  const last = events[events.length - 1];
  return {
    caseId: input.caseId,
    status,
    kind: matter.kind,
    submittedOn: acc.submitted?.date ?? null,
    acceptedOn: acc.pending ? null : (acc.start?.date ?? null),
    acceptance: acc.acceptance,
    deemedAcceptance: acc.deemed,
    endedOn: end?.point.date ?? null,
    endedBy: end ? { type: end.event.type, eventId: end.event.eventId, at: end.event.occurredAt } : null,
    promised,
    statutory,
    steps: steps.steps,
    matter: matter.used,
    calendar,
    config: input.config,
    eventCount: events.length,
    lastEvent: last ? { eventId: last.eventId, occurredAt: last.occurredAt, seq: last.seq } : null,
    explanation: [...explainCase(acc, matter, status, calendar, input.config), ...[clocks.promised, clocks.statutory, ...steps.built].flatMap((b) => b?.explanation ?? [])],
    anomalies: anomaliesOf(placed, acc, matter, life, clocks, steps),
  };
}

function matterOf(events: readonly CaseEvent[], acc: AcceptanceOutcome, versions: readonly MatterVersion[]): MatterChoice {
  const accepted = events.find((e): e is EventOf<'CaseAccepted'> => e.type === 'CaseAccepted');
  const ref = accepted ?? events[0];
  return chooseMatterVersion(versions, {
    matterCode: ref?.matterCode ?? null,
    namedVersion: ref?.matterVersion ?? null,
    on: acc.start?.date ?? acc.submitted?.date ?? null,
    acceptedLimit: accepted?.payload.limit ?? null,
    acceptedEventId: accepted?.eventId ?? null,
  });
}

function anomaliesOf(placed: PlacedEvents, acc: AcceptanceOutcome, matter: MatterChoice, life: Lifecycle, clocks: CaseClocks, steps: StepClocks): ClockAnomaly[] {
  return [
    ...placed.anomalies, ...acc.anomalies, ...matter.anomalies, ...life.anomalies, ...clocks.anomalies, ...steps.anomalies,
    ...[clocks.promised, clocks.statutory, ...steps.built].flatMap((b) => b?.anomalies ?? []),
  ];
}

function statusOf(acc: AcceptanceOutcome, life: Lifecycle): CaseStatus {
  if (acc.endedBefore) return acc.endedBefore.kind;
  if (life.terminal) return life.terminal.kind;
  if (acc.awaitingSupplement) return 'awaiting-supplement';
  if (!acc.start || acc.pending) return 'submitted';
  return life.pauses.some((p) => p.end === null) ? 'paused' : 'running';
}

function datesOf(c: TimeClock | null): (CivilDate | null)[] {
  return c ? [c.startedOn, c.dueDate, c.warnDate, c.stoppedOn, ...c.pauses.map((p) => p.to)] : [];
}

/** The years the figures were counted through, and whether any lacked a published notice. */
function calendarUsed(calendar: WorkingCalendar, dates: readonly (CivilDate | null | undefined)[]): CalendarUsed | null {
  const known = dates.filter((d): d is CivilDate => typeof d === 'string').sort();
  const from = known[0];
  const to = known[known.length - 1];
  if (!from || !to) return null;
  const years: number[] = [];
  for (let y = yearOf(from); y <= yearOf(to); y++) years.push(y);
  return { from, to, years, fallback: calendar.assumptions(from, to) };
}
