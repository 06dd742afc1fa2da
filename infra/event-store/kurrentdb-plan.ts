import type { EventData } from '@kurrent/kurrentdb-client';
import { canonicalJson, linkHash } from '../../domain/hash-chain.ts';
import { checkExpected } from './expected-revision.ts';
import { DuplicateEventIdConflict } from './errors.ts';
import { toEventData } from './kurrentdb-codec.ts';
import { canonicalDataOf, type AppendRequest, type AppendResult, type RecordedEvent } from './port.ts';

/**
 * A stream as read just before an append. `loadedRevision` is what the server must still hold when
 * the write lands; `revision`, `hash` and `known` advance as requests are planned, so two requests
 * for the same stream in one appendMany chain onto each other as they would in sequence.
 */
export interface StreamHead {
  streamId: string;
  loadedRevision: bigint;
  revision: bigint;
  hash: string;
  /** Content of every event id in the stream, for duplicate detection. */
  known: Map<string, { type: string; dataJson: string }>;
}

export interface PlannedAppend {
  streamId: string;
  events: EventData[];
  /** The result without its position, which only the write can tell. */
  result: Omit<AppendResult, 'position'>;
}

export function headOf(streamId: string, stored: RecordedEvent[]): StreamHead {
  const last = stored.at(-1);
  const known = new Map(stored.map((e) => [e.eventId, { type: e.type, dataJson: canonicalJson(e.data) }] as const));
  const revision = last?.revision ?? -1n;
  return { streamId, loadedRevision: revision, revision, hash: last?.hash ?? '', known };
}

/**
 * Sorts the request's events into duplicates and fresh ones, checks the caller's expectation against
 * the head we read, and chains the fresh events onto it. A request whose events are all stored
 * already is acknowledged whatever it expected, so a client may safely retry after a lost reply.
 */
export function planAppend(request: AppendRequest, head: StreamHead): PlannedAppend {
  const duplicates: string[] = [];
  const fresh: { eventId: string; type: string; dataJson: string; recordedAt: string }[] = [];
  for (const event of request.events) {
    const dataJson = canonicalDataOf(event);
    const stored = head.known.get(event.eventId);
    if (stored) {
      if (stored.type !== event.type || stored.dataJson !== dataJson) {
        throw new DuplicateEventIdConflict(event.eventId, head.streamId);
      }
      duplicates.push(event.eventId);
      continue;
    }
    head.known.set(event.eventId, { type: event.type, dataJson });
    fresh.push({ eventId: event.eventId, type: event.type, dataJson, recordedAt: event.recordedAt });
  }
  if (fresh.length > 0) checkExpected(head.streamId, request.expectedRevision, head.revision);
  const events = fresh.map((event) => chainNext(head, event));
  return {
    streamId: head.streamId,
    events,
    result: { streamId: head.streamId, nextRevision: head.revision, appended: events.length, duplicates },
  };
}

function chainNext(
  head: StreamHead,
  event: { eventId: string; type: string; dataJson: string; recordedAt: string },
): EventData {
  const revision = head.revision + 1n;
  const prevHash = head.hash;
  const hash = linkHash(prevHash, { streamId: head.streamId, revision, ...event });
  head.revision = revision;
  head.hash = hash;
  return toEventData(event, { eventId: event.eventId, recordedAt: event.recordedAt, prevHash, hash });
}

