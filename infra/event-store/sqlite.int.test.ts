import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalJson } from '../../domain/hash-chain.ts';
import { eventStoreContract, type Tamper } from './contract.ts';
import { createSqliteEventStore } from './sqlite.ts';

eventStoreContract('embedded SQLite', async () => {
  const store = createSqliteEventStore({ file: join(mkdtempSync(join(tmpdir(), 'sunlight-es-')), 'events.db') });
  const { db } = store;
  const tamper: Tamper = {
    editData: (s, rev, data) => void db.prepare('UPDATE events SET data = ? WHERE stream_id = ? AND revision = ?').run(canonicalJson(data), s, rev),
    remove: (s, rev) => void db.prepare('DELETE FROM events WHERE stream_id = ? AND revision = ?').run(s, rev),
    swap: (s, a, b) =>
      db.transaction(() => {
        // Swap the contents of two rows but keep their revision numbers, as a careless rewrite would.
        const cols = 'event_id, type, data, recorded_at, prev_hash, hash';
        const ra = db.prepare(`SELECT ${cols} FROM events WHERE stream_id = ? AND revision = ?`).get(s, a) as Record<string, unknown>;
        const rb = db.prepare(`SELECT ${cols} FROM events WHERE stream_id = ? AND revision = ?`).get(s, b) as Record<string, unknown>;
        const put = db.prepare('UPDATE events SET event_id = ?, type = ?, data = ?, recorded_at = ?, prev_hash = ?, hash = ? WHERE stream_id = ? AND revision = ?');
        put.run(`tmp-${rb.event_id}`, rb.type, rb.data, rb.recorded_at, rb.prev_hash, rb.hash, s, a);
        put.run(ra.event_id, ra.type, ra.data, ra.recorded_at, ra.prev_hash, ra.hash, s, b);
        db.prepare('UPDATE events SET event_id = ? WHERE event_id = ?').run(rb.event_id, `tmp-${rb.event_id}`);
      })(),
    truncate: (s, from) => void db.prepare('DELETE FROM events WHERE stream_id = ? AND revision >= ?').run(s, from),
  };
  return { store, tamper };
});
