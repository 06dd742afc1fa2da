import { describe, expect, it } from 'vitest';
import { AlertTransitionError } from './errors.ts';
import { aRaisedRed, aRaisedYellow, actors, type AlertScenario, CASE_OVERDUE_AT, commandOf, hoursAfter, noAlert, raiseCommand, RAISED_AT } from './scenarios.fixture.ts';
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

describe('given a red whose reply deadline passed', () => {
  const overdue = () => aRaisedRed().notified().acknowledged();

  it('when the system escalates it, a supervision notice (监察建议书) is issued with 10 working days to reply', () => {
    const s = overdue().by('escalate', 'system', '2026-10-01T00:00:00+08:00');
    expect(s.state).toMatchObject({ status: 'escalated', standing: { level: 'supervision-notice', redSince: RAISED_AT, replyDueAt: '2026-10-21T00:00:00+08:00', noticeNo: null } });
    expect((lastEvent(s)?.payload as { reason: string }).reason).toContain('K = 3 working days');
  });

  it('when the supervisor issues the notice, its number is recorded', () => {
    const s = overdue().then({ type: 'escalate', actor: actors.supervisor, reason: '逾期未回告', noticeNo: '监建〔2026〕7号' });
    expect(s.state).toMatchObject({ standing: { level: 'supervision-notice', noticeNo: '监建〔2026〕7号' } });
  });

  it('when the department replies to the notice and the supervisor verifies, it is closed at notice level', () => {
    const s = overdue().escalatedBySupervisor().notified().replied().verified();
    expect(s.state).toMatchObject({ status: 'closed', closedBy: 'verified', standing: { level: 'supervision-notice' } });
  });
});

describe('given a red before its reply deadline', () => {
  it('when the system tries to escalate it, it is refused as not due', () => {
    const s = aRaisedRed().notified();
    expect(() => s.by('escalate', 'system', '2026-09-30T23:59:59+08:00')).toThrow(expect.objectContaining({ code: 'ESCALATION_NOT_DUE' }));
  });

  it('when its department reached 3 reds this month, the system issues the notice at once (§3.3)', () => {
    const s = aRaisedRed().notified().then({ type: 'escalate', actor: actors.system, departmentRedsThisMonth: 3 });
    expect(s.state).toMatchObject({ standing: { level: 'supervision-notice' } });
    expect(() => aRaisedRed().notified().then({ type: 'escalate', actor: actors.system, departmentRedsThisMonth: 2 })).toThrow(AlertTransitionError);
  });

  it('when a supervisor escalates without a reason, it is refused', () => {
    expect(() => aRaisedRed().notified().then({ type: 'escalate', actor: actors.supervisor })).toThrow(expect.objectContaining({ code: 'INVALID_COMMAND' }));
  });
});

describe('given a notified red the department contests', () => {
  const appealed = () => aRaisedRed().notified().appealed();

  it('when the department appeals (申诉), the alert is suspended where it stood', () => {
    expect(appealed().state).toMatchObject({ status: 'appealed', appeal: { reason: '申请人要求暂缓办理' }, suspended: { status: 'notified' } });
  });

  it('when the supervisor dismisses it, it is closed as dismissed', () => {
    expect(appealed().dismissed().state).toMatchObject({ status: 'closed', closedBy: 'dismissed', reason: '申诉成立' });
  });

  it('when the supervisor upholds it, it resumes where it stood and cannot be appealed again', () => {
    const s = appealed().upheld();
    expect(s.state).toMatchObject({ status: 'notified', appealUpheld: true, eventCount: 4 });
    expect(() => s.appealed()).toThrow(expect.objectContaining({ code: 'ALREADY_APPEALED' }));
  });

  it('when an escalated red is appealed and upheld, its pending notification is still owed', () => {
    const s = aRaisedYellow().notified().by('escalate', 'system', CASE_OVERDUE_AT).appealed().upheld();
    expect(s.state).toMatchObject({ status: 'escalated', notifiedFor: 'yellow', standing: { level: 'red' } });
    expect(s.notified().state).toMatchObject({ notifiedFor: 'red' });
  });
});

describe('given an appealed yellow', () => {
  it('when its case concludes in time, it closes by itself without waiting for the ruling', () => {
    expect(aRaisedYellow().notified().appealed().autoClosed().state).toMatchObject({ status: 'closed', closedBy: 'auto', standing: { level: 'yellow' } });
  });
});

describe('given a replied yellow', () => {
  it('when its case runs out of time anyway, it turns red and a new reply is owed', () => {
    const s = aRaisedYellow().notified().replied().by('escalate', 'system', hoursAfter(CASE_OVERDUE_AT, 1));
    expect(s.state).toMatchObject({ status: 'escalated', standing: { level: 'red' } });
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
