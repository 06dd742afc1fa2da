import type Database from 'better-sqlite3';

/**
 * One table holds the log. `position` is the rowid, so the global order is the insertion order
 * under SQLite's single writer lock: a reader never sees position n+1 before n.
 *
 * Duplicate detection needs every stored event id. `event_keys` lists each event's key (the first
 * 64 bits of its id) by position: an append-only table, cheap to write and to read whole at start,
 * into the in-memory EventKeyIndex. An on-disk index on the random keys did the same job but
 * dirtied one page per appended event, which halved batch throughput once the log was large.
 * Uniqueness of the full id is enforced by the append code under the write lock (BEGIN IMMEDIATE).
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
    CREATE TABLE IF NOT EXISTS event_keys (
      position INTEGER PRIMARY KEY,
      key      INTEGER NOT NULL
    );
  `);
  db.transaction(() => {
    // A log written before event_keys existed, or (defensively) one whose tail lacks its keys.
    const keyed = (db.prepare('SELECT max(position) AS p FROM event_keys').get() as { p: number | bigint | null }).p ?? -1;
    db.prepare('INSERT OR IGNORE INTO event_keys (position, key) SELECT position, event_key FROM events WHERE position > ?').run(keyed);
    db.exec('DROP INDEX IF EXISTS events_by_key');
  }).immediate();
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
