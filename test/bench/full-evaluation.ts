import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { askRules, type Asking } from '../../alerts/asking.ts';
import { queryGate, WHOLE_COUNTY } from '../../alerts/evaluator.ts';
import { defaultThresholds, type Rule } from '../../alerts/rule.ts';
import { rules } from '../../alerts/rules/index.ts';
import { loadVerdicts, saveVerdicts } from '../../alerts/verdict-snapshots.ts';
import { Verdicts } from '../../alerts/verdicts.ts';
import { defaultClockConfig } from '../../domain/clock/index.ts';
import type { CaseEvent } from '../../domain/events/catalogue.ts';
import { streamFor } from '../../domain/events/catalogue.ts';
import { openChdb, pinnedSettings } from '../../infra/clickhouse/client.ts';
import { migrate } from '../../infra/clickhouse/migrations.ts';
import type { AppendRequest, EventStore } from '../../infra/event-store/port.ts';
import { createSqliteEventStore } from '../../infra/event-store/sqlite.ts';
import { BusinessTimeMerge } from '../../infra/simulator/order.ts';
import { simulateCounty } from '../../infra/simulator/simulate.ts';
import { migrations, projections } from '../../projections/index.ts';
import { projectionServices } from '../../projections/projection.ts';
import { idleProgress, rebuildReadModels } from '../../projections/rebuild.ts';
import { createRunner } from '../../projections/runner.ts';

/** The county's last day but one: its log up to here is rebuilt, the day itself comes in live. */
const LIVE_DAY = '2026-12-30';
const LIVE_PAGE = 2_000;

export interface FullEvaluationFigures {
  cases: number;
  events: number;
  liveEvents: number;
  /** The first full evaluation, which asks every rule about every case and fills the verdicts. */
  coldMillis: number;
  /** The full evaluation a day later, from the verdicts. */
  warmMillis: number;
  /** Every rule over every case asked afresh at the same instant, without verdicts. */
  afreshMillis: number;
  violations: number;
  /** The full evaluation from the verdicts again, with the read models merged. */
  mergedMillis: number;
  /** The scheduled run (deadlines only) that evening. */
  scheduledMillis: number;
  /** Whether the warm evaluation found exactly what asking afresh found. */
  same: boolean;
}

/**
 * A simulated county (its 2026, `cases` cases) as a running server sees it: its log up to the
 * evening of 29 December rebuilt, a full evaluation that fills the verdicts; then 30 December's
 * events arrive live, each batch judged over the cases it touched, scheduled runs ask the
 * deadlines; that evening's full evaluation asks from the verdicts, and is checked against every
 * rule over every case asked afresh.
 */
