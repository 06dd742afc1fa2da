import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countyDepartments } from '../domain/seed/county.ts';
import { aConcludedCaseHistory, anAcceptedEvent, aSubmittedEvent, caseEventOf } from '../test/builders/case-events.ts';
import { testApp, type TestApp } from '../test/support/test-app.ts';

const deptA = countyDepartments.land.code;
const deptB = countyDepartments.market.code;
let t: TestApp;
beforeAll(async () => {
  t = await testApp({ deptA, deptB, maxEvents: 50, maxBytes: 256 * 1024 });
});
afterAll(async () => t.close());

const newCase = () => `QH-${randomUUID().slice(0, 13)}`;
const post = (body: unknown, who: Parameters<TestApp['auth']>[0] = 'deptA', contentType = 'application/json') =>
  t.app.inject({ method: 'POST', url: '/v1/events', headers: { ...t.auth(who), 'content-type': contentType }, payload: typeof body === 'string' ? body : JSON.stringify(body) });
const eventsOf = async (caseId: string) => t.store.readStream(`case-${caseId}`);

describe('POST /v1/events: a departmental system reports facts', () => {
  it('stores one event and returns where it went', async () => {
    const caseId = newCase();
    const res = await post(aSubmittedEvent({ caseId }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ received: 1, appended: 1, duplicates: [], streams: [{ streamId: `case-${caseId}`, revision: 0, appended: 1 }] });
    const [stored] = await eventsOf(caseId);
    expect(stored!.type).toBe('CaseSubmitted');
    expect(Date.parse(stored!.recordedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('stores a JSON array of events of several cases in one request', async () => {
    const [a, b] = [newCase(), newCase()];
    const res = await post([...aConcludedCaseHistory(a), ...aConcludedCaseHistory(b)]);
    expect(res.statusCode).toBe(201);
    expect(res.json().streams).toHaveLength(2);
    expect((await eventsOf(a)).map((e) => e.type)).toEqual(aConcludedCaseHistory(a).map((e) => e.type));
  });

  it('stores NDJSON, one event per line, blank lines ignored', async () => {
    const caseId = newCase();
    const body = [aSubmittedEvent({ caseId }), anAcceptedEvent({ caseId })].map((e) => JSON.stringify(e)).join('\n\n') + '\n';
    const res = await post(body, 'deptA', 'application/x-ndjson');
    expect(res.statusCode).toBe(201);
    expect(await eventsOf(caseId)).toHaveLength(2);
  });

  it('stores an out-of-order fact for a case never submitted: the rules flag it, ingest does not judge it', async () => {
    const caseId = newCase();
    const res = await post(caseEventOf('CaseConcluded', caseId, { seq: 1, payload: { resultCode: '1' } }));
    expect(res.statusCode).toBe(201);
    expect(await eventsOf(caseId)).toHaveLength(1);
  });

  it('stores reference data sent by the administrator but refuses it from a department', async () => {
    const calendar = { eventId: randomUUID(), type: 'CalendarPublished', occurredAt: '2026-11-01T00:00:00+08:00', sourceSystem: 'admin', payload: { year: 2031, holidays: [], extraWorkdays: [], source: 'test notice' } };
    expect((await post(calendar, 'deptA')).statusCode).toBe(403);
    expect((await post(calendar, 'admin')).statusCode).toBe(201);
  });
});

describe('duplicates', () => {
  it('a resent event is acknowledged as a duplicate and stored once', async () => {
    const caseId = newCase();
    const e = aSubmittedEvent({ caseId });
    expect((await post(e)).statusCode).toBe(201);
    const again = await post(e);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ appended: 0, duplicates: [e.eventId] });
    expect(await eventsOf(caseId)).toHaveLength(1);
  });

  it('the same event twice inside one batch is stored once', async () => {
    const caseId = newCase();
    const e = aSubmittedEvent({ caseId });
    const res = await post([e, e, anAcceptedEvent({ caseId })]);
    expect(res.json()).toMatchObject({ appended: 2, duplicates: [e.eventId] });
    expect(await eventsOf(caseId)).toHaveLength(2);
  });

  it('an event id reused for a different fact is refused with 409 and nothing of the batch is stored', async () => {
    const caseId = newCase();
    const e = aSubmittedEvent({ caseId });
    await post(e);
    const other = newCase();
    const res = await post([aSubmittedEvent({ caseId: other }), { ...anAcceptedEvent({ caseId }), eventId: e.eventId }]);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'EVENT_ID_CONFLICT', eventId: e.eventId });
    expect(await eventsOf(other)).toHaveLength(0);
  });
});

