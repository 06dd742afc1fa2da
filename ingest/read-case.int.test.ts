import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countyDepartments } from '../domain/seed/county.ts';
import { aConcludedCaseHistory, aSubmittedEvent } from '../test/builders/case-events.ts';
import { testApp, type TestApp } from '../test/support/test-app.ts';

const deptA = countyDepartments.land.code;
const deptB = countyDepartments.market.code;
let t: TestApp;
let caseId: string;
beforeAll(async () => {
  t = await testApp({ deptA, deptB });
  caseId = `QH-${randomUUID().slice(0, 8)}`;
  await t.app.inject({ method: 'POST', url: '/v1/events', headers: t.auth('deptA'), payload: aConcludedCaseHistory(caseId) });
});
afterAll(async () => t.close());

const read = (who: Parameters<TestApp['auth']>[0], id = caseId, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: `/v1/cases/${id}/events`, headers: { ...t.auth(who), ...headers } });

describe('GET /v1/cases/:caseId/events: replaying a case', () => {
  it('returns the events in the order they were stored, each linked to the one before', async () => {
    const body = (await read('supervisor')).json();
    expect(body.events.map((e: { event: { type: string } }) => e.event.type)).toEqual(aConcludedCaseHistory(caseId).map((e) => e.type));
    expect(body.events[1].prevHash).toBe(body.events[0].hash);
    expect(body.headHash).toBe(body.events.at(-1).hash);
  });

  it("masks the applicant's personal data for a supervisor, and keeps staff names clear", async () => {
    const body = (await read('supervisor')).json();
    const submitted = body.events[0].event;
    expect(body.masked).toBe(true);
    expect(submitted.payload.applicant.name).toBe('张**');
    expect(submitted.payload.applicant.idNumber).toBe('110***********002X');
    expect(submitted.payload.applicant.mobile).toBe('138****1234');
    const accepted = body.events.find((e: { event: { type: string } }) => e.event.type === 'CaseAccepted').event;
    expect(accepted.actor.name).toBe('李承办');
  });

  it('shows an auditor the clear text, and records that access with its reason', async () => {
    const body = (await read('auditor', caseId, { 'x-access-reason': '复核投诉 TS-2026-0001' })).json();
    expect(body.masked).toBe(false);
    expect(body.events[0].event.payload.applicant.idNumber).toBe('11010519491231002X');
    const log = await t.store.readStream(`pii-access-${caseId}`);
    expect(log.at(-1)).toMatchObject({ type: 'PiiAccessed', data: { caseId, who: 'auditor Li', role: 'auditor', reason: '复核投诉 TS-2026-0001' } });
  });

  it("lets a department read its own cases but not another department's", async () => {
    expect((await read('deptA')).statusCode).toBe(200);
    expect((await read('deptB')).statusCode).toBe(403);
  });

  it('answers 404 for a case with no events', async () => {
    expect((await read('supervisor', 'QH-NEVER-SEEN')).statusCode).toBe(404);
  });

  it('rejects a malformed case id with the field named', async () => {
    const res = await read('supervisor', 'bad%20id!');
    expect(res.statusCode).toBe(400);
    expect(res.json().problems[0].path).toBe('caseId');
  });
});

describe('GET /v1/cases/:caseId/verify: proving a history unaltered', () => {
  it('confirms an untouched case and detects an edit made directly in the database', async () => {
    const id = `QH-${randomUUID().slice(0, 8)}`;
    await t.app.inject({ method: 'POST', url: '/v1/events', headers: t.auth('deptA'), payload: [aSubmittedEvent({ caseId: id }), ...aConcludedCaseHistory(id).slice(1)] });
    const ok = (await t.app.inject({ method: 'GET', url: `/v1/cases/${id}/verify`, headers: t.auth('auditor') })).json();
    expect(ok).toMatchObject({ ok: true, length: aConcludedCaseHistory(id).length });

    t.store.db.prepare("UPDATE events SET data = replace(data, '张三丰', '李四') WHERE stream_id = ? AND revision = 0").run(`case-${id}`);
    const broken = (await t.app.inject({ method: 'GET', url: `/v1/cases/${id}/verify`, headers: t.auth('auditor') })).json();
    expect(broken).toMatchObject({ ok: false, brokenAt: 0, reason: expect.stringMatching(/altered/) });
  });

  it('checks a receipt kept from an earlier read', async () => {
    const { headHash, length } = (await read('supervisor')).json();
    const url = `/v1/cases/${caseId}/verify?receiptRevision=${length - 1}&receiptHash=${headHash}`;
    expect((await t.app.inject({ method: 'GET', url, headers: t.auth('auditor') })).json()).toMatchObject({ ok: true });
    const forged = `/v1/cases/${caseId}/verify?receiptRevision=${length - 1}&receiptHash=${'0'.repeat(64)}`;
    expect((await t.app.inject({ method: 'GET', url: forged, headers: t.auth('auditor') })).json()).toMatchObject({ ok: false });
  });

  it('is not open to leaders or departments', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/v1/cases/${caseId}/verify`, headers: t.auth('leader') })).statusCode).toBe(403);
  });
});

describe('tokens', () => {
  it('an admin issues a department token that works at once and is stored only as a hash', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/v1/tokens', headers: t.auth('admin'), payload: { name: 'land system 2', role: 'department', departments: [deptA] } });
    expect(res.statusCode).toBe(201);
    const { token } = res.json();
    const post = await t.app.inject({ method: 'POST', url: '/v1/events', headers: { authorization: `Bearer ${token}` }, payload: aSubmittedEvent({ caseId: `QH-${randomUUID().slice(0, 8)}` }) });
    expect(post.statusCode).toBe(201);
    const list = (await t.app.inject({ method: 'GET', url: '/v1/tokens', headers: t.auth('admin') })).json();
    expect(JSON.stringify(list)).not.toContain(token);
  });

  it('refuses a department token without departments, and token admin by non-admins', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/v1/tokens', headers: t.auth('admin'), payload: { name: 'x', role: 'department' } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/v1/tokens', headers: t.auth('supervisor') })).statusCode).toBe(403);
  });
});