export async function fullEvaluationDayAfter(cases: number, progress: (s: string) => void): Promise<FullEvaluationFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'sunlight-bench-verdicts-'));
  const store = createSqliteEventStore({ file: join(dir, 'events.db') });
  const ch = await openChdb(join(dir, 'clickhouse'), 'sunlight', pinnedSettings(defaultClockConfig.timeZone));
  try {
    const sim = simulateCounty({ seed: 3, cases });
    const recordedAt = '2026-01-01T00:00:00+08:00';
    const reference = new Map<string, AppendRequest>();
    for (const e of sim.reference) (reference.get(streamFor(e)) ?? reference.set(streamFor(e), { streamId: streamFor(e), expectedRevision: 'any', events: [] }).get(streamFor(e))!).events.push({ eventId: e.eventId, type: e.type, data: e, recordedAt });
    await store.appendMany([...reference.values()]);
    const liveFrom = Date.parse(`${LIVE_DAY}T00:00:00+08:00`);
    const liveTo = liveFrom + 86_400_000;
    const live: CaseEvent[] = [];
    const caseIds = new Set<string>();
    let page: CaseEvent[] = [];
    let events = 0;
    const take = async (e: CaseEvent) => {
      const at = Date.parse(e.occurredAt);
      if (at >= liveTo) return;
      caseIds.add(e.caseId);
      events++;
      if (at >= liveFrom) return void live.push(e);
      page.push(e);
      if (page.length === 5_000) await append(store, page.splice(0));
    };
    const merge = new BusinessTimeMerge();
    for (const c of sim.cases) for (const e of merge.push(c)) await take(e);
    for (const e of merge.drain()) await take(e);
    await append(store, page);
    progress(`${caseIds.size} cases, ${events} events up to the end of ${LIVE_DAY} (${live.length} of them on that day); rebuilding the rest…`);
    await migrate(ch, migrations);
    await rebuildReadModels({ store, ch, projections, services: projectionServices(store, defaultClockConfig), progress: idleProgress(), pauseLive: async () => {}, resumeLive: async () => {} });

    const verdicts = new Verdicts(rules, defaultThresholds);
    const gate = queryGate();
    const asking = (now: number, more: Partial<Asking> = {}): Asking => ({ ch, now: new Date(now), thresholds: defaultThresholds, gate, urgent: false, deadlinesOnly: false, wholeCounty: WHOLE_COUNTY, verdicts, ...more });
    let t0 = performance.now();
    await everyRule(asking(liveFrom - 60_000));
    const coldMillis = Math.round(performance.now() - t0);
    progress(`cold full evaluation (fills the verdicts): ${coldMillis} ms; ${LIVE_DAY} comes in live…`);

    const runner = createRunner({ store, ch, projections, services: projectionServices(store, defaultClockConfig), batchSize: 500, flushMs: 10 });
    await runner.start();
    const timeDriven = rules.filter((r) => r.timeDriven);
    for (let i = 0; i < live.length; i += LIVE_PAGE) {
      const sent = live.slice(i, i + LIVE_PAGE);
      const at = await append(store, sent);
      while (runner.status().checkpoint < at) await new Promise((r) => setTimeout(r, 20));
      const now = Date.parse(sent.at(-1)!.occurredAt);
      await everyRule(asking(now, { caseIds: [...new Set(sent.map((e) => e.caseId))], at }));
      await everyRule(asking(now, { deadlinesOnly: true }), timeDriven);
    }
    await runner.stop();

    const evening = liveTo - 60_000;
    t0 = performance.now();
    await everyRule(asking(evening, { deadlinesOnly: true }), timeDriven);
    const scheduledMillis = Math.round(performance.now() - t0);
    t0 = performance.now();
    lastAskedAgain = {};
    const warm = await everyRule(asking(evening));
    const warmMillis = Math.round(performance.now() - t0);
    progress(`cases asked about again by the evening's full evaluation, per rule: ${JSON.stringify(lastAskedAgain)}`);
    progress(`its time, ms: ${JSON.stringify(lastTimes)}`);
    t0 = performance.now();
    const written = await saveVerdicts(ch, verdicts, 'bench');
    const savedMillis = Math.round(performance.now() - t0);
    t0 = performance.now();
    const taken = await loadVerdicts(ch, new Verdicts(rules, defaultThresholds), 'bench');
    progress(`verdicts snapshot: ${written?.rows} rows written in ${savedMillis} ms, ${taken} taken up in ${Math.round(performance.now() - t0)} ms`);
    t0 = performance.now();
    const afresh = await everyRule({ ...asking(evening), verdicts: undefined });
    const afreshMillis = Math.round(performance.now() - t0);
    // The same, once the read models' parts are merged (FINAL reads fewer parts): the day's batches
    // left many small ones, which background merges combine over the following hours.
    // BENCH_KEEP=1: the read models as the day left them, with the verdicts' snapshot, for a closer look.
    if (process.env.BENCH_KEEP === '1') cpSync(join(dir, 'clickhouse'), join(dir, 'clickhouse-unmerged'), { recursive: true });
    for (const table of ['events', 'cases', 'case_steps', 'ratings', 'fees', 'complaints']) await ch.client.command({ query: `OPTIMIZE TABLE ${table} FINAL` });
    t0 = performance.now();
    const merged = await everyRule(asking(evening + 30_000));
    const mergedMillis = Math.round(performance.now() - t0);
    progress(`merged: its time, ms: ${JSON.stringify(lastTimes)}`);
    return {
      cases: caseIds.size, events, liveEvents: live.length, coldMillis, warmMillis, afreshMillis, mergedMillis, scheduledMillis, violations: afresh.length,
      same: JSON.stringify(warm) === JSON.stringify(afresh) && JSON.stringify(merged) === JSON.stringify(afresh),
    };
  } finally {
    await ch.close();
    await store.close();
    // BENCH_KEEP=1 leaves the county's log and read models for a closer look.
    if (process.env.BENCH_KEEP === '1') progress(`kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

let lastAskedAgain: Record<string, number> = {};
/** Where the last evaluation's time went: before the first rule (stamp, changed cases), then each rule, ms. */
let lastTimes: Record<string, number> = {};

/** Asks the rules as an evaluation does (queued at once, one query at a time); the findings as sorted keys. */
async function everyRule(a: Asking, only: readonly Rule[] = rules): Promise<string[]> {
  let t = performance.now();
  const { ask, done, askedAgain } = await askRules(a, only, rules);
  const times: Record<string, number> = { before: Math.round(performance.now() - t) };
  t = performance.now();
  const answers = only.map((rule) => ask(rule));
  const found: string[] = [];
  for (const [i, answer] of answers.entries()) {
    for (const v of await answer) found.push(`${v.caseId} ${only[i]!.id} ${v.level}`);
    // Answered one at a time in the order asked: the time since the previous answer is this rule's.
    times[only[i]!.id] = Math.round(performance.now() - t);
    t = performance.now();
  }
  done();
  if (askedAgain && Object.keys(askedAgain).length > 0) lastAskedAgain = askedAgain;
  lastTimes = times;
  return found.sort();
}

async function append(store: EventStore, events: CaseEvent[]): Promise<bigint> {
  const byCase = new Map<string, AppendRequest>();
  for (const e of events) {
    const streamId = `case-${e.caseId}`;
    (byCase.get(streamId) ?? byCase.set(streamId, { streamId, expectedRevision: 'any', events: [] }).get(streamId)!).events.push({ eventId: e.eventId, type: e.type, data: e, recordedAt: e.occurredAt });
  }
  if (byCase.size > 0) await store.appendMany([...byCase.values()]);
  return store.headPosition();
}
