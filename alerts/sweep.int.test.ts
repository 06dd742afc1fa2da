import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultAlertConfig, recordOf } from '../domain/alerts/index.ts';
import { defaultCalendar } from '../domain/calendar/index.ts';
import { anAcceptedCase, beijing, caseEventOf } from '../test/builders/case-events.ts';
import { ruleHarness, type RuleHarness } from '../test/support/rule-harness.ts';
import { AlertBook } from './alert-book.ts';
import { evaluate, type EvaluatorDeps } from './evaluator.ts';
import { defaultThresholds, LIST_AS_SET_FROM, runRule } from './rule.ts';
import { caseOverdue } from './rules/case-overdue.ts';
import { ir01ReasonsMissing } from './rules/ir01-reasons-missing.ts';
import { ir19WrongfulRefusal } from './rules/ir19-wrongful-refusal.ts';
import { statutoryOverdue } from './rules/statutory-overdue.ts';
import { startAlerting } from './service.ts';
import { SilenceBook } from './silences.ts';

/** Cases projected while no alerting ran: nothing after a batch has looked at them. */
let h: RuleHarness;
beforeAll(async () => {
  h = await ruleHarness();
  await h.append([
    // Accepted 02-10, never concluded: overdue since 03-03.
    ...anAcceptedCase('QH-SW-STALLED', '2026-02-10'),
    // Refused without a reason in January: an irregularity (IR01) no deadline is involved in.
    caseEventOf('CaseSubmitted', 'QH-SW-REFUSED', { seq: 1, occurredAt: beijing('2026-01-12', '09:00:00') }),
    caseEventOf('AcceptanceRefused', 'QH-SW-REFUSED', { seq: 2, occurredAt: beijing('2026-01-12', '10:00:00'), payload: { refusalReason: '不符合' } }),
  ]);
  await h.caughtUp();
});
afterAll(async () => h.close());

const JUNE_1 = new Date(beijing('2026-06-01'));
const quiet = { info() {}, warn() {}, error() {}, debug() {} };
/** An evaluator that knows CASE-OVERDUE only, its books following the log. */
async function overdueOnly(): Promise<EvaluatorDeps & { book: AlertBook; silences: SilenceBook }> {
  const book = new AlertBook();
  const silences = new SilenceBook();
  await Promise.all([book.start(h.store), silences.start(h.store)]);
  return { store: h.store, ch: h.ch, book, silences, rules: [caseOverdue], thresholds: defaultThresholds, calendar: () => defaultCalendar(), timeZone: 'Asia/Shanghai', config: defaultAlertConfig };
}
const raised = (book: AlertBook) => [...book.all()].map((e) => recordOf(e.state)!).map((r) => `${r.alert.caseId} ${r.alert.ruleId}`).sort();

describe('an evaluation given an empty list of cases', () => {
  it('asks nothing, where the same rule over every case finds the stalled case', async () => {
    const d = await overdueOnly();
    expect(await evaluate(d, JUNE_1, [], { timeDrivenOnly: true })).toMatchObject({ violations: 0, raised: 0, perRule: {} });
    expect(await evaluate(d, JUNE_1, undefined, { timeDrivenOnly: true })).toMatchObject({ violations: 1, raised: 1 });
    await Promise.all([d.book.stop(), d.silences.stop()]);
  });
});

describe('an evaluation given a list of most of the cases', () => {
  it('asks about every case instead, which costs less past a share of the county', async () => {
    const d = await overdueOnly();
    // One case of the two: the stalled one is outside the list.
    const refusedOnly = ['QH-SW-REFUSED'];
    expect(await evaluate(d, JUNE_1, refusedOnly, { wholeCounty: { minCases: 0, share: 0.6 } })).toMatchObject({ violations: 0 });
    expect(await evaluate(d, JUNE_1, refusedOnly, { wholeCounty: { minCases: 0, share: 0.4 } })).toMatchObject({ violations: 1 });
    expect(await evaluate(d, JUNE_1, refusedOnly, { wholeCounty: { minCases: 1, share: 0.4 } })).toMatchObject({ violations: 0 });
    await Promise.all([d.book.stop(), d.silences.stop()]);
  });
});

describe('a long list of cases', () => {
  it('is asked as a set, with the same answers as a short one', async () => {
    const real = ['QH-SW-REFUSED', 'QH-SW-STALLED'];
    const long = [...real, ...Array.from({ length: LIST_AS_SET_FROM }, (_, i) => `QH-SW-NONE-${i}`)];
    const found: string[] = [];
    for (const rule of [caseOverdue, ir01ReasonsMissing, ir19WrongfulRefusal, statutoryOverdue]) {
      const ask = async (caseIds: string[]) => (await runRule(h.ch, rule, { now: JUNE_1.toISOString(), caseIds, thresholds: defaultThresholds })).map((v) => `${v.caseId} ${rule.id}`);
      const short = await ask(real);
      expect(await ask(long), rule.id).toEqual(short);
      found.push(...short);
    }
    expect(found).toEqual(['QH-SW-STALLED CASE-OVERDUE', 'QH-SW-REFUSED IR01', 'QH-SW-STALLED STATUTORY-OVERDUE']);
  });
});

