import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countyDepartments } from '../domain/seed/county.ts';
import { caseEventOf } from '../test/builders/case-events.ts';
import { testApp, type TestApp } from '../test/support/test-app.ts';
import { workerPreparer } from './batch-preparer.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ deptA: countyDepartments.land.code, deptB: countyDepartments.market.code, preparer: workerPreparer(1, { inlineBelowBytes: 1024 }) });
});
afterAll(async () => t.close());

const batch = (caseId: string, n: number) => Array.from({ length: n }, (_, i) => caseEventOf('StepStarted', caseId, { seq: i + 1 }));
const post = (body: string, type = 'application/json') => t.app.inject({ method: 'POST', url: '/v1/events', headers: { ...t.auth('deptA'), 'content-type': type }, payload: body });

describe('large batches validated on a worker thread', () => {
  it('stores a batch the worker prepared, byte for byte the same facts', async () => {
    const caseId = `QH-W-${randomUUID().slice(0, 8)}`;
    const events = batch(caseId, 300);
    const res = await post(JSON.stringify(events));
    expect(res.statusCode).toBe(201);
    const stored = await t.store.readStream(`case-${caseId}`);
    expect(stored.map((e) => e.data)).toEqual(events);
  });

  it('reports the same problems as the main thread would, with their indexes and NDJSON lines', async () => {
    const caseId = `QH-W-${randomUUID().slice(0, 8)}`;
    const events: unknown[] = batch(caseId, 100);
    events[57] = { ...(events[57] as object), occurredAt: 'yesterday' };
    const res = await post(events.map((e) => JSON.stringify(e)).join('\n'), 'application/x-ndjson');
    expect(res.statusCode).toBe(400);
    expect(res.json().problems).toEqual([expect.objectContaining({ index: 57, line: 58, path: 'occurredAt' })]);
    expect(await t.store.readStream(`case-${caseId}`)).toEqual([]);
  });

  it('keeps serving after many batches: the worker is reused and its memory handed back', async () => {
    for (let i = 0; i < 20; i++) expect((await post(JSON.stringify(batch(`QH-W-LOOP-${i}`, 50)))).statusCode).toBe(201);
  });
});
