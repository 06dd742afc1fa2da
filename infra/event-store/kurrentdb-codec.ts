import { createHash } from 'node:crypto';
import { jsonEvent } from '@kurrent/kurrentdb-client';
import type { EventData, JSONType, Position } from '@kurrent/kurrentdb-client';
import { canonicalJson, type ChainLink } from '../../domain/hash-chain.ts';
import type { RecordedEvent } from './port.ts';

/**
 * What this adapter keeps in an event's metadata. Every value is a string because
 * multiStreamAppend accepts nothing else, and one shape for both append paths keeps reading simple.
 */
export interface ChainMetadata {
  [key: string]: string;
  /** Our event id verbatim: the server keeps only a UUID, normalised to lower case. */
  eventId: string;
  recordedAt: string;
  prevHash: string;
  hash: string;
}

/** The part of the client's resolved events that the adapter reads (stream, $all and subscription alike). */
export interface StoredResolved {
  event?: {
    streamId: string;
    id: string;
    revision: bigint;
    type: string;
    created: Date;
    isJson: boolean;
    data: unknown;
    metadata: unknown;
    position?: Position;
  };
  commitPosition?: bigint;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * KurrentDB requires a UUID per event. Ingest sends UUIDs, but an id of another shape must still be
 * storable, so it is mapped to a deterministic RFC 9562 version-8 UUID; the original travels in metadata.
 */
export function storageId(eventId: string): string {
  if (UUID.test(eventId)) return eventId.toLowerCase();
  const h = createHash('sha256').update(eventId).digest('hex');
  const variant = (8 | (Number.parseInt(h.charAt(16), 16) & 3)).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Data is stored as the parse of its canonical JSON, so what we hash is exactly what we can read back. */
export function toEventData(
  event: { eventId: string; type: string; dataJson: string },
  metadata: ChainMetadata,
): EventData {
  return jsonEvent({
    id: storageId(event.eventId),
    type: event.type,
    data: JSON.parse(event.dataJson) as JSONType,
    metadata,
  });
}

export function fromResolved(resolved: StoredResolved): RecordedEvent | null {
  const e = resolved.event;
  if (!e) return null;
  const meta = readMetadata(e.metadata);
  return {
    streamId: e.streamId,
    revision: e.revision,
    // Events appended through the gRPC API have commit == prepare, so the commit alone orders $all.
    position: e.position?.commit ?? resolved.commitPosition ?? -1n,
    eventId: meta.eventId ?? e.id,
    type: e.type,
    data: decodeData(e.isJson, e.data),
    recordedAt: meta.recordedAt ?? e.created.toISOString(),
    // An event written by anything but this adapter has no chain fields; verification then flags it.
    prevHash: meta.prevHash ?? '',
    hash: meta.hash ?? '',
  };
}

/** System streams and system event types ($-prefixed) are the server's, never ours. */
export function isUserEvent(event: RecordedEvent): boolean {
  return !event.streamId.startsWith('$') && !event.type.startsWith('$');
}

export function toLink(event: RecordedEvent): ChainLink & { prevHash: string; hash: string } {
  return {
    streamId: event.streamId,
    revision: event.revision,
    eventId: event.eventId,
    type: event.type,
    recordedAt: event.recordedAt,
    dataJson: canonicalJson(event.data),
    prevHash: event.prevHash,
    hash: event.hash,
  };
}

function readMetadata(metadata: unknown): Partial<ChainMetadata> {
  const value = metadata instanceof Uint8Array ? parseJson(Buffer.from(metadata).toString('utf8')) : metadata;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  const out: Partial<ChainMetadata> = {};
  for (const key of ['eventId', 'recordedAt', 'prevHash', 'hash'] as const) {
    const field = (value as Record<string, unknown>)[key];
    if (typeof field === 'string') out[key] = field;
  }
  return out;
}

function decodeData(isJson: boolean, data: unknown): unknown {
  if (isJson || !(data instanceof Uint8Array)) return data;
  const text = Buffer.from(data).toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
