import type { ClickHouse } from '../infra/clickhouse/client.ts';
import { evaluate, type EvaluationReport, type EvaluatorDeps, type QueryGate } from './evaluator.ts';

/**
 * Cases per query of a sweep. The read models are ordered by case id, so a chunk of consecutive
 * ids reads a narrow band of every table: each query stays short, and a clock query after a batch
 * never waits long behind a sweep at the query gate.
 */
export const SWEEP_CHUNK = 20_000;

/**
 * Every rule over every case, a chunk of cases at a time. After a batch only the touched cases are
 * evaluated and the scheduled run looks only at deadlines, so this is what finds what they could
 * not: violations in a log projected while alerting was off, after a rule or threshold changed,
 * or a reference change (a matter's catalogue) that alters a verdict without a case event.
 */
export async function sweep(
  deps: EvaluatorDeps,
  now: Date,
  options: { gate?: QueryGate; exclusive?: <T>(apply: () => Promise<T>) => Promise<T>; chunk?: number } = {},
): Promise<EvaluationReport & { cases: number }> {
  const ids = await allCaseIds(deps.ch);
  const size = options.chunk ?? SWEEP_CHUNK;
  const total: EvaluationReport & { cases: number } = { cases: ids.length, violations: 0, raised: 0, silenced: 0, escalated: 0, autoClosed: 0, millis: 0, queryMillis: 0, perRule: {} };
  const started = performance.now();
  for (let from = 0; from === 0 || from < ids.length; from += size) {
    const last = from + size >= ids.length;
    const r = await evaluate(deps, now, ids.slice(from, from + size), { gate: options.gate, exclusive: options.exclusive, skipDue: !last });
    for (const k of ['violations', 'raised', 'silenced', 'escalated', 'autoClosed', 'queryMillis'] as const) total[k] += r[k];
    for (const [id, p] of Object.entries(r.perRule)) {
      const t = (total.perRule[id] ??= { violations: 0, millis: 0 });
      t.violations += p.violations;
      t.millis += p.millis;
    }
  }
  total.millis = Math.round(performance.now() - started);
  return total;
}

/** Every case of the read models, in the order of their tables. */
export async function allCaseIds(ch: ClickHouse): Promise<string[]> {
  const rows = await (await ch.client.query({ query: 'SELECT DISTINCT case_id FROM cases ORDER BY case_id', format: 'JSONCompactEachRow' })).json<[string]>();
  return rows.map((r) => r[0]);
}
