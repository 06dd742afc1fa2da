import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultClockConfig } from '../domain/clock/index.ts';
import type { CaseEvent } from '../domain/events/catalogue.ts';
import { streamFor } from '../domain/events/catalogue.ts';
import type { ClickHouse } from '../infra/clickhouse/client.ts';
import { migrate } from '../infra/clickhouse/migrations.ts';
import type { AppendRequest, EventStore } from '../infra/event-store/port.ts';
import { createSqliteEventStore } from '../infra/event-store/sqlite.ts';
import { BusinessTimeMerge } from '../infra/simulator/order.ts';
import { defaultRates, parseRates } from '../infra/simulator/rates.ts';
import { simulateCounty } from '../infra/simulator/simulate.ts';
import { migrations, projections } from '../projections/index.ts';
import { projectionServices } from '../projections/projection.ts';
import { createRunner, type ProjectionRunner } from '../projections/runner.ts';
import { testClickHouse } from '../test/support/chdb.ts';
import { askRules, type Asking } from './asking.ts';
import { queryGate, WHOLE_COUNTY } from './evaluator.ts';
import { defaultThresholds, type Rule } from './rule.ts';
import { rules } from './rules/index.ts';
import { loadVerdicts, saveVerdicts, verdictsFingerprint } from './verdict-snapshots.ts';
import { referenceStamp, Verdicts } from './verdicts.ts';

/**
 * A simulated county's two weeks of arrivals, sent day by day as its exchange would, until its
 * cases are done. After each day's batch the touched cases are judged, and a scheduled run asks
 * the deadlines at noon; on some days alerting is off. Every other day, just past midnight, a full
 * evaluation from the verdicts must find exactly what every rule finds over every case asked
 * afresh: the deadlines of the midnight just passed (acceptance deemed, a pause too long, a
 * delivery or a reply overdue) come only from the rules' wakes.
 */
let store: EventStore;
let ch: ClickHouse;
let runner: ProjectionRunner;
const DAY = 86_400_000;
const days = new Map<string, CaseEvent[]>();

beforeAll(async () => {
  store = createSqliteEventStore({ file: join(mkdtempSync(join(tmpdir(), 'sunlight-verdicts-')), 'events.db') });
  ch = await testClickHouse();
  await migrate(ch, migrations);
  runner = createRunner({ store, ch, projections, services: projectionServices(store, defaultClockConfig), batchSize: 500, flushMs: 10 });
  await runner.start();
  // Irregularities injected far more often than in a real county, IR19's pairs of cases among them.
  const irregularities = Object.fromEntries(Object.keys(defaultRates.irregularities).map((k) => [k, k === 'IR19' ? 0.1 : 0.035]));
  const sim = simulateCounty({ seed: 11, cases: 240, from: '2026-03-02', to: '2026-03-13', rates: parseRates({ irregularities }) });
  const reference = new Map<string, AppendRequest>();
  for (const e of sim.reference) {
    const streamId = streamFor(e);
    (reference.get(streamId) ?? reference.set(streamId, { streamId, expectedRevision: 'any', events: [] }).get(streamId)!).events.push({ eventId: e.eventId, type: e.type, data: e, recordedAt: '2026-01-01T00:00:00+08:00' });
  }
  await store.appendMany([...reference.values()]);
  const merge = new BusinessTimeMerge();
  const put = (e: CaseEvent) => {
    const day = dayOf(e.occurredAt);
    (days.get(day) ?? days.set(day, []).get(day)!).push(e);
  };
  for (const c of sim.cases) for (const e of merge.push(c)) put(e);
  for (const e of merge.drain()) put(e);
});
afterAll(async () => {
  await runner.stop();
  await store.close();
});

const dayOf = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
const endOf = (day: string) => new Date(Date.parse(`${day}T23:59:00+08:00`));

