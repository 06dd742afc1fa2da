import type Database from 'better-sqlite3';

/**
 * One table holds the log. `position` is the rowid, so the global order is the insertion order
 * under SQLite's single writer lock: a reader never sees position n+1 before n.
 */
export function migrate(db: Database.Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS events (
      position    INTEGER PRIMARY KEY,
      stream_id   TEXT    NOT NULL,
      revision    INTEGER NOT NULL,
      event_id    TEXT    NOT NULL,
      type        TEXT    NOT NULL,
      data        TEXT    NOT NULL,
      recorded_at TEXT    NOT NULL,
      prev_hash   TEXT    NOT NULL,
      hash        TEXT    NOT NULL
    );
    CREATE UNIQUE INDEX IF NOT EXISTS events_by_stream ON events (stream_id, revision);
    CREATE UNIQUE INDEX IF NOT EXISTS events_by_id ON events (event_id);
  `);
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
