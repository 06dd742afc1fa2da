import { canonicalJson, type Receipt } from '../../domain/hash-chain.ts';

/**
 * The event store port. Two adapters implement it (embedded SQLite, KurrentDB) and both must pass
 * the shared contract suite in `contract.ts`. Positions and revisions are bigints so that a
 * KurrentDB log position fits without loss.
 */

/** The canonical JSON of a new event's data, serialising it only if the caller did not. */
export function canonicalDataOf(event: NewEvent): string {
  return event.dataJson ?? canonicalJson(event.data);
}

/** Expected state of a stream before an append (optimistic concurrency). */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

export interface NewEvent {
  /** Idempotency key: an id that is already stored is acknowledged as a duplicate, never stored twice. */
  eventId: string;
  type: string;
  /** Plain JSON data. The store serialises it canonically (sorted keys) before hashing. */
  data: unknown;
  /**
   * `canonicalJson(data)`, when the caller has it already (the ingest prepares it off the main
   * thread). When given, it is what is stored and hashed, and `data` may be left undefined.
   */
  dataJson?: string;
  /** Arrival time set by the server (ISO-8601 with offset). */
  recordedAt: string;
}

export interface RecordedEvent {
  streamId: string;
  /** 0-based revision within the stream. */
  revision: bigint;
  /** Position in the global order of all events. Strictly increasing along `readAll`. */
  position: bigint;
  eventId: string;
  type: string;
  data: unknown;
  recordedAt: string;
  /** Hash of the previous event in the stream ('' for revision 0). */
  prevHash: string;
  /** sha256(prevHash ‖ canonical event), hex. See domain/hash-chain.ts. */
  hash: string;
}

export interface AppendRequest {
  streamId: string;
  events: NewEvent[];
  expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  streamId: string;
  /** Revision of the stream's last event after the append (-1n if the stream is still empty). */
  nextRevision: bigint;
  /** Global position of the last event written, or null if every event was a duplicate. */
  position: bigint | null;
  appended: number;
  /** Event ids that were already stored with the same content: acknowledged, not stored again. */
  duplicates: string[];
}

export interface ReadAllOptions {
  /** Exclusive: read events after this position. Omit to read from the start. */
  after?: bigint;
  maxCount?: number;
}

export interface ReadStreamOptions {
  fromRevision?: bigint;
  maxCount?: number;
}

export interface Subscription {
  /** Stops the subscription; resolves once no further handler call will happen. */
  stop(): Promise<void>;
  /** Resolves when the subscription has stopped (by `stop` or by a handler error). */
  readonly done: Promise<void>;
}

export interface SubscribeOptions {
  /** Exclusive checkpoint: deliver events strictly after it. Omit to deliver from the start. */
  after?: bigint;
  /** Called once per event, in global order; the next call waits for the returned promise. */
  onEvent(event: RecordedEvent): Promise<void> | void;
  /** Called when the subscription fails; the subscription is stopped. */
  onError?(error: unknown): void;
}

export interface VerifyOptions {
  /** A revision and hash an auditor kept earlier; detects a cut tail or a rewritten chain. */
  receipt?: Receipt;
  /** Number of events the auditor knows the stream had at least. */
  expectedMinLength?: number;
}

export type VerifyResult =
  | { ok: true; streamId: string; length: number; headHash: string }
  | { ok: false; streamId: string; length: number; brokenAt: bigint | null; reason: string };

export interface EventStore {
  /** The embedded log's file, for readers on other threads (a rebuild); absent for a server. */
  readonly localFile?: string;
  /** Appends to one stream. Throws ConcurrencyError when the expected revision does not hold. */
  append(request: AppendRequest): Promise<AppendResult>;
  /**
   * Appends to several streams atomically: every event is stored (or recognised as a duplicate),
   * or none is. Throws ConcurrencyError naming the stream whose expectation failed.
   */
  appendMany(requests: AppendRequest[]): Promise<AppendResult[]>;
  /** Reads one stream in revision order. An absent stream reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Reads events of all streams in global order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * Where each stream whose id starts with `prefix` ends now: the position of its newest event.
   * Offered where it is cheap (SQLite reads it from the stream index); a rebuild uses it to compute
   * each case once, at its last event.
   */
  streamEnds?(prefix: string): Promise<Map<string, bigint>>;
  /** Catch-up from a checkpoint, then live: no gap, no reordering. */
  subscribeAll(options: SubscribeOptions): Subscription;
  /** Recomputes a stream's hash chain and reports the first break. */
  verifyStream(streamId: string, options?: VerifyOptions): Promise<VerifyResult>;
  /** Position of the last stored event, or -1n for an empty store. */
  headPosition(): Promise<bigint>;
  close(): Promise<void>;
}