describe('alerting started on a log nobody evaluated', () => {
  it('sweeps every rule over every case at start: the irregularity no batch saw is raised, once', async () => {
    const start = () =>
      startAlerting({
        store: h.store, clickhouse: () => h.ch, calendar: async () => defaultCalendar(), timeZone: 'Asia/Shanghai', config: defaultAlertConfig,
        thresholds: defaultThresholds, intervalSeconds: 59, webhooks: [], log: quiet, now: () => JUNE_1,
      });
    const until = async (done: () => boolean) => {
      for (let i = 0; i < 200 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
    };
    const alerting = await start();
    try {
      // No batch comes and the scheduled run (every 59 s) asks only deadlines: only the sweep at
      // start can find the refusal.
      await until(() => raised(alerting.book).includes('QH-SW-REFUSED IR01'));
      expect(raised(alerting.book)).toEqual(expect.arrayContaining(['QH-SW-REFUSED IR01', 'QH-SW-STALLED CASE-OVERDUE']));
      await until(() => alerting.scheduler.status().lastSweep !== null);
      expect(alerting.scheduler.status().lastSweep?.report).toMatchObject({ verdicts: 'cold' });
      // The next sweep asks only what changed since: nothing here, so it finds the same and raises nothing.
      await alerting.scheduler.sweepNow();
      expect(alerting.scheduler.status().lastSweep?.report).toMatchObject({ raised: 0, verdicts: 'warm' });
      expect(alerting.scheduler.status().lastSweep?.report.violations).toBeGreaterThanOrEqual(2);
      // A case projected while no batch judged it (alerting is not told of batches here): the next
      // sweep, still warm, asks every kept rule about that case alone, and finds its irregularity.
      await h.append([
        caseEventOf('CaseSubmitted', 'QH-SW-LATER', { seq: 1, occurredAt: beijing('2026-05-12', '09:00:00') }),
        caseEventOf('AcceptanceRefused', 'QH-SW-LATER', { seq: 2, occurredAt: beijing('2026-05-12', '10:00:00'), payload: { refusalReason: '否' } }),
      ]);
      await h.caughtUp();
      await alerting.scheduler.sweepNow();
      const later = alerting.scheduler.status().lastSweep!.report;
      expect(later).toMatchObject({ verdicts: 'warm', raised: 1, askedAgain: expect.objectContaining({ IR01: 1, IR02: 1 }) });
      expect(raised(alerting.book)).toContain('QH-SW-LATER IR01');
    } finally {
      await alerting.stop();
    }
    const again = await start();
    try {
      await until(() => again.scheduler.status().lastSweep !== null);
      // The verdicts the first process wrote are taken up: its start sweep asks only what changed.
      expect(again.scheduler.status().lastSweep?.report).toMatchObject({ raised: 0, verdicts: 'warm' });
      expect(raised(again.book).filter((k) => k === 'QH-SW-REFUSED IR01')).toHaveLength(1);
    } finally {
      await again.stop();
    }
  });
});

describe('alerting while the read models are behind the log', () => {
  it('puts off the rules that compare with the present, and sweeps once caught up', async () => {
    // Concluded on 03-20, after its due date 03-02: a red only the clock rules find.
    await h.append([
      ...anAcceptedCase('QH-SW-BEHIND-LATE', '2026-02-10'),
      caseEventOf('CaseConcluded', 'QH-SW-BEHIND-LATE', { seq: 3, occurredAt: beijing('2026-03-20', '15:00:00') }),
      caseEventOf('CaseSubmitted', 'QH-SW-BEHIND-REFUSED', { seq: 1, occurredAt: beijing('2026-01-13', '09:00:00') }),
      caseEventOf('AcceptanceRefused', 'QH-SW-BEHIND-REFUSED', { seq: 2, occurredAt: beijing('2026-01-13', '10:00:00'), payload: { refusalReason: '否' } }),
    ]);
    await h.caughtUp();
    let behind = true;
    const alerting = await startAlerting({
      store: h.store, clickhouse: () => h.ch, calendar: async () => defaultCalendar(), timeZone: 'Asia/Shanghai', config: defaultAlertConfig,
      thresholds: defaultThresholds, intervalSeconds: 1, webhooks: [], log: quiet, now: () => JUNE_1, sweepAtStart: false, behind: async () => behind,
    });
    try {
      await alerting.scheduler.touched(['QH-SW-BEHIND-LATE', 'QH-SW-BEHIND-REFUSED']);
      await new Promise((r) => setTimeout(r, 1_500));
      const mine = () => raised(alerting.book).filter((k) => k.startsWith('QH-SW-BEHIND'));
      // The refusal is judged by its own events; the lateness waits, through scheduled runs too.
      expect(mine()).toContain('QH-SW-BEHIND-REFUSED IR01');
      expect(mine()).not.toContain('QH-SW-BEHIND-LATE CASE-OVERDUE');
      behind = false;
      // The sweep first takes up the verdicts the test before wrote; on a loaded machine that and the sweep take seconds.
      for (let i = 0; i < 600 && alerting.scheduler.status().lastSweep === null; i++) await new Promise((r) => setTimeout(r, 50));
      expect(mine()).toContain('QH-SW-BEHIND-LATE CASE-OVERDUE');
      expect(alerting.scheduler.status().lastSweep).not.toBeNull();
    } finally {
      await alerting.stop();
    }
  });
});
