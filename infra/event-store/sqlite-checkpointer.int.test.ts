import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { anAcceptedCase } from '../../test/builders/case-events.ts';
import { createSqliteEventStore } from './sqlite.ts';

describe('background WAL checkpointer', () => {
  it('copies committed events into the database file while the writer goes on, losing nothing', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'sunlight-ckpt-')), 'events.db');
    const store = createSqliteEventStore({ file, backgroundCheckpoint: true });
    const sizeBefore = statSync(file).size;
    let appended = 0;
    for (let i = 0; i < 200; i++) {
      const caseId = `CKPT-${i}`;
      const events = anAcceptedCase(caseId).map((e) => ({ eventId: e.eventId, type: e.type, data: e, recordedAt: new Date().toISOString() }));
      await store.append({ streamId: `case-${caseId}`, events, expectedRevision: 'any' });
      appended += events.length;
    }
    await expect.poll(() => store.checkpointer?.last()?.checkpointed ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => statSync(file).size, { timeout: 10_000 }).toBeGreaterThan(sizeBefore);
    await store.close();

    const reopened = createSqliteEventStore({ file });
    expect((await reopened.readAll()).length).toBe(appended);
    expect((await reopened.verifyStream('case-CKPT-199')).ok).toBe(true);
    await reopened.close();
  });
});
