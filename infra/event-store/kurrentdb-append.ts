import { NO_STREAM, UnsupportedError, WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import type { AppendStreamRequest, KurrentDBClient } from '@kurrent/kurrentdb-client';
import { ConcurrencyError } from './errors.ts';
import { asRevisionConflict, translateError, type RevisionConflict } from './kurrentdb-errors.ts';
import { headOf, planAppend, type PlannedAppend, type StreamHead } from './kurrentdb-plan.ts';
import { readStreamEvents } from './kurrentdb-read.ts';
import type { AppendRequest, AppendResult } from './port.ts';

/** Rounds of read-plan-write when another writer keeps moving a stream under us. */
const MAX_ATTEMPTS = 5;

/** Position of a stream's last written event, keyed by `stream\nrevision`, when the write reported it. */
type KnownPositions = Map<string, bigint>;

/**
 * Appends one or more requests as a single write: one stream through appendToStream, several
 * through multiStreamAppend, so either every stream is written or none is. Each stream is written
 * with the exact revision we read, because the hash chain was computed on top of that revision; if
 * another writer got in between, the whole batch is read and planned again, which also re-checks
 * the caller's own expectation against the new head.
 */
export async function appendBatch(client: KurrentDBClient, requests: AppendRequest[]): Promise<AppendResult[]> {
  for (let attempt = 1; ; attempt++) {
    const heads = await loadHeads(client, requests);
    const planned = requests.map((r) => planAppend(r, headFor(heads, r.streamId)));
    const writes = toWrites(planned, heads);
    if (writes.length === 0) return planned.map((p) => ({ ...p.result, position: null }));
    try {
      const known = await write(client, writes);
      return await withPositions(client, planned, known);
    } catch (error) {
      const conflict = asRevisionConflict(error);
      if (!conflict) throw translateError(error);
      if (attempt >= MAX_ATTEMPTS) throw exhausted(requests, conflict);
    }
  }
}

async function loadHeads(client: KurrentDBClient, requests: AppendRequest[]): Promise<Map<string, StreamHead>> {
  const streamIds = [...new Set(requests.map((r) => r.streamId))];
  // The whole stream is read, not just its last event: duplicates are detected by id within it.
  const stored = await Promise.all(streamIds.map((id) => readStreamEvents(client, id)));
  return new Map(streamIds.map((id, i) => [id, headOf(id, stored[i] ?? [])]));
}

function headFor(heads: Map<string, StreamHead>, streamId: string): StreamHead {
  const head = heads.get(streamId);
  if (!head) throw new Error(`no head loaded for stream ${streamId}`);
  return head;
}

function toWrites(planned: PlannedAppend[], heads: Map<string, StreamHead>): AppendStreamRequest[] {
  const byStream = new Map<string, AppendStreamRequest>();
  for (const p of planned) {
    if (p.events.length === 0) continue;
    const existing = byStream.get(p.streamId);
    if (existing) {
      existing.events.push(...p.events);
      continue;
    }
    const loaded = headFor(heads, p.streamId).loadedRevision;
    byStream.set(p.streamId, { streamName: p.streamId, expectedState: loaded < 0n ? NO_STREAM : loaded, events: [...p.events] });
  }
  return [...byStream.values()];
}

async function write(client: KurrentDBClient, writes: AppendStreamRequest[]): Promise<KnownPositions> {
  const [only] = writes;
  if (writes.length === 1 && only) {
    const result = await client.appendToStream(only.streamName, only.events, { streamState: only.expectedState });
    // Only reachable when the connection string sets throwOnAppendFailure=false.
    if (!result.success) {
      throw new WrongExpectedVersionError(undefined, { streamName: only.streamName, expected: only.expectedState, current: result.nextExpectedRevision });
    }
    const key = `${only.streamName}\n${result.nextExpectedRevision}`;
    return result.position ? new Map([[key, result.position.commit]]) : new Map();
  }
  try {
    // The reply carries one position for the whole transaction, so per-stream positions are read back.
    await client.multiStreamAppend(writes);
  } catch (error) {
    if (error instanceof UnsupportedError) {
      throw new Error('appending to several streams atomically needs KurrentDB 25.1 or later (multiStreamAppend); this server does not offer it', { cause: error });
    }
    throw error;
  }
  return new Map();
}

async function withPositions(client: KurrentDBClient, planned: PlannedAppend[], known: KnownPositions): Promise<AppendResult[]> {
  return Promise.all(
    planned.map(async (p): Promise<AppendResult> => {
      if (p.result.appended === 0) return { ...p.result, position: null };
      const position = known.get(`${p.streamId}\n${p.result.nextRevision}`) ?? (await readBackPosition(client, p));
      return { ...p.result, position };
    }),
  );
}

async function readBackPosition(client: KurrentDBClient, p: PlannedAppend): Promise<bigint | null> {
  const [last] = await readStreamEvents(client, p.streamId, { fromRevision: p.result.nextRevision, maxCount: 1 });
  return last?.position ?? null;
}

function exhausted(requests: AppendRequest[], conflict: RevisionConflict): ConcurrencyError {
  const request = requests.find((r) => r.streamId === conflict.streamName) ?? requests[0];
  const streamId = request?.streamId ?? conflict.streamName;
  return new ConcurrencyError(streamId, String(request?.expectedRevision ?? 'any'), conflict.actual);
}
