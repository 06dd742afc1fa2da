import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../infra/auth/tokens.ts';
import { caseEventOf, VALID_DEPT_USCC } from './builders/case-events.ts';
import { startServer, type RunningServer } from './support/server-process.ts';

const admin = 'e2e-admin-token-000000000000';
const dept = 'e2e-dept-token-0000000000000';
const supervisor = 'e2e-supervisor-token-000000';
let server: RunningServer;
const dataDir = mkdtempSync(join(tmpdir(), 'sunlight-e2e-alerts-'));
const call = async (token: string, path: string, init: RequestInit = {}) =>
  fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers ?? {}) } });
const at = (day: string, time = '10:00:00') => `${day}T${time}+08:00`;

beforeAll(async () => {
  server = await startServer({
    SUNLIGHT_DATA_DIR: dataDir,
    SUNLIGHT_ADMIN_TOKEN: admin,
    SUNLIGHT_ALERT_INTERVAL_SECONDS: '1',
    SUNLIGHT_TOKENS: JSON.stringify([
      { name: 'land system', role: 'department', departments: [VALID_DEPT_USCC], sha256: hashToken(dept) },
      { name: '县效能办', role: 'supervisor', departments: [], sha256: hashToken(supervisor) },
    ]),
  });
});
afterAll(async () => server?.stop());

async function waitFor<T>(read: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

type FeedMessage = { id: string; event: string; data: { alertId: string; level: string; event?: { payload?: { ruleId?: string } } } };

/** Reads SSE messages from the feed until `enough` says so. */
async function readFeed(token: string, enough: (messages: FeedMessage[]) => boolean, lastEventId?: string) {
  const res = await fetch(`${server.url}/v1/alerts/feed`, { headers: { authorization: `Bearer ${token}`, ...(lastEventId && { 'last-event-id': lastEventId }) } });
  const reader = res.body!.getReader();
  const messages: FeedMessage[] = [];
  let text = '';
  while (!enough(messages)) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
    let cut: number;
    while ((cut = text.indexOf('\n\n')) >= 0) {
      const block = text.slice(0, cut);
      text = text.slice(cut + 2);
      const field = (name: string) => block.split('\n').find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
      if (field('data')) messages.push({ id: field('id')!, event: field('event')!, data: JSON.parse(field('data')!) });
    }
  }
  await reader.cancel();
  return messages;
}

describe('an overdue case, end to end: event → red alert → feed → 回告 → verified', { timeout: 60_000 }, () => {
  let alertId = '';

  it('raises a red within seconds of the event that makes the case overdue, and the feed delivers it', async () => {
    await waitFor(async () => ((await call(supervisor, '/v1/alerts')).status === 200 ? true : undefined));
    // Other rules (the statutory clock, irregularities) may raise alerts for the case in the same
    // moments, in another evaluation lane: read until the overdue red and its notification are in.
    const raisedBy = (messages: FeedMessage[], ruleId: string) => messages.find((m) => m.event === 'AlertRaised' && m.data.event?.payload?.ruleId === ruleId);
    const feed = readFeed(supervisor, (messages) => {
      const raised = raisedBy(messages, 'CASE-OVERDUE');
      return raised !== undefined && messages.some((m) => m.event === 'AlertNotified' && m.data.alertId === raised.data.alertId);
    });
    const events = [
      caseEventOf('CaseSubmitted', 'QH-E2E-RED', { seq: 1, occurredAt: at('2026-02-10', '09:00:00') }),
      caseEventOf('CaseAccepted', 'QH-E2E-RED', { seq: 2, occurredAt: at('2026-02-10', '09:30:00') }),
    ];
    expect((await call(dept, '/v1/events', { method: 'POST', body: JSON.stringify(events) })).status).toBe(201);
    const alert = await waitFor(async () => {
      // 503 until alerting has started (ClickHouse opened and migrated): keep asking.
      const body = (await (await call(supervisor, '/v1/alerts?rule=CASE-OVERDUE')).json()) as { alerts?: { alertId: string; caseId: string; level: string; status: string }[] };
      return body.alerts?.find((a) => a.caseId === 'QH-E2E-RED');
    });
    alertId = alert.alertId;
    expect(alert).toMatchObject({ level: 'red', status: 'notified' });
    const messages = await feed;
    const mine = messages.filter((m) => m.data.alertId === alertId);
    expect(mine.map((m) => m.event)).toEqual(['AlertRaised', 'AlertNotified']);
    expect(mine[0]!.data).toMatchObject({ alertId, level: 'red' });

    // Resuming after the raise delivers what followed it, in the same order.
    const after = messages.slice(messages.indexOf(mine[0]!) + 1);
    const resumed = await readFeed(supervisor, (r) => r.length >= after.length, mine[0]!.id);
    // (A read can bring more messages than asked for: compare what both saw.)
    expect(resumed.slice(0, after.length).map((m) => m.id)).toEqual(after.map((m) => m.id));
    expect(resumed.find((m) => m.event === 'AlertNotified' && m.data.alertId === alertId)).toBeDefined();
  });

  it('the department replies (回告), the supervisor verifies, and a forbidden transition is refused with what is allowed', async () => {
    const verifyTooEarly = await call(supervisor, `/v1/alerts/${alertId}/verify`, { method: 'POST', body: JSON.stringify({ note: 'ok' }) });
    expect(verifyTooEarly.status).toBe(409);
    expect(await verifyTooEarly.json()).toMatchObject({ error: 'FORBIDDEN_TRANSITION', allowed: expect.arrayContaining(['reply']) });
    const replied = await call(dept, `/v1/alerts/${alertId}/reply`, { method: 'POST', body: JSON.stringify({ explanation: '补正材料延误', correctiveAction: '已于次日办结并约谈承办人', evidence: ['整改报告.pdf'] }) });
    expect(replied.status).toBe(201);
    expect((await call(dept, `/v1/alerts/${alertId}/verify`, { method: 'POST', body: JSON.stringify({ note: 'x' }) })).status).toBe(403);
    const verified = await call(supervisor, `/v1/alerts/${alertId}/verify`, { method: 'POST', body: JSON.stringify({ note: '整改属实' }) });
    expect(await verified.json()).toMatchObject({ status: 'closed', closedBy: 'verified' });
    const detail = (await (await call(admin, `/v1/alerts/${alertId}`)).json()) as { history: { event: { type: string } }[] };
    expect(detail.history.map((h) => h.event.type)).toEqual(['AlertRaised', 'AlertNotified', 'RectificationReplied', 'AlertVerifiedClosed']);
  });

  it('a backtest lists what a rule would raise without raising it', async () => {
    const res = await call(supervisor, '/v1/alerts/backtest', { method: 'POST', body: JSON.stringify({ ruleId: 'CASE-OVERDUE', at: [at('2026-03-03', '08:00:00')] }) });
    const body = (await res.json()) as { wouldRaise: number; alerts: { caseId: string }[] };
    expect(body.alerts.map((a) => a.caseId)).toContain('QH-E2E-RED');
  });

  it('the backtest command asks the running server and prints what would have been raised', async () => {
    const out = execFileSync(process.execPath, ['bin/sunlight.mjs', 'backtest', '--rule', 'CASE-OVERDUE', '--at', at('2026-03-03', '08:00:00'), '--token', supervisor], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      env: { ...process.env, SUNLIGHT_DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(out).toMatch(/^CASE-OVERDUE: \d+ alerts would have been raised over 1 evaluations/);
    expect(out).toContain('QH-E2E-RED');
  });
});
