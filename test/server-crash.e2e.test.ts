import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseEvent } from '../domain/events/catalogue.ts';
import { hashToken } from '../infra/auth/tokens.ts';
import { caseEventOf, VALID_DEPT_USCC } from './builders/case-events.ts';
import { startServer, type RunningServer } from './support/server-process.ts';

const deptToken = 'e2e-department-token-0000000';
const env = (dataDir: string) => ({
  SUNLIGHT_DATA_DIR: dataDir,
  SUNLIGHT_ADMIN_TOKEN: 'e2e-admin-token-000000000000',
  SUNLIGHT_TOKENS: JSON.stringify([{ name: 'e2e land system', role: 'department', departments: [VALID_DEPT_USCC], sha256: hashToken(deptToken) }]),
  SUNLIGHT_MAX_EVENTS_PER_REQUEST: '50000',
  SUNLIGHT_MAX_REQUEST_BYTES: String(64 * 1024 * 1024),
});

/** `cases` cases of `perCase` step events each, in NDJSON. */
function batch(tag: string, cases: number, perCase: number): { ids: string[]; body: string } {
  const events: CaseEvent[] = [];
  for (let c = 0; c < cases; c++) {
    for (let i = 0; i < perCase; i++) events.push(caseEventOf('StepStarted', `E2E-${tag}-${c}`, { seq: i + 1 }));
  }
  return { ids: events.map((e) => e.eventId), body: events.map((e) => JSON.stringify(e)).join('\n') };
}

const send = (server: RunningServer, body: string) =>
  fetch(`${server.url}/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${deptToken}`, 'content-type': 'application/x-ndjson' }, body });

function countStored(dataDir: string, ids: string[]): number {
  const db = new Database(join(dataDir, 'events.db'), { readonly: true });
  try {
    db.exec('CREATE TEMP TABLE wanted (id TEXT PRIMARY KEY)');
    const put = db.prepare('INSERT INTO wanted VALUES (?)');
    db.transaction(() => ids.forEach((id) => put.run(id)))();
    return (db.prepare('SELECT count(*) AS n FROM events JOIN wanted ON events.event_id = wanted.id').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('a real server on a real port, killed with SIGKILL', () => {
  let server: RunningServer | undefined;
  afterEach(async () => server?.stop());

  it('keeps every acknowledged event across kill -9 and restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sunlight-e2e-'));
    server = await startServer(env(dir));
    const { ids, body } = batch('ack', 50, 10);
    const res = await send(server, body);
    expect(res.status).toBe(201);
    await server.kill9();

    server = await startServer(env(dir));
    const read = await fetch(`${server.url}/v1/cases/E2E-ack-7/events`, { headers: { authorization: `Bearer ${deptToken}` } });
    expect(((await read.json()) as { length: number }).length).toBe(10);
    expect(countStored(dir, ids)).toBe(ids.length);
  });

  it('a batch cut by kill -9 while it is being stored is, after restart, entirely there or entirely absent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sunlight-e2e-'));
    server = await startServer(env(dir));
    // Measure how long a batch of this size takes, then kill at several points inside that time.
    const warm = batch('warm', 200, 100);
    const t0 = performance.now();
    expect((await send(server, warm.body)).status).toBe(201);
    const took = performance.now() - t0;

    const outcomes: string[] = [];
    for (const fraction of [0.5, 0.8, 0.95, 1.1]) {
      const cut = batch(`cut${Math.round(fraction * 100)}`, 200, 100);
      const pending = send(server, cut.body).catch(() => null);
      await new Promise((r) => setTimeout(r, took * fraction));
      await server.kill9();
      await pending;
      server = await startServer(env(dir));
      const stored = countStored(dir, cut.ids);
      outcomes.push(`${fraction}: ${stored === 0 ? 'absent' : stored === cut.ids.length ? 'complete' : `PARTIAL ${stored}`}`);
      expect([0, cut.ids.length]).toContain(stored);
      // The log stays usable: the same batch can be sent again and is then stored in full.
      expect((await send(server, cut.body)).status).toBeLessThan(300);
      expect(countStored(dir, cut.ids)).toBe(cut.ids.length);
    }
    console.info(`kill -9 during a 20,000-event batch (${took.toFixed(0)} ms to store): ${outcomes.join(', ')}`);
  }, 120_000);
});
