import { describe, expect, it } from 'vitest';
import { aRaisedRed, aRaisedYellow, actors, type AlertScenario, CASE_OVERDUE_AT, commandOf, noAlert, raiseCommand, RAISED_AT } from './scenarios.fixture.ts';
import { recordOf } from './state.ts';

const lastEvent = (s: AlertScenario) => s.events.at(-1);

describe('given no alert', () => {
  it('when the system raises a red, the alert is raised with its reply deadline K working days on', () => {
    const s = aRaisedRed();
    expect(s.state).toMatchObject({ status: 'raised', standing: { level: 'red', since: RAISED_AT, replyDueAt: '2026-10-01T00:00:00+08:00' }, notifiedFor: null, eventCount: 1 });
    expect(s.events[0]).toMatchObject({ type: 'AlertRaised', occurredAt: RAISED_AT, actor: actors.system, payload: { level: 'red', caseId: 'QH-2026-0042', ruleVersion: 1 } });
  });

  it('when the system raises a yellow, it turns red at the case’s overdueAt and owes no reply before then', () => {
    expect(aRaisedYellow().state).toMatchObject({ status: 'raised', standing: { level: 'yellow', escalateAt: CASE_OVERDUE_AT } });
    expect(aRaisedYellow().events[0]?.payload).toMatchObject({ replyDueAt: CASE_OVERDUE_AT, escalateAt: CASE_OVERDUE_AT });
  });

  it('when a yellow’s case has no overdueAt, nothing will escalate it on time', () => {
    expect(aRaisedYellow({ caseOverdueAt: null } as never).state).toMatchObject({ standing: { level: 'yellow', escalateAt: null } });
  });
});

describe('given a raised alert', () => {
  it('when the system notifies a yellow, only the 承办人 is told (§5, S17)', () => {
    const s = aRaisedYellow().notified();
    expect(s.state).toMatchObject({ status: 'notified', notifiedFor: 'yellow' });
    expect(lastEvent(s)).toMatchObject({ type: 'AlertNotified', payload: { recipients: [{ role: '承办人' }], channel: 'sse' } });
  });

  it('when the system notifies a red, the handlers, the department head and the supervision office are told', () => {
    const roles = (aRaisedRed().notified().events[1]?.payload as { recipients: { role: string }[] }).recipients.map((r) => r.role);
    expect(roles).toEqual(['承办人', '审核人', '批准人', 'dept-head', 'supervision-office']);
  });

  it('when the evaluator names the recipients, they are recorded as given', () => {
    const s = aRaisedRed().then({ type: 'notify', actor: actors.system, channel: 'webhook', recipients: [{ role: '承办人', name: '张三' }] });
    expect(lastEvent(s)).toMatchObject({ payload: { recipients: [{ role: '承办人', name: '张三' }], channel: 'webhook' } });
  });
});

describe('given a red alert notified to the department', () => {
  const notified = () => aRaisedRed().notified();

  it('when the supervisor acknowledges it, it is acknowledged', () => {
    expect(notified().acknowledged().state.status).toBe('acknowledged');
  });

  it('when the department replies (回告), the reply is kept with its author and time', () => {
    const s = notified().acknowledged().replied();
    expect(s.state).toMatchObject({ status: 'replied', reply: { explanation: '系统故障导致延误', correctiveAction: '已补办并加强巡检', evidence: ['doc-1'], repliedBy: '李承办', repliedAt: s.at } });
  });

  it('when the department replies before anyone acknowledged, the reply is taken', () => {
    expect(notified().replied().state.status).toBe('replied');
  });
});

describe('given a red alert replied by the department', () => {
  const replied = () => aRaisedRed().notified().acknowledged().replied();

  it('when the supervisor verifies it, it is closed and stays on record', () => {
    const s = replied().verified();
    expect(s.state).toMatchObject({ status: 'closed', closedBy: 'verified', note: '整改到位', standing: { level: 'red' }, reply: { explanation: '系统故障导致延误' } });
  });

  it('when the supervisor reopens it, a new reply is owed and the old one is dropped', () => {
    const s = replied().reopened();
    expect(s.state.status).toBe('acknowledged');
    expect(s.state).not.toHaveProperty('reply');
    expect(s.replied().state.status).toBe('replied');
  });

  it('when an admin verifies it, an admin may stand in for the supervisor', () => {
    expect(replied().by('verify', 'admin').state).toMatchObject({ status: 'closed', closedBy: 'verified' });
  });
});

describe('given a verified and closed red', () => {
  it('when the supervisor reopens it, it is open again and awaits a reply', () => {
    const s = aRaisedRed().notified().replied().verified().reopened();
    expect(s.state).toMatchObject({ status: 'acknowledged', standing: { level: 'red' } });
    expect(s.state).not.toHaveProperty('closedBy');
  });
});

describe('given a notified yellow', () => {
  const yellow = () => aRaisedYellow().notified();

  it('when its case runs out of time, the system escalates it to red with K working days to reply (09-30, National Day, 10-08, 10-09)', () => {
    const s = yellow().by('escalate', 'system', CASE_OVERDUE_AT);
    expect(s.state).toMatchObject({ status: 'escalated', standing: { level: 'red', since: CASE_OVERDUE_AT, replyDueAt: '2026-10-10T00:00:00+08:00' }, notifiedFor: 'yellow' });
    expect(lastEvent(s)).toMatchObject({ type: 'AlertEscalated', payload: { to: 'red' } });
  });

  it('when it was escalated, the red is notified to everyone §5 names for a red', () => {
    const s = yellow().by('escalate', 'system', CASE_OVERDUE_AT).notified();
    expect(s.state).toMatchObject({ status: 'escalated', notifiedFor: 'red' });
    expect((lastEvent(s)?.payload as { recipients: unknown[] }).recipients).toHaveLength(5);
  });

  it('when the case concludes in time, the system closes it by itself', () => {
    expect(yellow().autoClosed().state).toMatchObject({ status: 'closed', closedBy: 'auto', reason: 'case-concluded-in-time' });
  });

  it('when the case pauses, the system closes it by itself', () => {
    const s = yellow().then({ type: 'autoClose', actor: actors.system, reason: 'case-paused' });
    expect(s.state).toMatchObject({ status: 'closed', closedBy: 'auto', reason: 'case-paused' });
  });
});

describe('given any raise', () => {
  it('when the command is malformed, nothing is decided and the problem is named', () => {
    const bad = { ...raiseCommand('red'), reason: '  ' };
    expect(() => noAlert().then(bad)).toThrow(/INVALID_COMMAND.*payload\.reason/);
  });

  it('when raised, the record keeps what the alert is about', () => {
    expect(recordOf(aRaisedRed().state)?.alert).toMatchObject({ caseId: 'QH-2026-0042', ruleId: 'CASE-OVERDUE', raisedLevel: 'red', raisedAt: RAISED_AT, deptCode: '11320682MB1234567X' });
    expect(commandOf('raise', actors.system).type).toBe('raise');
  });
});
