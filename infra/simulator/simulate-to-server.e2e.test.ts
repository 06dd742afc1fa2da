import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../test/support/server-process.ts';
import { runSimulate } from './simulate-command.ts';
import { simulateCounty } from './simulate.ts';

const admin = 'simulate-e2e-admin-token-0000';
let server: RunningServer;

// A server with its read models can take a while to start on a busy machine.
beforeAll(async () => {
  // An API node: no projector and no alert evaluator appending alert events while the log is counted.
  server = await startServer({ SUNLIGHT_DATA_DIR: mkdtempSync(join(tmpdir(), 'sunlight-sim-e2e-')), SUNLIGHT_ADMIN_TOKEN: admin, SUNLIGHT_PROJECTIONS: 'off' });
}, 60_000);
afterAll(async () => server?.stop());

describe('given a running server', () => {
  it('sunlight simulate --to URL stores the reference data and every case, which read back unchanged', async () => {
    expect(await runSimulate(['--seed', '31', '--cases', '400', '--to', server.url, '--token', admin, '--quiet'])).toBe(0);
    const cases = [...simulateCounty({ seed: 31, cases: 400 }).cases];
    const sample = cases[cases.length - 1]!;
    const res = await fetch(`${server.url}/v1/cases/${sample.truth.caseId}/events`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { events: { event: { eventId: string; seq: number } }[] };
    expect(body.events.map((e) => e.event.eventId)).toEqual(sample.events.map((e) => e.eventId));
    expect(body.events.map((e) => e.event.seq)).toEqual(sample.events.map((e) => e.seq));
  });

  it('sending the same seed again stores nothing new (the ids are the same, so they are duplicates)', async () => {
    const head = async () => ((await (await fetch(`${server.url}/v1/status`, { headers: { authorization: `Bearer ${admin}` } })).json()) as { eventStore: { headPosition: number } }).eventStore.headPosition;
    const before = await head();
    await runSimulate(['--seed', '31', '--cases', '400', '--to', server.url, '--token', admin, '--quiet']);
    expect(await head()).toBe(before);
  });
});
