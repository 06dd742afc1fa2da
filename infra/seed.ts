import { deterministicUuid } from '../domain/ids.ts';
import { publishedCalendars } from '../domain/calendar/index.ts';
import { streamFor, type ReferenceEvent } from '../domain/events/catalogue.ts';
import { seedReferenceEvents } from '../domain/seed/county.ts';
import type { EventStore } from './event-store/port.ts';

/** The published working-day calendars, as reference events (stream calendar-<year>). */
export function calendarEvents(): ReferenceEvent[] {
  return publishedCalendars.map((c) => ({
    eventId: deterministicUuid(`calendar-${c.year}-${c.source}`),
    type: 'CalendarPublished' as const,
    occurredAt: `${c.year - 1}-12-01T00:00:00+08:00`,
    sourceSystem: 'sunlight-seed',
    payload: { year: c.year, holidays: c.holidays.map((h) => ({ ...h })), extraWorkdays: [...c.extraWorkdays], source: c.source },
  })) as ReferenceEvent[];
}

/**
 * Loads the calendars and the demo county's reference data. The event ids are derived from the
 * content, so running this at every start is harmless: stored events come back as duplicates.
 */
export async function loadSeed(store: EventStore, now: Date): Promise<{ appended: number }> {
  const recordedAt = now.toISOString();
  const events = [...calendarEvents(), ...seedReferenceEvents()];
  const byStream = new Map<string, ReferenceEvent[]>();
  for (const e of events) byStream.set(streamFor(e), [...(byStream.get(streamFor(e)) ?? []), e]);
  const results = await store.appendMany(
    [...byStream].map(([streamId, es]) => ({
      streamId,
      expectedRevision: 'any' as const,
      events: es.map((e) => ({ eventId: e.eventId, type: e.type, data: e, recordedAt })),
    })),
  );
  return { appended: results.reduce((n, r) => n + r.appended, 0) };
}
