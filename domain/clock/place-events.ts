import { civilDateInZone } from '../calendar/index.ts';
import type { CaseEvent } from '../events/catalogue.ts';
import { anomaly } from './anomalies.ts';
import type { Point } from './axis.ts';
import type { ClockAnomaly } from './types.ts';
import { epochMs } from './zoned-time.ts';

export interface PlacedEvents {
  /** The case's events in business-time order. */
  readonly events: readonly CaseEvent[];
  readonly anomalies: readonly ClockAnomaly[];
}

// A total order: business time, then the sender's sequence, then ids, so that any permutation of
// the same events (late arrivals included) is placed identically. Each instant is parsed once, not
// at every comparison.
function compareEvents({ ms: am, e: a }: { ms: number; e: CaseEvent }, { ms: bm, e: b }: { ms: number; e: CaseEvent }): number {
  return (
    am - bm ||
    a.seq - b.seq ||
    (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0) ||
    (a.type < b.type ? -1 : a.type > b.type ? 1 : 0)
  );
}

/** The case's events placed by business time (architecture.md: the clock works in occurredAt). */
export function placeEvents(caseId: string, input: readonly CaseEvent[], timeZone: string): PlacedEvents {
  const anomalies: ClockAnomaly[] = [];
  const sorted = input.map((e) => ({ ms: epochMs(e.occurredAt), e })).sort(compareEvents).map((k) => k.e);
  const seen = new Set<string>();
  const events: CaseEvent[] = [];
  for (const e of sorted) {
    const on = civilDateInZone(e.occurredAt, timeZone);
    if (e.caseId !== caseId) {
      anomalies.push(anomaly('foreign-event', on, [e.eventId], `${e.type} belongs to case ${e.caseId}, not ${caseId}; ignored`));
    } else if (seen.has(e.eventId)) {
      anomalies.push(anomaly('duplicate-event', on, [e.eventId], `${e.type} ${e.eventId} was passed more than once; counted once`));
    } else {
      seen.add(e.eventId);
      events.push(e);
    }
  }
  events.forEach((e, i) => {
    const before = events[i - 1];
    if (before && before.seq > e.seq) {
      const on = civilDateInZone(e.occurredAt, timeZone);
      const message = `${e.type} (seq ${e.seq}) happened after ${before.type} (seq ${before.seq}): placed by business time`;
      anomalies.push(anomaly('seq-order-differs', on, [before.eventId, e.eventId], message));
    }
  });
  return { events, anomalies };
}

/** Where an event happened; `date` may be overridden by a date the payload states (特别程序 开始/结束日期). */
export function pointOf(e: CaseEvent, order: number, timeZone: string, date?: string): Point {
  return { date: date ?? civilDateInZone(e.occurredAt, timeZone), at: e.occurredAt, eventId: e.eventId, order };
}
