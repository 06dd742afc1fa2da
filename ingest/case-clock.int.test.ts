import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countyDepartments } from '../domain/seed/county.ts';
import { loadSeed } from '../infra/seed.ts';
import { caseEventOf } from '../test/builders/case-events.ts';
import { testApp, type TestApp } from '../test/support/test-app.ts';

let now = new Date('2026-04-07T10:00:00+08:00');
let t: TestApp;
const at = (day: string, time = '10:00:00') => `${day}T${time}+08:00`;
const caseId = 'QH-CLOCK-1';

beforeAll(async () => {
  t = await testApp({ deptA: countyDepartments.land.code, deptB: countyDepartments.market.code, now: () => now });
  await loadSeed(t.store, new Date());
  // Seed matter QH-ZRZY-003: promised 10 working days. Supplement notice Fri 03-20, supplements Fri 03-27.
  const events = [
    caseEventOf('CaseSubmitted', caseId, { seq: 1, occurredAt: at('2026-03-16', '09:00:00') }),
    caseEventOf('CaseAccepted', caseId, { seq: 2, occurredAt: at('2026-03-16', '09:30:00') }),
    caseEventOf('SupplementRequested', caseId, { seq: 3, occurredAt: at('2026-03-20') }),
    caseEventOf('SupplementReceived', caseId, { seq: 4, occurredAt: at('2026-03-27') }),
  ];
  await t.app.inject({ method: 'POST', url: '/v1/events', headers: t.auth('deptA'), payload: events });
});
afterAll(async () => t.close());

const get = (who: Parameters<TestApp['auth']>[0] = 'supervisor') => t.app.inject({ method: 'GET', url: `/v1/cases/${caseId}`, headers: t.auth(who) });

describe('GET /v1/cases/:caseId: a case paused for supplements across Qingming', () => {
  it('gives the due date with the paused working days excluded, and says how', async () => {
    const body = (await get()).json();
    expect(body).toMatchObject({ status: 'running', acceptedOn: '2026-03-16', promised: { limit: 10, consumedDays: 4, dueDate: '2026-04-07' } });
    expect(body.promised.pauses).toEqual([expect.objectContaining({ kind: 'supplement', from: '2026-03-20', to: '2026-03-27' })]);
    expect(body.matter).toMatchObject({ matterCode: 'QH-ZRZY-003', version: 1, source: 'in-force' });
    expect(body.calendar).toMatchObject({ years: [2026], fallback: null });
    const text = JSON.stringify(body.explanation);
    expect(text).toContain('2026-03-20');
    expect(text).toContain('2026-04-07');
  });

  it('signals yellow on the due day and red the day after', async () => {
    expect((await get()).json().signal).toMatchObject({ level: 'yellow', clock: 'promised' });
    now = new Date('2026-04-08T08:00:00+08:00');
    expect((await get()).json().signal).toMatchObject({ level: 'red', clock: 'promised' });
  });

  it("is refused to another department's system, and 404 for an unknown case", async () => {
    expect((await get('deptB')).statusCode).toBe(403);
    expect((await get('deptA')).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/v1/cases/QH-NOPE', headers: t.auth('leader') })).statusCode).toBe(404);
  });
});
