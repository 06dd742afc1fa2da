import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRule, defaultThresholds, type Violation } from '../../alerts/rule.ts';
import { rules } from '../../alerts/rules/index.ts';
import { scoreRules, type RuleScore, type TruthLabel } from '../../alerts/recall.ts';
import { defaultClockConfig } from '../../domain/clock/index.ts';
import { streamFor } from '../../domain/events/catalogue.ts';
import { migrations, projections } from '../../projections/index.ts';
import { projectionServices } from '../../projections/projection.ts';
import { idleProgress, rebuildReadModels } from '../../projections/rebuild.ts';
import { openChdb, pinnedSettings } from '../clickhouse/client.ts';
import { migrate } from '../clickhouse/migrations.ts';
import type { AppendRequest } from '../event-store/port.ts';
import { createSqliteEventStore } from '../event-store/sqlite.ts';
import type { Simulation } from './simulate.ts';

const CASES_PER_APPEND = 200;

/**
 * Runs a simulated county through the real system — the embedded log, the projections, every
 * rule's SQL — in a scratch data directory, and scores each rule against the simulator's labels.
 * Events are recorded at the time the simulator sends them, so the reporting-lag rules see what a
 * real-time feed would. Rules are evaluated once everything is over (`evaluateAt`).
 */
export async function evaluateSimulation(sim: Simulation, options: { evaluateAt?: string; progress?: (s: string) => void } = {}): Promise<{ scores: RuleScore[]; events: number; cases: number; millis: Record<string, number> }> {
  const dir = mkdtempSync(join(tmpdir(), 'sunlight-evaluate-'));
  const store = createSqliteEventStore({ file: join(dir, 'events.db') });
  const ch = await openChdb(join(dir, 'clickhouse'), 'sunlight', pinnedSettings(defaultClockConfig.timeZone));
  const millis: Record<string, number> = {};
  const t = () => performance.now();
  try {
    let t0 = t();
    const recordedAt = new Date('2026-01-01T00:00:00+08:00').toISOString();
    await store.appendMany(groupReference(sim, recordedAt));
    const truth = new Map<string, TruthLabel[]>();
    let pending: AppendRequest[] = [];
    let events = 0;
    let lastSend = 0;
    let lastSubmission = 0;
    for (const c of sim.cases) {
      truth.set(c.truth.caseId, c.truth.labels);
      pending.push({ streamId: `case-${c.events[0]!.caseId}`, expectedRevision: 'any', events: c.events.map((e, i) => ({ eventId: e.eventId, type: e.type, data: e, recordedAt: new Date(c.sendAt[i]!).toISOString() })) });
      events += c.events.length;
      lastSend = Math.max(lastSend, ...c.sendAt);
      lastSubmission = Math.max(lastSubmission, Date.parse(c.events[0]!.occurredAt));
      if (pending.length === CASES_PER_APPEND) pending = await flush(pending);
    }
    await flush(pending);
    millis.log = Math.round(t() - t0);
    options.progress?.(`${truth.size} cases, ${events} events stored in ${millis.log} ms; projecting…`);

    t0 = t();
    await migrate(ch, migrations);
    await rebuildReadModels({ store, ch, projections, services: projectionServices(store, defaultClockConfig), progress: idleProgress(), pauseLive: async () => {}, resumeLive: async () => {} });
    millis.project = Math.round(t() - t0);
    options.progress?.(`projected in ${millis.project} ms; evaluating ${rules.length} rules…`);

    t0 = t();
    const now = options.evaluateAt ?? new Date(lastSend + 120 * 86_400_000).toISOString();
    const found = new Map<string, Violation[]>();
    for (const rule of rules) {
      const r0 = t();
      found.set(rule.id, await runRule(ch, rule, { now, thresholds: defaultThresholds }));
      millis[`rule ${rule.id}`] = Math.round(t() - r0);
    }
    millis.evaluate = Math.round(t() - t0);
    // The scheduled run, which asks the time-driven rules what a passing deadline can have made
    // true: at the county's last submission (its busiest moment for deadlines) and at `now`.
    for (const [name, at] of [['scheduled at last submission', new Date(lastSubmission).toISOString()], ['scheduled at evaluation', now]] as const) {
      t0 = t();
      for (const rule of rules.filter((r) => r.timeDriven)) await runRule(ch, rule, { now: at, thresholds: defaultThresholds, deadlinesOnly: true });
      millis[name] = Math.round(t() - t0);
    }
    return { scores: scoreRules(rules, found, truth), events, cases: truth.size, millis };
  } finally {
    await ch.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }

  async function flush(batch: AppendRequest[]): Promise<AppendRequest[]> {
    if (batch.length > 0) await store.appendMany(batch);
    return [];
  }
}

function groupReference(sim: Simulation, recordedAt: string): AppendRequest[] {
  const byStream = new Map<string, AppendRequest>();
  for (const e of sim.reference) {
    const streamId = streamFor(e);
    (byStream.get(streamId) ?? byStream.set(streamId, { streamId, expectedRevision: 'any', events: [] }).get(streamId)!).events.push({ eventId: e.eventId, type: e.type, data: e, recordedAt });
  }
  return [...byStream.values()];
}
