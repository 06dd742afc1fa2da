import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultThresholds, runRule, type Rule, type RuleThresholds, type Violation } from '../../alerts/rule.ts';
import { defaultClockConfig } from '../../domain/clock/index.ts';
import type { CaseEvent, ReferenceEvent } from '../../domain/events/catalogue.ts';
import { streamFor } from '../../domain/events/catalogue.ts';
import type { ClickHouse } from '../../infra/clickhouse/client.ts';
import { migrate } from '../../infra/clickhouse/migrations.ts';
import type { EventStore } from '../../infra/event-store/port.ts';
import { createSqliteEventStore } from '../../infra/event-store/sqlite.ts';
import { loadSeed } from '../../infra/seed.ts';
import { migrations, projections } from '../../projections/index.ts';
import { projectionServices } from '../../projections/projection.ts';
import { createRunner, type ProjectionRunner } from '../../projections/runner.ts';
import { testClickHouse } from './chdb.ts';

export interface RuleHarness {
  ch: ClickHouse;
  store: EventStore;
  /** Resolves once the read models hold everything appended so far. */
  caughtUp(): Promise<void>;
  /** Appends events as the ingest would (recordedAt = occurredAt unless given). */
  append(events: (CaseEvent | ReferenceEvent)[], recordedAt?: (e: CaseEvent | ReferenceEvent) => string): Promise<void>;
  /** Waits until the read models hold everything appended, then runs the rule. */
  evaluate(rule: Rule, now: string, options?: { caseIds?: string[]; thresholds?: Partial<RuleThresholds>; deadlinesOnly?: boolean }): Promise<Violation[]>;
  close(): Promise<void>;
}

/**
 * The real pipeline for rule tests: SQLite log with the seed county → projection runner → ClickHouse
 * (chDB, or a server when CLICKHOUSE_URL is set) → the rule's SQL. One per test file.
 */
export async function ruleHarness(): Promise<RuleHarness> {
  const store = createSqliteEventStore({ file: join(mkdtempSync(join(tmpdir(), 'sunlight-rules-')), 'events.db') });
  const ch = await testClickHouse();
  await migrate(ch, migrations);
  await loadSeed(store, new Date('2025-12-01T00:00:00+08:00'));
  const runner: ProjectionRunner = createRunner({ store, ch, projections, services: projectionServices(store, defaultClockConfig), batchSize: 500, flushMs: 10 });
  await runner.start();
  const caughtUp = async () => {
    const head = await store.headPosition();
    while (runner.status().checkpoint < head) {
      if (runner.status().lastError) throw new Error(`projection failed: ${runner.status().lastError}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return {
    ch,
    store,
    caughtUp,
    async append(events, recordedAt = (e) => e.occurredAt) {
      const byStream = new Map<string, CaseEvent[] | ReferenceEvent[]>();
      for (const e of events) (byStream.get(streamFor(e)) ?? byStream.set(streamFor(e), []).get(streamFor(e))!).push(e as never);
      await store.appendMany(
        [...byStream].map(([streamId, list]) => ({
          streamId,
          expectedRevision: 'any' as const,
          events: list.map((e) => ({ eventId: e.eventId, type: e.type, data: e, recordedAt: recordedAt(e) })),
        })),
      );
    },
    async evaluate(rule, now, options = {}) {
      await caughtUp();
      return runRule(ch, rule, { now, ...(options.caseIds && { caseIds: options.caseIds }), thresholds: { ...defaultThresholds, ...options.thresholds }, deadlinesOnly: options.deadlinesOnly === true });
    },
    async close() {
      await runner.stop();
      await store.close();
    },
  };
}
