import { alertStream, type AlertEvent } from '../../domain/alerts/index.ts';
import type { EventStore } from '../../infra/event-store/port.ts';

/** Appends one alert's events to its stream as the alerting service does (recordedAt = occurredAt unless given). */
export async function appendAlertEvents(store: EventStore, events: readonly AlertEvent[], recordedAt = (e: AlertEvent) => e.occurredAt): Promise<void> {
  if (events.length === 0) return;
  await store.append({
    streamId: alertStream(events[0]!.alertId),
    expectedRevision: 'any',
    events: events.map((e) => ({ eventId: e.eventId, type: e.type, data: e, recordedAt: recordedAt(e) })),
  });
}
