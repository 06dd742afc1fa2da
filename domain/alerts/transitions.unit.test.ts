import { describe, expect, it } from 'vitest';
import { alertCommandTypes, type AlertCommandType } from './commands.ts';
import { decideAlert } from './decide.ts';
import { AlertTransitionError, type AlertErrorCode } from './errors.ts';
import type { AlertActorRole } from './events/index.ts';
import { aRaisedRed, aRaisedYellow, actors, CASE_OVERDUE_AT, commandOf, ctxAt, noAlert, type ActorKind, type AlertScenario } from './scenarios.fixture.ts';

/** Written out by hand from §5 and issue 5, not derived from the code under test. */
const supervisor: AlertActorRole[] = ['supervisor', 'admin'];
const mayAsk: Record<AlertCommandType, AlertActorRole[]> = {
  raise: ['system'],
  notify: ['system'],
  acknowledge: supervisor,
  reply: ['department'],
  verify: supervisor,
  reopen: supervisor,
  escalate: ['system', ...supervisor],
  appeal: ['department'],
  dismiss: supervisor,
  uphold: supervisor,
  autoClose: ['system'],
};

interface Row {
  given: string;
  scenario: () => AlertScenario;
  allowed: AlertCommandType[];
  otherwise: AlertErrorCode;
  codes?: Partial<Record<AlertCommandType, AlertErrorCode>>;
}

const open = { raise: 'ALREADY_RAISED' } as const;
const red = { ...open, autoClose: 'RED_CANNOT_AUTO_CLOSE' } as const;
const F = 'FORBIDDEN_TRANSITION';
const escalatedRed = () => aRaisedYellow().notified().by('escalate', 'system', CASE_OVERDUE_AT);

const rows: Row[] = [
  { given: 'no alert', scenario: noAlert, allowed: ['raise'], otherwise: 'ALERT_NOT_FOUND' },
  { given: 'a raised yellow', scenario: aRaisedYellow, allowed: ['notify', 'escalate', 'autoClose'], otherwise: F, codes: open },
  { given: 'a raised red', scenario: aRaisedRed, allowed: ['notify', 'escalate'], otherwise: F, codes: red },
  { given: 'a notified yellow', scenario: () => aRaisedYellow().notified(), allowed: ['acknowledge', 'reply', 'escalate', 'appeal', 'autoClose'], otherwise: F, codes: open },
  { given: 'a notified red', scenario: () => aRaisedRed().notified(), allowed: ['acknowledge', 'reply', 'escalate', 'appeal'], otherwise: F, codes: red },
  { given: 'an acknowledged yellow', scenario: () => aRaisedYellow().notified().acknowledged(), allowed: ['reply', 'escalate', 'appeal', 'autoClose'], otherwise: F, codes: open },
  { given: 'an acknowledged red', scenario: () => aRaisedRed().notified().acknowledged(), allowed: ['reply', 'escalate', 'appeal'], otherwise: F, codes: red },
  { given: 'a replied yellow', scenario: () => aRaisedYellow().notified().replied(), allowed: ['verify', 'reopen', 'escalate', 'autoClose'], otherwise: F, codes: open },
  { given: 'a replied red', scenario: () => aRaisedRed().notified().replied(), allowed: ['verify', 'reopen'], otherwise: F, codes: red },
  { given: 'a red escalated from yellow, not yet notified', scenario: escalatedRed, allowed: ['notify', 'acknowledge', 'reply', 'escalate', 'appeal'], otherwise: F, codes: red },
  { given: 'a notified supervision notice', scenario: () => escalatedRed().notified().escalatedBySupervisor().notified(), allowed: ['acknowledge', 'reply', 'appeal'], otherwise: F, codes: red },
  { given: 'an appealed yellow', scenario: () => aRaisedYellow().notified().appealed(), allowed: ['dismiss', 'uphold', 'autoClose'], otherwise: F, codes: open },
  { given: 'an appealed red', scenario: () => aRaisedRed().notified().appealed(), allowed: ['dismiss', 'uphold'], otherwise: F, codes: red },
  { given: 'a red upheld on appeal', scenario: () => aRaisedRed().notified().appealed().upheld(), allowed: ['acknowledge', 'reply', 'escalate'], otherwise: F, codes: { ...red, appeal: 'ALREADY_APPEALED' } },
  { given: 'a verified and closed red', scenario: () => aRaisedRed().notified().replied().verified(), allowed: ['reopen'], otherwise: 'ALREADY_CLOSED', codes: open },
  { given: 'a dismissed red', scenario: () => aRaisedRed().notified().appealed().dismissed(), allowed: [], otherwise: 'ALREADY_CLOSED', codes: open },
  { given: 'an auto-closed yellow', scenario: () => aRaisedYellow().notified().autoClosed(), allowed: [], otherwise: 'ALREADY_CLOSED', codes: open },
];

/** Late enough for every deadline above to have passed, so the system's escalations are due. */
const NOW = '2026-12-01T10:00:00+08:00';
const actorKinds = Object.keys(actors) as ActorKind[];

function expected(row: Row, type: AlertCommandType, who: ActorKind): AlertErrorCode | 'decided' {
  if (!mayAsk[type].includes(actors[who].role)) return 'ROLE_NOT_ALLOWED';
  if (row.allowed.includes(type)) return 'decided';
  return row.codes?.[type] ?? row.otherwise;
}

function outcome(row: Row, type: AlertCommandType, who: ActorKind): AlertErrorCode | 'decided' {
  try {
    return decideAlert(commandOf(type, actors[who]), row.scenario().state, ctxAt(NOW)).length > 0 ? 'decided' : 'INVALID_COMMAND';
  } catch (error) {
    if (error instanceof AlertTransitionError) return error.code;
    throw error;
  }
}

describe.each(rows)('given $given', (row) => {
  const cases = alertCommandTypes.flatMap((type) => actorKinds.map((who) => ({ type, who, want: expected(row, type, who) })));

  it.each(cases)('when the $who asks to $type: $want', ({ type, who, want }) => {
    expect(outcome(row, type, who)).toBe(want);
  });

  it('a refusal names the status and the actions allowed now', () => {
    const refused = alertCommandTypes.find((t) => !row.allowed.includes(t) && mayAsk[t].includes('system')) ?? 'raise';
    const state = row.scenario().state;
    try {
      decideAlert(commandOf(refused, actors.system), state, ctxAt(NOW));
      expect.unreachable();
    } catch (error) {
      const e = error as AlertTransitionError;
      expect(e.status).toBe(state.status);
      expect([...e.allowed].sort()).toEqual([...row.allowed].sort());
      expect(e.message).toContain(state.status === 'none' ? 'the alert is not raised' : `the alert is ${state.status} (`);
      const listed = e.message.split('allowed now: ')[1]!.split(', ');
      expect(listed.sort()).toEqual(row.allowed.length ? [...row.allowed].sort() : ['nothing']);
    }
  });
});
