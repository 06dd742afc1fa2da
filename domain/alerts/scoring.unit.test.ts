import { describe, expect, it } from 'vitest';
import { countsAgainstDepartment, levelOf, redsInMonth } from './scoring.ts';
import { aRaisedRed, aRaisedYellow, CASE_OVERDUE_AT, noAlert, raiseCommand } from './scenarios.fixture.ts';
import { initialAlertState } from './state.ts';

describe('given the §6 scores', () => {
  it('when a red is appealed and dismissed, it does not count against the department', () => {
    expect(countsAgainstDepartment(aRaisedRed().notified().appealed().dismissed().state)).toBe(false);
  });

  it('when a red is appealed and upheld, it counts', () => {
    expect(countsAgainstDepartment(aRaisedRed().notified().appealed().upheld().state)).toBe(true);
  });

  it('when a red is replied and verified, it still counts: a red stays on record (§5)', () => {
    expect(countsAgainstDepartment(aRaisedRed().notified().replied().verified().state)).toBe(true);
  });

  it('when an appeal is pending, the red counts until it is dismissed', () => {
    expect(countsAgainstDepartment(aRaisedRed().notified().appealed().state)).toBe(true);
  });

  it('when a yellow is open, it is informational by default and counts only if configured', () => {
    const yellow = aRaisedYellow().notified().state;
    expect(countsAgainstDepartment(yellow)).toBe(false);
    expect(countsAgainstDepartment(yellow, { countYellows: true })).toBe(true);
  });

  it('when a yellow turned red or a red became a supervision notice, it counts at its new level', () => {
    const red = aRaisedYellow().notified().by('escalate', 'system', CASE_OVERDUE_AT);
    expect([levelOf(red.state), countsAgainstDepartment(red.state)]).toEqual(['red', true]);
    const notice = aRaisedRed().notified().escalatedBySupervisor();
    expect([levelOf(notice.state), countsAgainstDepartment(notice.state)]).toEqual(['supervision-notice', true]);
  });

  it('when a dismissed alert was a yellow, with yellows counted, it still does not count', () => {
    expect(countsAgainstDepartment(aRaisedYellow().notified().appealed().dismissed().state, { countYellows: true })).toBe(false);
  });

  it('when there is no alert, nothing counts', () => {
    expect(countsAgainstDepartment(initialAlertState)).toBe(false);
  });
});

describe('given a department’s reds in September 2026 (§3.3: 3 or more earn a supervision notice)', () => {
  const raisedRed = (caseId: string, at: string, deptCode = 'D1') => noAlert().then(raiseCommand('red', { caseId, deptCode }), at);
  const states = [
    raisedRed('C1', '2026-09-02T10:00:00+08:00').state,
    raisedRed('C2', '2026-09-15T10:00:00+08:00').notified().escalatedBySupervisor().state,
    raisedRed('C3', '2026-09-16T10:00:00+08:00').notified().appealed().dismissed().state,
    noAlert().then(raiseCommand('yellow', { caseId: 'C4', deptCode: 'D1' }), '2026-09-20T10:00:00+08:00').notified().by('escalate', 'system', CASE_OVERDUE_AT).state,
    noAlert().then(raiseCommand('yellow', { caseId: 'C5', deptCode: 'D1' }), '2026-09-21T10:00:00+08:00').state,
    raisedRed('C6', '2026-09-30T16:30:00Z').state,
    raisedRed('C7', '2026-09-10T10:00:00+08:00', 'D2').state,
  ];

  it('when counted, reds, a notice that was red and a yellow turned red count; dismissed, yellows, other months and departments do not', () => {
    expect(redsInMonth(states, 'D1', '2026-09', 'Asia/Shanghai')).toBe(3);
  });

  it('when a red is raised at 00:30 Beijing time on 10-01, it belongs to October', () => {
    expect(redsInMonth(states, 'D1', '2026-10', 'Asia/Shanghai')).toBe(1);
  });
});
