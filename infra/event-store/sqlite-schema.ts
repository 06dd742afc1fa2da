import type Database from 'better-sqlite3';

/**
 * One table holds the log. `position` is the rowid, so the global order is the insertion order
 * under SQLite's single writer lock: a reader never sees position n+1 before n.
 *
 * Duplicate detection looks events up by `event_key`, the first 64 bits of the event id, in a
 * non-unique index, and compares the full id. A unique index on the 36-character id did the same
 * job but its random inserts dirtied about twice as many pages per commit, which halved batch
 * throughput once the log held a few hundred thousand events. Uniqueness of the full id is
 * enforced by the append code, which runs under the write lock (BEGIN IMMEDIATE).
 */
export function migrate(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position    INTEGER PRIMARY KEY,
      stream_id   TEXT    NOT NULL,
      revision    INTEGER NOT NULL,
      event_id    TEXT    NOT NULL,
      event_key   INTEGER NOT NULL,
      type        TEXT    NOT NULL,
      data        TEXT    NOT NULL,
      recorded_at TEXT    NOT NULL,
      prev_hash   TEXT    NOT NULL,
      hash        TEXT    NOT NULL
    );
    CREATE UNIQUE INDEX IF NOT EXISTS events_by_stream ON events (stream_id, revision);
    CREATE INDEX IF NOT EXISTS events_by_key ON events (event_key);
  `);
}

/** First 64 bits of an id as a signed integer: hex digits of a UUID, or a hash of any other id. */
export function eventKey(eventId: string): bigint {
  const hex = eventId.length === 36 && eventId[8] === '-' ? eventId.slice(0, 8) + eventId.slice(9, 13) + eventId.slice(14, 18) : '';
  if (/^[0-9a-fA-F]{16}$/.test(hex)) return BigInt.asIntN(64, BigInt(`0x${hex}`));
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < eventId.length; i++) h = BigInt.asUintN(64, (h ^ BigInt(eventId.charCodeAt(i))) * 0x100000001b3n);
  return BigInt.asIntN(64, h);
}

export interface EventRow {
  position: number | bigint;
  stream_id: string;
  revision: number | bigint;
  event_id: string;
  type: string;
  data: string;
  recorded_at: string;
  prev_hash: string;
  hash: string;
}
