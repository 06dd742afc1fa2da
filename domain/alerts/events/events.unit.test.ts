import { describe, expect, it } from 'vitest';
import { aRaisedRed, aRaisedYellow, CASE_OVERDUE_AT } from '../scenarios.fixture.ts';
import { alertEventSchema, alertEventTypes } from './index.ts';

/** Between them these histories hold one event of every type. */
const histories = [
  aRaisedRed().notified().acknowledged().replied().reopened().replied().verified(),
  aRaisedRed().notified().appealed().upheld().escalatedBySupervisor(),
  aRaisedRed().notified().appealed().dismissed(),
  aRaisedYellow().notified().autoClosed(),
  aRaisedYellow().notified().by('escalate', 'system', CASE_OVERDUE_AT),
];
const events = histories.flatMap((h) => h.events);
const sample = (type: string) => structuredClone(events.find((e) => e.type === type)!) as unknown as Record<string, unknown> & { payload: Record<string, unknown> };
const pathsOf = (value: unknown) => {
  const r = alertEventSchema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('given the alert event catalogue', () => {
  it('lists the eleven lifecycle events of §5 in order', () => {
    expect(alertEventTypes).toEqual(['AlertRaised', 'AlertNotified', 'AlertAcknowledged', 'RectificationReplied', 'AlertVerifiedClosed', 'AlertReopened', 'AlertEscalated', 'AlertAppealed', 'AlertDismissed', 'AlertUpheld', 'AlertAutoClosed']);
  });

  it.each(alertEventTypes)('when the decider produces %s, it parses', (type) => {
    expect(pathsOf(sample(type))).toEqual([]);
  });
});

describe('given a malformed alert event', () => {
  it('when a red has no reply deadline, it is refused: a red always owes a reply', () => {
    const raised = sample('AlertRaised');
    expect(pathsOf({ ...raised, payload: { ...raised.payload, replyDueAt: null } })).toEqual(['payload.replyDueAt']);
  });

  it('when an unknown field is added, it is refused rather than dropped', () => {
    expect(pathsOf({ ...sample('AlertAcknowledged'), ackedBy: 'x' })).toEqual(['']);
    expect(pathsOf({ ...sample('AlertAcknowledged'), payload: { note: 'x' } })).toEqual(['payload']);
  });

  it('when the actor has a role outside system, supervisor, department and admin, it is refused', () => {
    expect(pathsOf({ ...sample('AlertVerifiedClosed'), actor: { name: '某人', role: 'applicant' } })).toEqual(['actor.role']);
  });

  it('when the actor carries a credential reference, it is kept', () => {
    expect(pathsOf({ ...sample('AlertVerifiedClosed'), actor: { name: '王监察', role: 'supervisor', token: 'key-17' } })).toEqual([]);
  });

  it('when an instant has no offset, it is refused', () => {
    expect(pathsOf({ ...sample('AlertEscalated'), occurredAt: '2026-09-29T00:00:00' })).toEqual(['occurredAt']);
  });

  it('when a notification names no recipient, or auto-closing gives another reason, it is refused', () => {
    const notified = sample('AlertNotified');
    expect(pathsOf({ ...notified, payload: { ...notified.payload, recipients: [] } })).toEqual(['payload.recipients']);
    expect(pathsOf({ ...sample('AlertAutoClosed'), payload: { reason: 'case-concluded-late' } })).toEqual(['payload.reason']);
  });
});
