import type { CaseEvent } from '../../domain/events/catalogue.ts';
import { streamFor } from '../../domain/events/catalogue.ts';
import type { AppendRequest, EventStore } from '../../infra/event-store/port.ts';
import { BusinessTimeMerge } from '../../infra/simulator/order.ts';
import { simulateCounty } from '../../infra/simulator/simulate.ts';

/** Case events per simulated case, about (the county simulator's mix at its default rates). */
const EVENTS_PER_CASE = 9.2;

/**
 * The first `total` case events of a simulated county (its 2026), appended in business-time order
 * as a county's exchange would have sent them: a case's events interleave with those of every case
 * open at the time, which is what a rebuild meets in a real log. Returns the events appended.
 */
export async function appendCountyLog(store: EventStore, total: number, seed = 3): Promise<number> {
  const sim = simulateCounty({ seed, cases: Math.ceil(total / EVENTS_PER_CASE) + 100 });
  const recordedAt = new Date('2026-01-01T00:00:00+08:00').toISOString();
  await store.appendMany(grouped(sim.reference.map((e) => ({ streamId: streamFor(e), eventId: e.eventId, type: e.type, data: e, recordedAt }))));
  const merge = new BusinessTimeMerge();
  let page: CaseEvent[] = [];
  let appended = 0;
  const append = async (events: CaseEvent[]) => {
    for (const e of events) {
      if (appended + page.length === total) break;
      page.push(e);
      if (page.length === 1000) {
        appended += page.length;
        await store.appendMany(grouped(page.map((c) => ({ streamId: `case-${c.caseId}`, eventId: c.eventId, type: c.type, data: c, recordedAt: c.occurredAt }))));
        page = [];
      }
    }
  };
  for (const c of sim.cases) {
    await append(merge.push(c));
    if (appended + page.length === total) break;
  }
  if (appended + page.length < total) await append(merge.drain());
  appended += page.length;
  if (page.length > 0) await store.appendMany(grouped(page.map((c) => ({ streamId: `case-${c.caseId}`, eventId: c.eventId, type: c.type, data: c, recordedAt: c.occurredAt }))));
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
