import {
  BACKWARDS, END, FORWARDS, START, StreamNotFoundError, excludeSystemEvents,
} from '@kurrent/kurrentdb-client';
import type { Direction, KurrentDBClient, Position, ReadPosition } from '@kurrent/kurrentdb-client';
import { fromResolved, isUserEvent, type StoredResolved } from './kurrentdb-codec.ts';
import { translateError } from './kurrentdb-errors.ts';
import type { ReadAllOptions, ReadStreamOptions, RecordedEvent } from './port.ts';

const PAGE = 500;
const HEAD_PAGE = 32;

/** Reads one stream forwards; an absent (or soft-deleted) stream reads as empty. */
export async function readStreamEvents(
  client: KurrentDBClient,
  streamId: string,
  options: ReadStreamOptions = {},
): Promise<RecordedEvent[]> {
  if (options.maxCount !== undefined && options.maxCount <= 0) return [];
  const out: RecordedEvent[] = [];
  try {
    const events = client.readStream(streamId, {
      direction: FORWARDS,
      fromRevision: options.fromRevision ?? START,
      maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
    });
    for await (const resolved of events) {
      const event = fromResolved(resolved);
      if (event) out.push(event);
    }
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw translateError(error);
  }
  return out;
}

/**
 * Reads $all in pages. The server's read is inclusive of its start position while our `after` is
 * exclusive, so each page asks for one more event than needed and drops those at or before the cursor.
 * Our positions are commit positions; a cursor given by the caller is turned back into
 * `{ commit, prepare }` with both equal, which holds for every event appended through the gRPC API.
 */
export async function readAllEvents(client: KurrentDBClient, options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
  const limit = options.maxCount ?? Number.POSITIVE_INFINITY;
  const out: RecordedEvent[] = [];
  let cursor = options.after !== undefined && options.after >= 0n ? options.after : -1n;
  let from: ReadPosition = cursor >= 0n ? { commit: cursor, prepare: cursor } : START;
  while (out.length < limit) {
    const want = Math.min(limit - out.length, PAGE) + 1;
    const page = await readAllPage(client, from, want, FORWARDS);
    let progressed = false;
    for (const resolved of page) {
      const position = positionOf(resolved);
      if (position === undefined || position.commit <= cursor) continue;
      cursor = position.commit;
      from = position;
      progressed = true;
      const event = fromResolved(resolved);
      if (event && isUserEvent(event)) out.push(event);
      if (out.length >= limit) break;
    }
    if (page.length < want || !progressed) break;
  }
  return out;
}

/** Position of the newest event of ours in $all, or -1n when there is none. */
export async function readHeadPosition(client: KurrentDBClient): Promise<bigint> {
  let from: typeof END | Position = END;
  for (;;) {
    const page = await readAllPage(client, from, HEAD_PAGE, BACKWARDS);
    for (const resolved of page) {
      const event = fromResolved(resolved);
      if (event && isUserEvent(event)) return event.position;
    }
    const last = page.at(-1);
    const next = last ? positionOf(last) : undefined;
    // A short page is the start of the log; an unchanged cursor would loop for ever.
    if (page.length < HEAD_PAGE || next === undefined || (typeof from === 'object' && next.commit === from.commit)) return -1n;
    from = next;
  }
}

async function readAllPage(
  client: KurrentDBClient,
  fromPosition: ReadPosition,
  maxCount: number,
  direction: Direction,
): Promise<StoredResolved[]> {
  const out: StoredResolved[] = [];
  try {
    // The server filters system event types; isUserEvent also drops user-typed events in $-streams.
    for await (const resolved of client.readAll({ fromPosition, maxCount, direction, filter: excludeSystemEvents() })) {
      out.push(resolved);
    }
  } catch (error) {
    throw translateError(error);
  }
  return out;
}

function positionOf(resolved: StoredResolved): Position | undefined {
  const position = resolved.event?.position;
  if (position) return position;
  const commit = resolved.commitPosition;
  return commit === undefined ? undefined : { commit, prepare: commit };
}
