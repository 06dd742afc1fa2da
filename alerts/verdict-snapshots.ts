import { createHash } from 'node:crypto';
import type { ClickHouse } from '../infra/clickhouse/client.ts';
import { onCluster, type DdlContext } from '../infra/clickhouse/ddl.ts';
import type { Rule, RuleThresholds, Violation } from './rule.ts';
import type { Verdicts, VerdictSnapshot } from './verdicts.ts';

/**
 * The verdicts written after each full evaluation, so that the first one after a restart asks only
 * what changed since. A snapshot is its rows (one per rule and case with findings) and a header,
 * written last: a snapshot without its header, cut short by a crash, is never read. It is taken up
 * only by code that would judge alike: the same rules' SQL, thresholds and read-model schema
 * (`verdictsFingerprint`); the read models themselves are checked at the next full evaluation
 * (`referenceStamp`), as for verdicts held since start.
 */
export const verdictTables = (ctx: DdlContext): string[] => [
  `CREATE TABLE IF NOT EXISTS alert_verdicts${onCluster(ctx)} (snapshot UInt64, rule_id LowCardinality(String), case_id String, found String)
   ENGINE = ${ctx.cluster ? `ReplicatedMergeTree('/clickhouse/tables/{shard}/${ctx.database}/alert_verdicts', '{replica}')` : 'MergeTree'}
   PARTITION BY snapshot ORDER BY (rule_id, case_id)`,
  `CREATE TABLE IF NOT EXISTS alert_verdict_snapshots${onCluster(ctx)} (snapshot UInt64, fingerprint String, state String, rows UInt64)
   ENGINE = ${ctx.cluster ? `ReplicatedMergeTree('/clickhouse/tables/{shard}/${ctx.database}/alert_verdict_snapshots', '{replica}')` : 'MergeTree'}
   ORDER BY snapshot`,
];

/** Each row's wake (Rule.wakes; null: none), Unix ms. A snapshot written before it has none, and is refused (its schema differs). */
export const verdictWakeColumn = (ctx: DdlContext): string => `ALTER TABLE alert_verdicts${onCluster(ctx)} ADD COLUMN IF NOT EXISTS wake Nullable(Int64)`;

/** What the verdicts depend on besides the read models: each rule's SQL in both modes, the thresholds, the schema. */
export function verdictsFingerprint(rules: readonly Rule[], thresholds: RuleThresholds, schema: readonly number[]): string {
  const h = createHash('sha256').update(JSON.stringify({ thresholds, schema }));
  for (const rule of rules) for (const deadlinesOnly of [false, true]) h.update(`\n${rule.id}@${rule.version}:${rule.sql({ now: '', thresholds, deadlinesOnly })}\n${rule.wakes?.({ now: '', thresholds }) ?? ''}`);
  return h.digest('hex');
}

const ROWS_PER_INSERT = 20_000;

/** Writes the verdicts as a new snapshot and drops the older ones; null when there is nothing settled to write. */
export async function saveVerdicts(ch: ClickHouse, verdicts: Verdicts, fingerprint: string): Promise<{ rows: number } | null> {
  const s = verdicts.snapshot();
  if (!s) return null;
  const snapshot = Date.now();
  for (let i = 0; i < s.found.length; i += ROWS_PER_INSERT) {
    const values = s.found.slice(i, i + ROWS_PER_INSERT).map((f) => ({ snapshot, rule_id: f.ruleId, case_id: f.caseId, found: JSON.stringify(f.violations), wake: f.wake }));
    await ch.client.insert({ table: 'alert_verdicts', values, format: 'JSONEachRow' });
  }
  const { found, ...state } = s;
  await ch.client.insert({ table: 'alert_verdict_snapshots', values: [{ snapshot, fingerprint, state: JSON.stringify(state), rows: found.length }], format: 'JSONEachRow' });
  const older = await (await ch.client.query({ query: 'SELECT DISTINCT snapshot FROM alert_verdicts WHERE snapshot < {snapshot:UInt64}', query_params: { snapshot }, format: 'JSONEachRow' })).json<{ snapshot: string }>();
  const ctx: DdlContext = { database: ch.database, ...(ch.cluster && { cluster: ch.cluster }) };
  for (const o of older) await ch.client.command({ query: `ALTER TABLE alert_verdicts${onCluster(ctx)} DROP PARTITION ${Number(o.snapshot)}` });
  await ch.client.command({ query: `ALTER TABLE alert_verdict_snapshots${onCluster(ctx)} DELETE WHERE snapshot < ${snapshot}` });
  return { rows: found.length };
}

/** Takes up the newest complete snapshot written by code that judges alike; the number of rows taken up, or null. */
export async function loadVerdicts(ch: ClickHouse, verdicts: Verdicts, fingerprint: string): Promise<number | null> {
  const [head] = await (
    await ch.client.query({ query: 'SELECT toString(snapshot) AS snapshot, fingerprint, state, toString(rows) AS rows FROM alert_verdict_snapshots ORDER BY snapshot DESC LIMIT 1', format: 'JSONEachRow' })
  ).json<{ snapshot: string; fingerprint: string; state: string; rows: string }>();
  if (!head || head.fingerprint !== fingerprint) return null;
  const rows = await (
    await ch.client.query({ query: 'SELECT rule_id, case_id, found, wake FROM alert_verdicts WHERE snapshot = {snapshot:UInt64}', query_params: { snapshot: head.snapshot }, format: 'JSONEachRow' })
  ).json<{ rule_id: string; case_id: string; found: string; wake: string | number | null }>();
  if (rows.length !== Number(head.rows)) return null;
  const state = JSON.parse(head.state) as Omit<VerdictSnapshot, 'found'>;
  verdicts.restore({ ...state, found: rows.map((r) => ({ ruleId: r.rule_id, caseId: r.case_id, violations: JSON.parse(r.found) as Violation[], wake: r.wake === null ? null : Number(r.wake) })) });
  return rows.length;
}
