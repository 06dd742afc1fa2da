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
        const cols = ['event_id', 'event_key', 'type', 'data', 'recorded_at', 'prev_hash', 'hash'];
        const get = db.prepare(`SELECT ${cols.join(', ')} FROM events WHERE stream_id = ? AND revision = ?`);
        const put = db.prepare(`UPDATE events SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE stream_id = ? AND revision = ?`);
        const [ra, rb] = [get.get(s, a) as Record<string, unknown>, get.get(s, b) as Record<string, unknown>];
        put.run(...cols.map((c) => rb[c]), s, a);
        put.run(...cols.map((c) => ra[c]), s, b);
      })(),
    truncate: (s, from) => void db.prepare('DELETE FROM events WHERE stream_id = ? AND revision >= ?').run(s, from),
  };
  return { store, tamper };
});
