import type { CaseEvent, ReferenceEvent } from '../../domain/events/catalogue.ts';
import { streamFor } from '../../domain/events/catalogue.ts';
import type { AppendRequest, EventStore } from '../../infra/event-store/port.ts';
import { BusinessTimeMerge } from '../../infra/simulator/order.ts';
import { simulateCounty } from '../../infra/simulator/simulate.ts';

/** Case events per simulated case, about (the county simulator's mix at its default rates). */
const EVENTS_PER_CASE = 9.2;

/**
 * A simulated county (its 2026) with enough cases for `total` case events: its reference events,
 * and the first `total` case events in business-time order, as a county's exchange sends them. A
 * case's events interleave with those of every case open at the time, as in a real log.
 */
export function countyInSendOrder(total: number, seed = 3): { reference: ReferenceEvent[]; events: Generator<CaseEvent> } {
  const sim = simulateCounty({ seed, cases: Math.ceil(total / EVENTS_PER_CASE) + 100 });
  function* events(): Generator<CaseEvent> {
    const merge = new BusinessTimeMerge();
    let sent = 0;
    for (const c of sim.cases) {
      for (const e of merge.push(c)) {
        if (sent++ === total) return;
        yield e;
      }
    }
    for (const e of merge.drain()) {
      if (sent++ === total) return;
      yield e;
    }
  }
  return { reference: sim.reference, events: events() };
}

/** Appends `countyInSendOrder(total)` to a store, a thousand events at a time; returns the case events appended. */
export async function appendCountyLog(store: EventStore, total: number, seed = 3): Promise<number> {
  const { reference, events } = countyInSendOrder(total, seed);
  const recordedAt = new Date('2026-01-01T00:00:00+08:00').toISOString();
  await store.appendMany(grouped(reference.map((e) => ({ streamId: streamFor(e), eventId: e.eventId, type: e.type, data: e, recordedAt }))));
  let page: CaseEvent[] = [];
  let appended = 0;
  const flush = async () => {
    await store.appendMany(grouped(page.map((c) => ({ streamId: `case-${c.caseId}`, eventId: c.eventId, type: c.type, data: c, recordedAt: c.occurredAt }))));
    appended += page.length;
    page = [];
  };
  for (const e of events) {
    page.push(e);
    if (page.length === 1000) await flush();
  }
  if (page.length > 0) await flush();
  return appended;
}

/** One append request per stream, its events in order. */
function grouped(events: { streamId: string; eventId: string; type: string; data: unknown; recordedAt: string }[]): AppendRequest[] {
  const byStream = new Map<string, AppendRequest>();
  for (const { streamId, ...event } of events) {
    let request = byStream.get(streamId);
    if (!request) byStream.set(streamId, (request = { streamId, expectedRevision: 'any', events: [] }));
    request.events.push(event);
  }
  return [...byStream.values()];
}
