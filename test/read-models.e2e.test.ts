import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aConcludedCaseHistory, caseEventOf, VALID_DEPT_USCC } from './builders/case-events.ts';
import { startServer, type RunningServer } from './support/server-process.ts';

const admin = 'e2e-admin-token-000000000000';
let server: RunningServer;
const get = async (path: string) => fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${admin}` } });

beforeAll(async () => {
  server = await startServer({ SUNLIGHT_DATA_DIR: mkdtempSync(join(tmpdir(), 'sunlight-e2e-')), SUNLIGHT_ADMIN_TOKEN: admin });
});
afterAll(async () => server?.stop());

describe('a running server keeps its read models up to date', () => {
  it('projects what it stores, and /v1/status and /metrics show the lag closing to zero', async () => {
    const events = Array.from({ length: 20 }, (_, i) => aConcludedCaseHistory(`QH-E2E-${i}`)).flat();
    const res = await fetch(`${server.url}/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify(events) });
    expect(res.status).toBe(201);
    let status: { eventStore: { headPosition: number }; projection: { lagEvents: number; checkpoint: number; state: string } } | undefined;
    for (let i = 0; i < 200; i++) {
      status = (await (await get('/v1/status')).json()) as typeof status;
      if (status!.projection.lagEvents === 0 && status!.projection.checkpoint === status!.eventStore.headPosition) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(status!.projection).toMatchObject({ state: 'running', lagEvents: 0 });
    expect(status!.projection.checkpoint).toBeGreaterThanOrEqual(events.length);
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`^sunlight_projection_checkpoint_position ${status!.projection.checkpoint}$`, 'm'));
    expect(metrics).toMatch(/^sunlight_projection_lag_events 0$/m);
  });
});

describe('GET /v1/cases: the worklist from the read model', () => {
  it('lists a case past its due date under signal=red, and not under signal=none', async () => {
    const overdue = [
      caseEventOf('CaseSubmitted', 'QH-E2E-LATE', { seq: 1, occurredAt: '2026-02-10T09:00:00+08:00' }),
      caseEventOf('CaseAccepted', 'QH-E2E-LATE', { seq: 2, occurredAt: '2026-02-10T09:30:00+08:00' }),
    ];
    await fetch(`${server.url}/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: JSON.stringify(overdue) });
    const ids = async (query: string) => ((await (await get(`/v1/cases?${query}&limit=1000`)).json()) as { cases: { case_id: string }[] }).cases.map((c) => c.case_id);
    for (let i = 0; i < 100 && !(await ids('signal=red')).includes('QH-E2E-LATE'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await ids('signal=red')).toContain('QH-E2E-LATE');
    expect(await ids('signal=none')).not.toContain('QH-E2E-LATE');
    const concluded = (await (await get('/v1/cases?status=concluded&limit=1000')).json()) as { cases: { case_id: string; classification: string }[] };
    expect(concluded.cases.filter((c) => c.case_id.startsWith('QH-E2E-'))).toHaveLength(20);
    expect(new Set(concluded.cases.map((c) => c.classification))).toEqual(new Set(['early']));
  });
});

describe('GET /v1/stats/departments: the figures rankings are built from', () => {
  it("counts the department's concluded cases and how they concluded, on the days they happened", async () => {
    const res = await get('/v1/stats/departments?from=2026-03-01&to=2026-04-30');
    const body = (await res.json()) as { departments: { dept_code: string; concluded: string; early: string; on_time_rate: number }[] };
    const land = body.departments.find((d) => d.dept_code === VALID_DEPT_USCC)!;
    expect(land).toMatchObject({ concluded: '20', early: '20', on_time_rate: 1 });
  });
});
