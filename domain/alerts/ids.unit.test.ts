import { describe, expect, it } from 'vitest';
import { decideAlert } from './decide.ts';
import { decideDue } from './due.ts';
import { alertStream } from './events/index.ts';
import { alertIdFor, nextOccurrence, openAlertKey, openAlertKeyOf } from './ids.ts';
import { aRaisedRed, aRaisedYellow, actors, CASE_OVERDUE_AT, commandOf, ctxAt, raiseCommand, RAISED_AT } from './scenarios.fixture.ts';
import { initialAlertState } from './state.ts';

describe('given an alert about a case, a rule and a level', () => {
  it('when its id is computed twice, it is the same UUID, and it changes with each part', () => {
    const id = alertIdFor('C1', 'CASE-OVERDUE', 'red', 1);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(alertIdFor('C1', 'CASE-OVERDUE', 'red', 1)).toBe(id);
    const others = [alertIdFor('C2', 'CASE-OVERDUE', 'red', 1), alertIdFor('C1', 'STEP-OVERDUE', 'red', 1), alertIdFor('C1', 'CASE-OVERDUE', 'yellow', 1), alertIdFor('C1', 'CASE-OVERDUE', 'red', 2)];
    expect(new Set([id, ...others]).size).toBe(5);
  });

  it('when the occurrence is not a whole number from 1, it is refused', () => {
    expect(() => alertIdFor('C1', 'R', 'red', 0)).toThrow(RangeError);
    expect(() => alertIdFor('C1', 'R', 'red', 1.5)).toThrow(RangeError);
  });

  it('its stream is alert-<id>', () => {
    expect(alertStream('abc')).toBe('alert-abc');
  });
});

describe('given an evaluator restarted in the middle of a run', () => {
  it('when it decides the same raise twice on an empty stream, the events are identical, ids included', () => {
    const once = decideAlert(raiseCommand('red'), initialAlertState, ctxAt(RAISED_AT));
    expect(decideAlert(raiseCommand('red'), initialAlertState, ctxAt(RAISED_AT))).toEqual(once);
    expect(once[0]?.alertId).toBe(alertIdFor('QH-2026-0042', 'CASE-OVERDUE', 'red', 1));
  });

  it('when the raise was already stored, raising again is refused rather than duplicated', () => {
    expect(() => aRaisedRed().then(raiseCommand('red'))).toThrow(expect.objectContaining({ code: 'ALREADY_RAISED' }));
  });

  it('when it notifies or escalates again from the same state, at another moment even, the event ids repeat', () => {
    const raised = aRaisedYellow().state;
    const a = decideAlert(commandOf('notify', actors.system), raised, ctxAt(RAISED_AT));
    const b = decideAlert(commandOf('notify', actors.system), raised, ctxAt(CASE_OVERDUE_AT));
    expect(b[0]?.eventId).toBe(a[0]?.eventId);
    const late = '2026-09-30T09:00:00+08:00';
    expect(decideDue(raised, ctxAt(late)).map((e) => e.eventId)).toEqual(decideDue(raised, ctxAt(late)).map((e) => e.eventId));
  });

  it('when a person’s request is retried on the same state, the same id comes back; a different request gets another', () => {
    const notified = aRaisedRed().notified().state;
    const ack = () => decideAlert(commandOf('acknowledge', actors.supervisor), notified, ctxAt(RAISED_AT))[0]?.eventId;
    expect(ack()).toBe(ack());
    const reply = (explanation: string) => decideAlert({ ...commandOf('reply', actors.department), explanation } as never, notified, ctxAt(RAISED_AT))[0]?.eventId;
    expect(reply('说明一')).not.toBe(reply('说明二'));
  });

  it('when a long history is built, no two events share an id', () => {
    const s = aRaisedRed().notified().replied().reopened().replied().reopened().replied().verified().reopened().appealed().upheld().escalatedBySupervisor().notified();
    expect(new Set(s.events.map((e) => e.eventId)).size).toBe(s.events.length);
  });
});

describe('given the one-open-alert rule (S27)', () => {
  it('the key is case, rule and level', () => {
    expect(openAlertKey('C1', 'CASE-OVERDUE', 'yellow')).toBe('C1|CASE-OVERDUE|yellow');
  });

  it('when an alert is open its key is held, by the level it was raised at even after it turned red; when closed, released', () => {
    const escalated = aRaisedYellow().notified().by('escalate', 'system', CASE_OVERDUE_AT);
    expect(openAlertKeyOf(escalated.state)).toBe('QH-2026-0042|CASE-OVERDUE|yellow');
    expect(openAlertKeyOf(aRaisedYellow().notified().autoClosed().state)).toBeNull();
    expect(openAlertKeyOf(initialAlertState)).toBeNull();
  });

  it('when earlier alerts of the key are closed, the next takes the next occurrence', () => {
    expect(nextOccurrence([])).toBe(1);
    expect(nextOccurrence([1, 2])).toBe(3);
    expect(nextOccurrence([3, 1])).toBe(4);
  });
});
