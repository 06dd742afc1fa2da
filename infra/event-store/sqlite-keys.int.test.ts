import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSqliteEventStore } from './sqlite.ts';

const file = () => join(mkdtempSync(join(tmpdir(), 'sunlight-keys-')), 'events.db');
const event = (eventId = randomUUID()) => ({ eventId, type: 'Noted', data: { n: 1 }, recordedAt: '2026-03-02T09:00:00+08:00' });

describe('duplicate detection over the whole log', () => {
  it('sees events another process appended to the same file after it opened', async () => {
    const path = file();
    const a = createSqliteEventStore({ file: path });
    const b = createSqliteEventStore({ file: path });
    const e = event();
    expect((await a.append({ streamId: 's-1', events: [e], expectedRevision: 'any' })).appended).toBe(1);
    const again = await b.append({ streamId: 's-1', events: [e], expectedRevision: 'any' });
    expect(again).toMatchObject({ appended: 0, duplicates: [e.eventId] });
    await a.close();
    await b.close();
  });

  it('opens a log written before event_keys existed, keys every stored event and drops the old index', async () => {
    const path = file();
    const first = createSqliteEventStore({ file: path });
    const old = [event(), event(), event()];
    await first.append({ streamId: 's-old', events: old, expectedRevision: 'any' });
    await first.close();
    // The log as the earlier schema left it: no key table, an index on event_key instead.
    const raw = new Database(path);
    raw.exec('DROP TABLE event_keys; CREATE INDEX events_by_key ON events (event_key);');
    raw.close();

    const reopened = createSqliteEventStore({ file: path });
    const indexes = reopened.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'").pluck().all();
    expect(indexes).not.toContain('events_by_key');
    expect(reopened.db.prepare('SELECT count(*) FROM event_keys').pluck().get()).toBe(3n);
    const retried = await reopened.append({ streamId: 's-old', events: [old[1]!, event()], expectedRevision: 'any' });
    expect(retried).toMatchObject({ appended: 1, duplicates: [old[1]!.eventId] });
    await reopened.close();
  });
});