async function send(events: CaseEvent[]): Promise<bigint> {
  const byCase = new Map<string, CaseEvent[]>();
  for (const e of events) (byCase.get(e.caseId) ?? byCase.set(e.caseId, []).get(e.caseId)!).push(e);
  await store.appendMany([...byCase].map(([caseId, list]) => ({ streamId: `case-${caseId}`, expectedRevision: 'any' as const, events: list.map((e) => ({ eventId: e.eventId, type: e.type, data: e, recordedAt: e.occurredAt })) })));
  const head = await store.headPosition();
  while (runner.status().checkpoint < head) {
    if (runner.status().lastError) throw new Error(`projection failed: ${runner.status().lastError}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return head;
}

const asking = (now: Date, verdicts: Verdicts | undefined, more: Partial<Asking> = {}): Asking => ({
  ch, now, thresholds: defaultThresholds, gate: queryGate(), urgent: false, deadlinesOnly: false, wholeCounty: WHOLE_COUNTY, ...(verdicts && { verdicts }), ...more,
});

/** Every rule's findings, one line per violation: case, rule, level, and (where no clock figure is in it) the evidence. */
async function findings(a: Asking, only: readonly Rule[] = rules): Promise<string[]> {
  const { ask, done } = await askRules(a, only, rules);
  const out: string[] = [];
  for (const rule of only) for (const v of await ask(rule)) out.push(`${v.caseId} ${rule.id} ${v.level}${rule.timeDriven ? '' : ` ${[...v.evidenceEventIds].sort().join(',')}`}`);
  done();
  return out.sort();
}

describe('a full evaluation from the verdicts', () => {
  it('finds, day after day, what every rule finds over every case asked afresh', { timeout: 240_000 }, async () => {
    const verdicts = new Verdicts(rules, defaultThresholds);
    const sorted = [...days.keys()].sort();
    const first = sorted[0]!;
    const last = '2026-04-08';
    let warmRuns = 0;
    let scheduledRuns = 0;
    let compared = 0;
    let found = 0;
    let i = 0;
    for (let t = Date.parse(`${first}T12:00:00+08:00`); dayOf(new Date(t).toISOString()) <= last; t += DAY, i++) {
      const day = dayOf(new Date(t).toISOString());
      const now = endOf(day);
      const events = days.get(day) ?? [];
      // The scheduled run at noon asks only the cases whose wake came (once verdicts are warm); after
      // it, every deadline passed by noon is in the verdicts, as asking every deadline afresh shows.
      const timeDriven = rules.filter((r) => r.timeDriven);
      const noon = new Date(t);
      const scheduledWarm = verdicts.warm(noon, await referenceStamp(ch), rules, defaultThresholds);
      await findings(asking(noon, verdicts, { deadlinesOnly: true }), timeDriven);
      if (scheduledWarm) {
        const kept = new Set(timeDriven.flatMap((r) => verdicts.violations(r).map((v) => `${v.caseId} ${r.id} ${v.level}`)));
        const passed = await findings(asking(noon, undefined, { deadlinesOnly: true }), timeDriven);
        expect(passed.filter((k) => !kept.has(k)), `${day}: the scheduled run`).toEqual([]);
        scheduledRuns++;
      }
      // The day's events, judged after their batch, but not on the days alerting is off before a comparison.
      const alertingOff = i % 8 >= 1 && i % 8 <= 3;
      if (events.length > 0) {
        const at = await send(events);
        const touched = [...new Set(events.map((e) => e.caseId))];
        if (!alertingOff) await findings(asking(now, verdicts, { caseIds: touched, at }));
      }
      if (i % 2 === 0) {
        // Past midnight, when the day's deadlines have passed since the scheduled run at noon.
        const after = new Date(t + 12.5 * 3_600_000);
        const warm = verdicts.warm(after, await referenceStamp(ch), rules, defaultThresholds);
        const fromVerdicts = await findings(asking(after, verdicts));
        const afresh = await findings(asking(after, undefined));
        expect(fromVerdicts, `${day}: ${warm ? 'warm' : 'cold'}`).toEqual(afresh);
        if (warm) warmRuns++;
        compared++;
        found = afresh.length;
      }
    }
    expect(compared).toBeGreaterThan(4);
    expect(found).toBeGreaterThan(50);
    // Only the first comparison fills the verdicts; every later one asks only what changed.
    expect(warmRuns).toBe(compared - 1);
    expect(scheduledRuns).toBeGreaterThan(20);
  });
});

describe('a scheduled run long after the last full evaluation', () => {
  it('asks a rule whose woken cases are too many over every case, and every passed deadline is then in the verdicts', async () => {
    const verdicts = new Verdicts(rules, defaultThresholds);
    const timeDriven = rules.filter((r) => r.timeDriven);
    await findings(asking(new Date('2026-03-10T12:00:00+08:00'), verdicts));
    // Two weeks on, with no run between: every delivery and reply deadline of those weeks has passed.
    const later = new Date('2026-03-24T12:00:00+08:00');
    const wholeCounty = { minCases: 0, share: 0.01 };
    const { ask, done, askedAgain } = await askRules(asking(later, verdicts, { deadlinesOnly: true, wholeCounty }), timeDriven, rules);
    for (const rule of timeDriven) await ask(rule);
    done();
    expect(Math.max(...Object.values(askedAgain ?? {}))).toBeGreaterThanOrEqual(240);
    const kept = new Set(timeDriven.flatMap((r) => verdicts.violations(r).map((v) => `${v.caseId} ${r.id} ${v.level}`)));
    const passed = await findings(asking(later, undefined, { deadlinesOnly: true }), timeDriven);
    expect(passed.length).toBeGreaterThan(0);
    expect(passed.filter((k) => !kept.has(k))).toEqual([]);
  });
});

describe('verdicts written after a full evaluation', () => {
  it('are taken up after a restart, whose first full evaluation then asks only what changed', async () => {
    const schema = migrations.map((m) => m.version);
    const fingerprint = verdictsFingerprint(rules, defaultThresholds, schema);
    const now = new Date('2026-04-09T01:00:00+08:00');
    const before = new Verdicts(rules, defaultThresholds);
    await findings(asking(now, before));
    expect(await saveVerdicts(ch, before, fingerprint)).toMatchObject({ rows: expect.any(Number) });
    // The process restarts an hour later.
    const later = new Date(now.getTime() + 3_600_000);
    const after = new Verdicts(rules, defaultThresholds);
    expect(await loadVerdicts(ch, after, fingerprint)).toBeGreaterThan(50);
    expect(after.warm(later, await referenceStamp(ch), rules, defaultThresholds)).toBe(true);
    expect(await findings(asking(later, after))).toEqual(await findings(asking(later, undefined)));
    // Written again, the older snapshot goes.
    await saveVerdicts(ch, after, fingerprint);
    const snapshots = await (await ch.client.query({ query: 'SELECT count(DISTINCT snapshot) AS n FROM alert_verdicts', format: 'JSONEachRow' })).json<{ n: string }>();
    expect(Number(snapshots[0]!.n)).toBe(1);
  });

  it('are not taken up by rules that would judge otherwise: a threshold changed, or a rule', async () => {
    const schema = migrations.map((m) => m.version);
    const fresh = () => new Verdicts(rules, defaultThresholds);
    expect(await loadVerdicts(ch, fresh(), verdictsFingerprint(rules, defaultThresholds, schema))).not.toBeNull();
    expect(await loadVerdicts(ch, fresh(), verdictsFingerprint(rules, { ...defaultThresholds, fastFloorMinutes: defaultThresholds.fastFloorMinutes + 1 }, schema))).toBeNull();
    const [first, ...rest] = rules;
    expect(await loadVerdicts(ch, fresh(), verdictsFingerprint([{ ...first!, version: first!.version + 1 }, ...rest], defaultThresholds, schema))).toBeNull();
    expect(await loadVerdicts(ch, fresh(), verdictsFingerprint(rules, defaultThresholds, [...schema, 99]))).toBeNull();
  });
});

describe('the stamp of the read models the rules read', () => {
  it('changes when a rebuild swaps in new tables, so the next full evaluation asks everything', async () => {
    const before = await referenceStamp(ch);
    expect(JSON.parse(before).t.length).toBeGreaterThan(5);
    await ch.client.command({ query: 'CREATE TABLE cases_swap AS cases' });
    await ch.client.command({ query: 'INSERT INTO cases_swap SELECT * FROM cases' });
    await ch.client.command({ query: 'EXCHANGE TABLES cases AND cases_swap' });
    expect(await referenceStamp(ch)).not.toEqual(before);
  });
});
