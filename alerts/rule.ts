import type { ClickHouse } from '../infra/clickhouse/client.ts';
import { chInstant } from '../infra/clickhouse/insert.ts';

export type Level = 'yellow' | 'red';

export { defaultThresholds, type RuleThresholds } from '../domain/alerts/thresholds.ts';
import type { RuleThresholds } from '../domain/alerts/thresholds.ts';

/**
 * What a rule query may use: `{now:DateTime64(3, 'UTC')}`, `{case_ids:Array(String)}` (empty = all
 * cases; use `caseFilter`), and every threshold by name, e.g. `{minReasonChars:UInt32}`.
 */
export interface RuleContext {
  /** Evaluation instant, ISO-8601 with offset. */
  now: string;
  /** Restrict to these cases (the ones a projection batch touched); undefined = every case. */
  caseIds?: readonly string[];
  thresholds: RuleThresholds;
  /**
   * The scheduled run: only what a passing deadline can have made true. A rule's other branches,
   * which judge the date of an event (a case concluded late, a decision made late), are left to
   * the batch that brought the event, and to sweeps. Rules leave those branches out of their SQL.
   */
  deadlinesOnly?: boolean;
}

/** One violation found by a rule: what the alert will carry as evidence. */
export interface Violation {
  caseId: string;
  deptCode: string;
  level: Level;
  /** Plain sentence: what is wrong, with the figures. */
  reason: string;
  /** Ids of the events that prove it. */
  evidenceEventIds: string[];
  /** The computed figures (due date, days used, amounts, …). */
  figures: Record<string, string | number | boolean | null>;
}

/**
 * A warning rule is data plus a query (architecture.md "Alerts"). The SQL runs against the read
 * models and returns one row per violating case with the columns of `ViolationRow`.
 */
export interface Rule {
  id: string;
  level: Level;
  version: number;
  /** Deterministic rules must reach 100 % recall and no false alarm on the county simulator. */
  deterministic: boolean;
  /**
   * True when the rule can start to hold with no new event, as time passes (a deadline): the
   * scheduled run evaluates only these, over all cases. The others can only change when a case's
   * events do, and run after each projection batch for the cases it touched (architecture.md).
   */
  timeDriven?: boolean;
  /**
   * For a red rule: the yellow rule on the same clock. An open yellow alert of it becomes this red
   * when its deadline passes, instead of a second alert being raised (§5).
   */
  yellowSibling?: string;
  /**
   * A rule on a time limit (domain.md §3.3: the promised, statutory and step clocks). After a
   * batch these run in a lane of their own, ahead of the irregularities (scheduler.ts).
   */
  clock?: boolean;
  description: { zh: string; en: string };
  /** SELECT case_id, dept_code, level, reason, evidence (Array(String)), figures (JSON String). */
  sql(ctx: RuleContext): string;
  /**
   * Every time-driven rule: SELECT case_id, wake (Int64, Unix ms): for each case whose finding may
   * change after `now` with no event of its own, the first instant it may (a deadline, a warning
   * instant, the midnight a count of working days moves on). A case left out keeps its finding
   * until its next event. An instant earlier than the true one only asks about the case sooner,
   * so a rule may name a superset: every midnight while a pause is open, say. This is what lets a
   * full evaluation ask a time-driven rule only about the cases whose time came (verdicts.ts).
   */
  wakes?(ctx: RuleContext): string;
}

/** Runs one rule and returns its violations. */
export async function runRule(ch: ClickHouse, rule: Rule, ctx: RuleContext): Promise<Violation[]> {
  const rows = await (await ruleQuery(ch, rule.sql(ctx), ctx, 'JSONEachRow'))
    .json<{ case_id: string; dept_code: string; level: Level; reason: string; evidence: string[]; figures: string }>();
  return rows.map((r) => ({ caseId: r.case_id, deptCode: r.dept_code, level: r.level, reason: r.reason, evidenceEventIds: r.evidence, figures: JSON.parse(r.figures || '{}') }));
}

/** Runs a rule's wakes query: case → the first instant after `now` its finding may change. */
export async function runWakes(ch: ClickHouse, rule: Rule, ctx: RuleContext): Promise<Map<string, number>> {
  const sql = rule.wakes?.(ctx);
  if (!sql) throw new Error(`${rule.id} has no wakes`);
  const rows = await (await ruleQuery(ch, sql, ctx, 'JSONCompactEachRow')).json<[string, string | number]>();
  const wakes = new Map<string, number>();
  for (const [caseId, wake] of rows) {
    const at = Number(wake);
    const before = wakes.get(caseId);
    if (before === undefined || at < before) wakes.set(caseId, at);
  }
  return wakes;
}

/** A rule's SQL with its parameters bound: the instant, the cases (a long list as a set), the thresholds. */
async function ruleQuery(ch: ClickHouse, sql: string, ctx: RuleContext, format: 'JSONEachRow' | 'JSONCompactEachRow') {
  return ch.client.query({
    query: (ctx.caseIds?.length ?? 0) >= LIST_AS_SET_FROM ? asSet(sql) : sql,
    query_params: { now: chInstant(ctx.now), case_ids: ctx.caseIds ?? [], ...flatThresholds(ctx.thresholds) },
    format,
  });
}

function flatThresholds(t: RuleThresholds): Record<string, number> {
  const { extensionMax, ...rest } = t;
  return { ...rest, extensionMaxNormal: extensionMax.normal, extensionMaxJoint: extensionMax.joint };
}

/** The yellows of a clock: those a red rule names as its yellow sibling (CASE-YELLOW, STEP-YELLOW). */
export const clockYellows = (rules: readonly Rule[]): Set<string> => new Set(rules.flatMap((r) => (r.yellowSibling ? [r.yellowSibling] : [])));

/** Restricts a rule to the touched cases when the evaluator gives them; all cases otherwise. */
export const caseFilter = (column: string) => `(empty({case_ids:Array(String)}) OR ${column} IN ${CASE_IDS})`;

/** The touched cases, for an `IN`; see `caseFilter` and `LIST_AS_SET_FROM`. */
export const CASE_IDS = '{case_ids:Array(String)}';

/**
 * From this many cases, `IN {case_ids}` is asked as `IN (SELECT arrayJoin({case_ids}))`, one hash
 * set (still used on the primary key). Compared with the array itself, a row's test grew with the
 * list past some 20,000 ids: 50,000 touched cases made CASE-OVERDUE take 42 s instead of 0.5 s.
 * For a batch's few dozen cases the subquery would cost the clock lane some 20 ms a batch.
 */
export const LIST_AS_SET_FROM = 5_000;

const asSet = (sql: string) => sql.replaceAll(` IN ${CASE_IDS}`, ` IN (SELECT arrayJoin(${CASE_IDS}))`);
