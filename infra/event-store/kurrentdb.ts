/**
 * Production event store on KurrentDB (EventStoreDB) through the official gRPC client.
 *
 * How the port maps onto the server, and where it differs from the embedded SQLite store:
 * - Hash chain. Each event's metadata holds `{ eventId, recordedAt, prevHash, hash }` as strings (the
 *   only metadata shape multiStreamAppend accepts). Data is stored as the parse of its canonical
 *   JSON, so what was hashed is exactly what is read back. Because a hash depends on the previous
 *   event, every write uses the exact revision we read; a concurrent writer makes the write fail
 *   rather than fork the chain, and the batch is read and planned again (at most 5 rounds).
 * - Duplicates are detected per stream: each append reads the whole target stream and compares
 *   event ids. The SQLite store detects them store-wide, so here an id reused in another stream is
 *   stored again rather than refused. Reading the stream on every append is cheap for case and
 *   alert streams, which stay short; it would not be for a stream of unbounded length.
 * - appendMany with more than one stream uses multiStreamAppend, which needs KurrentDB 25.1 or later;
 *   an older server refuses it with a clear error rather than losing atomicity silently.
 * - Positions: our bigint position is the event's commit position. Events appended through the gRPC
 *   API have commit == prepare, so a position given back to us (readAll `after`, a subscription
 *   checkpoint) is turned into `{ commit: p, prepare: p }`.
 * - System events ($-prefixed streams or types) are never returned by readAll, subscribeAll or
 *   headPosition.
 * - Event ids must be UUIDs on the server; other ids are mapped to a deterministic UUID and kept
 *   verbatim in metadata.
 * - Connection failures and timeouts surface as StoreUnavailableError.
 */
import { KurrentDBClient } from '@kurrent/kurrentdb-client';
import { checkChain } from '../../domain/hash-chain.ts';
import { appendBatch } from './kurrentdb-append.ts';
import { toLink } from './kurrentdb-codec.ts';
import { translateError } from './kurrentdb-errors.ts';
import { readAllEvents, readHeadPosition, readStreamEvents } from './kurrentdb-read.ts';
import { subscribeAllEvents } from './kurrentdb-subscription.ts';
import type { AppendResult, EventStore, Subscription, VerifyResult } from './port.ts';

export interface KurrentDbEventStoreOptions {
  /** A KurrentDB connection string, e.g. `kurrentdb://localhost:2113?tls=false`. */
  connectionString: string;
}

export function createKurrentDbEventStore(options: KurrentDbEventStoreOptions): EventStore {
  const client = KurrentDBClient.connectionString(options.connectionString);
  const subscriptions = new Set<Subscription>();

  return {
    async append(request) {
      const [result] = await appendBatch(client, [request]);
      return result as AppendResult;
    },
    async appendMany(requests) {
      return requests.length === 0 ? [] : appendBatch(client, requests);
    },
    readStream: (streamId, opts) => readStreamEvents(client, streamId, opts),
    readAll: (opts) => readAllEvents(client, opts),
    subscribeAll(opts) {
      const subscription = subscribeAllEvents(client, opts);
      subscriptions.add(subscription);
      void subscription.done.then(() => subscriptions.delete(subscription));
      return subscription;
    },
    async verifyStream(streamId, opts = {}): Promise<VerifyResult> {
      const events = await readStreamEvents(client, streamId);
      const check = checkChain(events.map(toLink), { receipt: opts.receipt, minLength: opts.expectedMinLength });
      return { streamId, ...check };
    },
    headPosition: () => readHeadPosition(client),
    async close() {
      await Promise.all([...subscriptions].map((s) => s.stop()));
      try {
        await client.dispose();
      } catch (error) {
        throw translateError(error);
      }
    },
  };
}
