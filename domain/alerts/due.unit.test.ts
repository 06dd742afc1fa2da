import { describe, expect, it } from 'vitest';
import { decideDue, dueActions } from './due.ts';
import { evolveAlert } from './evolve.ts';
import { aRaisedRed, aRaisedYellow, CASE_OVERDUE_AT, ctxAt, hoursAfter, RAISED_AT } from './scenarios.fixture.ts';
import { initialAlertState } from './state.ts';

const RED_DUE = '2026-10-01T00:00:00+08:00';
const typesDue = (s: { state: Parameters<typeof dueActions>[0] }, now: string) => dueActions(s.state, now).map((c) => c.type);
const justBefore = (at: string) => hoursAfter(at, -0.001);

describe('given an alert raised but not yet notified (the evaluator stopped in between)', () => {
  it('when the scheduler looks, the notification is due', () => {
    expect(typesDue(aRaisedRed(), RAISED_AT)).toEqual(['notify']);
  });
});

describe('given a notified yellow', () => {
  const yellow = aRaisedYellow().notified();

  it('when its case is not yet overdue, nothing is due', () => {
    expect(typesDue(yellow, justBefore(CASE_OVERDUE_AT))).toEqual([]);
  });

  it('when its case’s overdueAt comes, it escalates to red and the red is notified', () => {
    expect(typesDue(yellow, CASE_OVERDUE_AT)).toEqual(['escalate', 'notify']);
    const events = decideDue(yellow.state, ctxAt(CASE_OVERDUE_AT));
    expect(events.map((e) => e.type)).toEqual(['AlertEscalated', 'AlertNotified']);
    expect(events[1]?.payload).toMatchObject({ recipients: expect.arrayContaining([{ role: 'supervision-office' }]) });
    expect(dueActions(events.reduce(evolveAlert, yellow.state), CASE_OVERDUE_AT)).toEqual([]);
  });

  it('when its case has no overdueAt, nothing ever escalates it', () => {
    expect(typesDue(aRaisedYellow({ caseOverdueAt: null } as never).notified(), '2030-01-01T00:00:00+08:00')).toEqual([]);
  });
});

describe('given a notified red', () => {
  const red = aRaisedRed().notified();

  it('when the reply deadline has not come, nothing is due', () => {
    expect(typesDue(red, justBefore(RED_DUE))).toEqual([]);
  });

  it('when it passes without a reply, a supervision notice is due', () => {
    const events = decideDue(red.state, ctxAt(RED_DUE));
    expect(events.map((e) => e.type)).toEqual(['AlertEscalated', 'AlertNotified']);
    expect(events[0]?.payload).toMatchObject({ to: 'supervision-notice', replyDueAt: '2026-10-21T00:00:00+08:00' });
  });

  it('when the department replied in time and the reply awaits verification, the deadline does not escalate it', () => {
    expect(typesDue(red.replied(), RED_DUE)).toEqual([]);
  });

  it('when the reply was not accepted and the deadline has passed, the notice is due at once', () => {
    expect(typesDue(red.replied().reopened(), RED_DUE)).toEqual(['escalate', 'notify']);
  });

  it('when it is under appeal, nothing escalates until the appeal is decided', () => {
    expect(typesDue(red.appealed(), RED_DUE)).toEqual([]);
    expect(typesDue(red.appealed().upheld(), RED_DUE)).toEqual(['escalate', 'notify']);
  });
});

describe('given a supervision notice past its own deadline', () => {
  it('when the scheduler looks, nothing more is automatic: further measures are the office’s (S19)', () => {
    const notice = aRaisedRed().notified().escalatedBySupervisor().notified();
    expect(typesDue(notice, '2027-01-01T00:00:00+08:00')).toEqual([]);
  });
});

describe('given no alert, or a closed one', () => {
  it('nothing is due', () => {
    expect(dueActions(initialAlertState, RED_DUE)).toEqual([]);
    expect(typesDue(aRaisedRed().notified().replied().verified(), '2027-01-01T00:00:00+08:00')).toEqual([]);
  });
});
