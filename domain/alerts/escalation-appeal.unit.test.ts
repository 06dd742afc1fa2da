import { describe, expect, it } from 'vitest';
import { AlertTransitionError } from './errors.ts';
import { aRaisedRed, aRaisedYellow, actors, type AlertScenario, CASE_OVERDUE_AT, hoursAfter, RAISED_AT } from './scenarios.fixture.ts';

const lastEvent = (s: AlertScenario) => s.events.at(-1);

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