describe('bad input is refused whole, with every problem named', () => {
  it('malformed JSON: says where, stores nothing', async () => {
    const res = await post('[{"type":"CaseSubmitted"},{"type" "x"}]');
    expect(res.statusCode).toBe(400);
    expect(res.json().problems[0].message).toMatch(/in event \[1\] of the array, at line 1, column \d+/);
  });

  it('malformed NDJSON: names every broken line', async () => {
    const caseId = newCase();
    const body = `${JSON.stringify(aSubmittedEvent({ caseId }))}\n{"broken": \n${JSON.stringify(anAcceptedEvent({ caseId }))}\nnot json`;
    const res = await post(body, 'deptA', 'application/x-ndjson');
    expect(res.statusCode).toBe(400);
    expect(res.json().problems.map((p: { line: number }) => p.line)).toEqual([2, 4]);
    expect(await eventsOf(caseId)).toHaveLength(0);
  });

  it('wrong types, missing fields and a timestamp without offset: each listed with index and path, nothing stored', async () => {
    const caseId = newCase();
    const good = aSubmittedEvent({ caseId });
    const noOffset = { ...anAcceptedEvent({ caseId }), occurredAt: '2026-03-16T09:30:00' };
    const wrongType = { ...anAcceptedEvent({ caseId }), seq: 'three' };
    const { payload, ...missingPayload } = aSubmittedEvent({ caseId });
    const missingName = aSubmittedEvent({ caseId });
    delete (missingName.payload.applicant as { name?: string }).name;
    const res = await post([good, noOffset, wrongType, missingPayload, missingName]);
    expect(res.statusCode).toBe(400);
    const problems = res.json().problems as { index: number; path: string; message: string; eventId: string }[];
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ index: 1, path: 'occurredAt', message: expect.stringMatching(/UTC offset.*got "2026-03-16T09:30:00"/) }),
        expect.objectContaining({ index: 2, path: 'seq', message: expect.stringMatching(/got "three"/) }),
        expect.objectContaining({ index: 3, path: 'payload', message: 'is missing; it is required' }),
        expect.objectContaining({ index: 4, path: 'payload.applicant.name', message: 'is missing; it is required', eventId: missingName.eventId }),
      ]),
    );
    expect(res.json().message).toMatch(/4 of 5 events are malformed. Nothing of this request was stored/);
    expect(payload).toBeDefined();
    expect(await eventsOf(caseId)).toHaveLength(0);
  });

  it('an unknown event type: lists the known ones', async () => {
    const res = await post({ ...aSubmittedEvent({ caseId: newCase() }), type: 'CaseTeleported' });
    expect(res.statusCode).toBe(400);
    expect(res.json().problems[0]).toMatchObject({ index: 0, path: 'type', message: expect.stringMatching(/"CaseTeleported" is not a known event type; known types: CaseSubmitted, .*CaseAccepted/) });
  });

  it('a misspelt envelope field is refused rather than silently dropped', async () => {
    const { occurredAt, ...rest } = aSubmittedEvent({ caseId: newCase() });
    const res = await post({ ...rest, occuredAt: occurredAt });
    expect(res.statusCode).toBe(400);
    expect(res.json().problems.map((p: { path: string }) => p.path).sort()).toEqual(['occuredAt', 'occurredAt']);
  });

  it('an empty body, an empty array and a non-object item', async () => {
    expect((await post('')).statusCode).toBe(400);
    expect((await post([])).statusCode).toBe(400);
    const res = await post([42]);
    expect(res.json().problems[0]).toMatchObject({ index: 0, message: 'each event must be a JSON object' });
  });

  it('an unsupported content type gets 415', async () => {
    const res = await post('a,b,c', 'deptA', 'text/csv');
    expect(res.statusCode).toBe(415);
  });
});

describe('limits', () => {
  it('more events than the per-request limit: 413, nothing stored', async () => {
    const caseId = newCase();
    const res = await post(Array.from({ length: 51 }, (_, i) => caseEventOf('StepStarted', caseId, { seq: i + 1 })));
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toMatch(/51 events; the limit is 50/);
    expect(await eventsOf(caseId)).toHaveLength(0);
  });

  it('a body over the byte limit: 413, nothing stored', async () => {
    const caseId = newCase();
    const huge = aSubmittedEvent({ caseId, payload: { matterName: 'x'.repeat(300 * 1024) } });
    const res = await post(huge);
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toMatch(/larger than the limit of 262144 bytes/);
    expect(await eventsOf(caseId)).toHaveLength(0);
  });
});

describe('access', () => {
  it('no token: 401; a bad token: 401', async () => {
    const noToken = await t.app.inject({ method: 'POST', url: '/v1/events', payload: aSubmittedEvent() });
    expect(noToken.statusCode).toBe(401);
    expect(noToken.json().message).toMatch(/Missing Authorization header/);
    const bad = await t.app.inject({ method: 'POST', url: '/v1/events', headers: { authorization: 'Bearer nope' }, payload: aSubmittedEvent() });
    expect(bad.statusCode).toBe(401);
  });

  it("an event of another department: 403 naming the event, and the batch's other events are not stored", async () => {
    const caseId = newCase();
    const foreign = aSubmittedEvent({ caseId: newCase(), dept: { code: deptB, name: '清河县市场监督管理局' } });
    const res = await post([aSubmittedEvent({ caseId }), foreign]);
    expect(res.statusCode).toBe(403);
    expect(res.json().problems).toEqual([expect.objectContaining({ index: 1, eventId: foreign.eventId, path: 'dept.code' })]);
    expect(await eventsOf(caseId)).toHaveLength(0);
  });

  it('reading roles may not append', async () => {
    for (const who of ['supervisor', 'leader', 'auditor'] as const) {
      expect((await post(aSubmittedEvent({ caseId: newCase() }), who)).statusCode).toBe(403);
    }
  });
});

describe('the store is down', () => {
  it('503 with nothing half-written, and /health says so', async () => {
    const down = await testApp({ deptA, deptB });
    await down.store.close();
    const res = await down.app.inject({ method: 'POST', url: '/v1/events', headers: { ...down.auth('deptA'), 'content-type': 'application/json' }, payload: JSON.stringify(aSubmittedEvent()) });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ error: 'STORE_UNAVAILABLE', message: expect.stringMatching(/Nothing of this request was stored/) });
    expect((await down.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(503);
    await down.app.close();
  });
});
