import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAlertConfig, recordOf } from '../domain/alerts/index.ts';
import { defaultCalendar } from '../domain/calendar/index.ts';
import { anAcceptedCase, beijing, caseEventOf } from '../test/builders/case-events.ts';
import { ruleHarness, type RuleHarness } from '../test/support/rule-harness.ts';
import { AlertBook } from './alert-book.ts';
import { evaluate, type EvaluatorDeps } from './evaluator.ts';
import { defaultThresholds, type Rule } from './rule.ts';
import { caseOverdue } from './rules/case-overdue.ts';
import { ir01ReasonsMissing } from './rules/ir01-reasons-missing.ts';
import { SilenceBook } from './silences.ts';
import { sweep } from './sweep.ts';

let h: RuleHarness;
beforeAll(async () => {
  h = await ruleHarness();
  await h.append([
    // Accepted 05-20, still open on 06-01.
    ...anAcceptedCase('QH-SW-OPEN', '2026-05-20'),
    // Accepted 02-10, never concluded: overdue since 03-03, and still open.
    ...anAcceptedCase('QH-SW-STALLED', '2026-02-10'),
    ...concludedOn('QH-SW-RECENT', '2026-05-25'),
    ...concludedOn('QH-SW-OLD', '2026-02-12'),
    // Refused without a reason in January: an irregularity (IR01) no deadline is involved in.
    caseEventOf('CaseSubmitted', 'QH-SW-REFUSED', { seq: 1, occurredAt: beijing('2026-01-12', '09:00:00') }),
    caseEventOf('AcceptanceRefused', 'QH-SW-REFUSED', { seq: 2, occurredAt: beijing('2026-01-12', '10:00:00'), payload: { refusalReason: '不符合' } }),
  ]);
  await h.caughtUp();
});
afterAll(async () => h.close());

function concludedOn(caseId: string, day: string) {
  return [...anAcceptedCase(caseId, day), caseEventOf('CaseConcluded', caseId, { seq: 3, occurredAt: beijing(day, '15:00:00') })];
}

const JUNE_1 = new Date(beijing('2026-06-01'));

async function deps(rules: Rule[]): Promise<EvaluatorDeps> {
  const book = new AlertBook();
  const silences = new SilenceBook();
  await book.start(h.store);
  await silences.start(h.store);
  return { store: h.store, ch: h.ch, book, silences, rules, thresholds: defaultThresholds, calendar: () => defaultCalendar(), timeZone: 'Asia/Shanghai', config: defaultAlertConfig };
}
const raisedFor = (d: EvaluatorDeps) => [...d.book.all()].map((e) => recordOf(e.state)!).map((r) => `${r.alert.caseId} ${r.alert.ruleId}`).sort();

describe('an evaluation given an empty list of cases', () => {
  it('asks nothing, where the same rule over every case finds the stalled case', async () => {
    const d = await deps([caseOverdue]);
    expect(await evaluate(d, JUNE_1, [], { timeDrivenOnly: true })).toMatchObject({ violations: 0, raised: 0, perRule: {} });
    expect(await evaluate(d, JUNE_1, undefined, { timeDrivenOnly: true })).toMatchObject({ violations: 1, raised: 1 });
    expect(raisedFor(d)).toEqual(['QH-SW-STALLED CASE-OVERDUE']);
  });
});

describe('a sweep', () => {
  it('runs every rule over every case a chunk at a time: finds what no batch evaluated, and raises it once', async () => {
    const d = await deps([caseOverdue, ir01ReasonsMissing]);
    // The stalled case's red is open already (the evaluation above): only the refusal is new.
    // Chunks of two: OLD+OPEN, RECENT+REFUSED, STALLED.
    const first = await sweep(d, JUNE_1, { chunk: 2 });
    expect(first).toMatchObject({ cases: 5, violations: 2, raised: 1 });
    expect(raisedFor(d)).toEqual(['QH-SW-REFUSED IR01', 'QH-SW-STALLED CASE-OVERDUE']);
    expect(await sweep(d, JUNE_1, { chunk: 4 })).toMatchObject({ cases: 5, violations: 2, raised: 0 });
  });
});
