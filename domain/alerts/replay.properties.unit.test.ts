import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alertCommandTypes, type AlertCommandType } from './commands.ts';
import { decideAlert } from './decide.ts';
import { decideDue } from './due.ts';
import { AlertTransitionError } from './errors.ts';
import { alertEventSchema, type AlertEvent } from './events/index.ts';
import { evolveAlert, foldAlert } from './evolve.ts';
import { allowedCommands, roleMayAsk } from './policy.ts';
import { actors, commandOf, ctxAt, hoursAfter, noAlert, raiseCommand, RAISED_AT, type ActorKind } from './scenarios.fixture.ts';
import { countsAgainstDepartment, levelOf } from './scoring.ts';
import type { AlertState } from './state.ts';

type Step = { kind: AlertCommandType | 'tick'; who: ActorKind; hours: number };

/** Mostly the actor who may ask, so that sequences reach deep into the lifecycle; sometimes anyone. */
const usualActor: Record<AlertCommandType | 'tick', ActorKind> = {
  raise: 'system', notify: 'system', acknowledge: 'supervisor', reply: 'department', verify: 'supervisor', reopen: 'admin',
  escalate: 'supervisor', appeal: 'department', dismiss: 'supervisor', uphold: 'admin', autoClose: 'system', tick: 'system',
};
const anyActor = fc.constantFrom<ActorKind>('system', 'supervisor', 'admin', 'department');
const step: fc.Arbitrary<Step> = fc
  .constantFrom<AlertCommandType | 'tick'>(...alertCommandTypes, 'tick', 'notify', 'notify', 'reply')
  .chain((kind) => fc.record({ kind: fc.constant(kind), who: fc.oneof({ weight: 4, arbitrary: fc.constant(usualActor[kind]) }, { weight: 1, arbitrary: anyActor }), hours: fc.integer({ min: 1, max: 96 }) }));
const start = fc.record({ level: fc.constantFrom<'yellow' | 'red'>('yellow', 'red'), overdueInHours: fc.option(fc.integer({ min: 1, max: 240 })) });

interface Run {
  events: AlertEvent[];
  state: AlertState;
}

/** Applies each step the decider accepts, checking acceptance against the policy and each event against the model. */
function run(level: 'yellow' | 'red', overdueInHours: number | null, steps: readonly Step[]): Run {
  const caseOverdueAt = overdueInHours === null ? null : hoursAfter(RAISED_AT, overdueInHours);
  const raised = noAlert().then(level === 'yellow' ? raiseCommand('yellow', { caseOverdueAt } as never) : raiseCommand('red'), RAISED_AT);
  let { state, at } = raised;
  let model = modelAfter({ status: 'none', level: '', beforeAppeal: '' }, raised.events[0]!);
  const events = [...raised.events];
  for (const s of steps) {
    at = hoursAfter(at, s.hours);
    const ctx = ctxAt(at);
    const decided = s.kind === 'tick' ? decideDue(state, ctx) : tryDecide(s.kind, s.who, state, at);
    if (s.kind !== 'tick' && decided.length) {
      expect(roleMayAsk(actors[s.who].role, s.kind) && allowedCommands(state).includes(s.kind)).toBe(true);
      expect(decideAlert(commandOf(s.kind, actors[s.who]), state, ctx)).toEqual(decided);
    }
    for (const event of decided) {
      model = modelAfter(model, event);
      state = evolveAlert(state, event);
      expect([statusOf(state), levelOf(state)]).toEqual([model.status, model.level]);
    }
    events.push(...decided);
  }
  return { events, state };
}

/** §5 written out again by hand, as where each event leaves the alert: an independent check on evolveAlert. */
interface Model {
  status: string;
  level: string;
  beforeAppeal: string;
}
const oneUp: Record<string, string> = { yellow: 'red', red: 'supervision-notice' };

function modelAfter(m: Model, e: AlertEvent): Model {
  switch (e.type) {
    case 'AlertRaised': return { status: 'raised', level: e.payload.level, beforeAppeal: '' };
    case 'AlertNotified': return { ...m, status: m.status === 'raised' ? 'notified' : m.status };
    case 'AlertAcknowledged': return { ...m, status: 'acknowledged' };
    case 'RectificationReplied': return { ...m, status: 'replied' };
    case 'AlertVerifiedClosed': return { ...m, status: 'closed:verified' };
    case 'AlertReopened': return { ...m, status: 'acknowledged' };
    case 'AlertEscalated':
      expect(e.payload.to).toBe(oneUp[m.level]);
      return { ...m, status: 'escalated', level: e.payload.to };
    case 'AlertAppealed': return { ...m, status: 'appealed', beforeAppeal: m.status };
    case 'AlertDismissed': return { ...m, status: 'closed:dismissed' };
    case 'AlertUpheld': return { ...m, status: m.beforeAppeal };
    case 'AlertAutoClosed': return { ...m, status: 'closed:auto' };
  }
}

const statusOf = (state: AlertState) => (state.status === 'closed' ? `closed:${state.closedBy}` : state.status);

function tryDecide(kind: AlertCommandType, who: ActorKind, state: AlertState, at: string): AlertEvent[] {
  try {
    return decideAlert(commandOf(kind, actors[who]), state, ctxAt(at));
  } catch (error) {
    if (!(error instanceof AlertTransitionError)) throw error;
    const permitted = roleMayAsk(actors[who].role, kind) && allowedCommands(state).includes(kind);
    // The policy allows it, yet it was refused: only a system escalation before its deadline may be.
    if (permitted) expect(error.code).toBe('ESCALATION_NOT_DUE');
    return [];
  }
}

describe('given any sequence of commands and scheduler ticks on an alert', () => {
  it('when its events are stored as JSON and replayed through evolveAlert, the same state comes back', () => {
    fc.assert(
      fc.property(start, fc.array(step, { maxLength: 40 }), ({ level, overdueInHours }, steps) => {
        const { events, state } = run(level, overdueInHours, steps);
        const stored = events.map((e) => alertEventSchema.parse(JSON.parse(JSON.stringify(e))));
        expect(foldAlert(stored)).toEqual(state);
        expect(state.status === 'none' ? 0 : state.eventCount).toBe(events.length);
      }),
      { numRuns: 400 },
    );
  });

  it('when the events are stored, each one is valid and no two share an id', () => {
    fc.assert(
      fc.property(start, fc.array(step, { maxLength: 40 }), ({ level, overdueInHours }, steps) => {
        const { events } = run(level, overdueInHours, steps);
        for (const e of events) expect(alertEventSchema.safeParse(e).success).toBe(true);
        expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
      }),
      { numRuns: 200 },
    );
  });

  it('when the alert ends dismissed it never counts against the department, and a red never closes by itself', () => {
    fc.assert(
      fc.property(start, fc.array(step, { maxLength: 40 }), ({ level, overdueInHours }, steps) => {
        const { events, state } = run(level, overdueInHours, steps);
        if (state.status === 'closed' && state.closedBy === 'dismissed') expect(countsAgainstDepartment(state, { countYellows: true })).toBe(false);
        if (state.status === 'closed' && state.closedBy === 'auto') expect(state.standing.level).toBe('yellow');
        expect(events.filter((e) => e.type === 'AlertAutoClosed').every((e) => e.actor.role === 'system')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
