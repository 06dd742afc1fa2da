import type { ClickHouse } from '../infra/clickhouse/client.ts';
import type { Rule, RuleThresholds, Violation } from './rule.ts';

/**
 * What every rule last found about every case, kept so that a full evaluation (a sweep) asks the
 * read models only what can have changed since, instead of every rule grouping every event of
 * the county again (42–46 s at 1,000,000 cases; docs/decisions.md "Verdicts").
 *
 * A case's verdict on a rule that does not look at the clock changes only with the case's own
 * events (and, for a rule pairing cases such as IR19, with its partners'), with the reference data,
 * the rules and their thresholds. So the verdicts hold, per rule:
 *  - `through`: every case whose last event is at or before this log position has been judged;
 *  - `marks`: later cases judged since (after a batch), with the position they were judged at;
 *  - `dirty`: cases another case's evaluation showed may now violate (a refused case paired with
 *    a later acceptance): judged again by the next full evaluation.
 * A case whose events go past both is stale and is asked about again.
 *
 * The time-driven rules add a second source: a deadline passing with no event. A red on a passed
 * deadline stays true until the case has a new event, so the scheduled run's findings are added to
 * the verdicts, and a full evaluation asks the deadlines again over every case. A rule whose finding
 * can lapse with no event (a yellow, once its overdue instant passes) is never kept: a full
 * evaluation asks it afresh.
 *
 * In memory: the first full evaluation after start, or after the reference data changed, asks
 * everything (cold) and fills them.
 */
export class Verdicts {
  private readonly perRule = new Map<string, RuleVerdicts>();
  private reference: string | null = null;
  /** Every deadline that passed before this instant is in the verdicts (a scheduled run or a full evaluation). */
  private deadlinesAsOf: number | null = null;

  constructor(
    readonly rules: readonly Rule[],
    readonly thresholds: RuleThresholds,
    private readonly maxDeadlineGapMs = MAX_DEADLINE_GAP_MS,
  ) {}

  /** Whether a rule's verdicts are kept (see `lapses`). */
  keeps(rule: Rule): boolean {
    return rule.lapses !== true;
  }

  /**
   * True when the next full evaluation may ask only what changed: the verdicts were filled, under
   * the same reference data, and no deadline may have passed unseen since (`MAX_DEADLINE_GAP_MS`).
   */
  warm(now: Date, reference: string, rules: readonly Rule[], thresholds: RuleThresholds): boolean {
    if (rules !== this.rules || thresholds !== this.thresholds) return false;
    if (this.reference !== reference || this.deadlinesAsOf === null) return false;
    const gap = now.getTime() - this.deadlinesAsOf;
    return gap >= 0 && gap <= this.maxDeadlineGapMs && rules.every((r) => !this.keeps(r) || this.perRule.has(r.id));
  }

  /** The cases given were judged by `rule`, the read models holding at least position `at`. */
  judged(rule: Rule, caseIds: readonly string[], at: bigint | undefined, violations: readonly Violation[]): void {
    const v = this.perRule.get(rule.id);
    if (!v || !this.keeps(rule)) return;
    const asked = new Set(caseIds);
    for (const id of asked) {
      v.byCase.delete(id);
      v.dirty.delete(id);
      if (at !== undefined && at > v.through) v.marks.set(id, maxOf(v.marks.get(id), at));
      // Without a position the verdict is newer but its date unknown: the case stays stale.
      else if (at === undefined) v.marks.delete(id);
    }
    for (const found of violations) {
      if (asked.has(found.caseId)) add(v.byCase, found);
      // Found through a case asked about (IR19: the refused case of a later acceptance): its
      // verdict as kept may lack this pair, so it is judged again, whole.
      else v.dirty.add(found.caseId);
    }
  }

  /** Every case was judged by `rule`, the read models holding at least position `at`. */
  judgedAll(rule: Rule, at: bigint, violations: readonly Violation[]): void {
    if (!this.keeps(rule)) return;
    const v: RuleVerdicts = { byCase: new Map(), through: at, marks: new Map(), dirty: new Set() };
    const before = this.perRule.get(rule.id);
    // Batches judged after this rule's query began may already have marked later positions.
    if (before) for (const [id, mark] of before.marks) if (mark > at) v.marks.set(id, mark);
    for (const found of violations) add(v.byCase, found);
    this.perRule.set(rule.id, v);
  }

  /** The scheduled run's findings: deadlines that passed with no event, over every case. */
  deadlinesPassed(rule: Rule, violations: readonly Violation[]): void {
    const v = this.perRule.get(rule.id);
    if (!v || !this.keeps(rule)) return;
    for (const found of violations) if (!hasLevel(v.byCase, found)) add(v.byCase, found);
  }

  /**
   * After a scheduled run over every case: deadlines up to `now` are in, if the run before was
   * recent enough that none passed unseen between the two. Otherwise the next full evaluation is cold.
   */
  deadlinesSeen(now: Date): void {
    if (this.deadlinesAsOf === null) return;
    const gap = now.getTime() - this.deadlinesAsOf;
    if (gap > this.maxDeadlineGapMs) this.deadlinesAsOf = null;
    else if (gap > 0) this.deadlinesAsOf = now.getTime();
  }

  /** A full evaluation completed, every case judged through `at` under this reference data. */
  settle(at: bigint, reference: string, now: Date): void {
    for (const v of this.perRule.values()) {
      if (at <= v.through) continue;
      v.through = at;
      for (const [id, mark] of v.marks) if (mark <= at) v.marks.delete(id);
    }
    this.reference = reference;
    // Every deadline was asked about at `now`, over every case.
    this.deadlinesAsOf = now.getTime();
  }

  /** Cases `rule` must judge again: changed since it judged them (`changed`: case → its last position), or dirty. */
  stale(rule: Rule, changed: ReadonlyMap<string, bigint>): string[] {
    const v = this.perRule.get(rule.id);
    if (!v) throw new Error(`no verdicts kept for ${rule.id}`);
    const out = new Set(v.dirty);
    for (const [id, last] of changed) if (last > v.through && (v.marks.get(id) ?? -1n) < last) out.add(id);
    return [...out];
  }

  /** The earliest position any kept rule has judged every case through: changes after it may matter. */
  since(): bigint {
    let low: bigint | null = null;
    for (const v of this.perRule.values()) low = low === null || v.through < low ? v.through : low;
    return low ?? 0n;
  }

  /** What `rule` finds over every case, as kept. */
  violations(rule: Rule): Violation[] {
    return [...(this.perRule.get(rule.id)?.byCase.values() ?? [])].flat();
  }

  /**
   * Everything, as plain data: written after a full evaluation so that a restart need not ask
   * everything again (verdict-snapshots.ts). Taken in one go, between two answers.
   */
  snapshot(): VerdictSnapshot | null {
    if (this.reference === null || this.deadlinesAsOf === null) return null;
    const rules: VerdictSnapshot['rules'] = {};
    const found: VerdictSnapshot['found'] = [];
    for (const [ruleId, v] of this.perRule) {
      rules[ruleId] = { through: v.through.toString(), marks: [...v.marks].map(([id, at]) => [id, at.toString()]), dirty: [...v.dirty] };
      for (const [caseId, list] of v.byCase) found.push({ ruleId, caseId, violations: list });
    }
    return { reference: this.reference, deadlinesAsOf: this.deadlinesAsOf, rules, found };
  }

  /** Takes up a snapshot in place of whatever is held. */
  restore(s: VerdictSnapshot): void {
    this.perRule.clear();
    for (const [ruleId, r] of Object.entries(s.rules)) {
      this.perRule.set(ruleId, { byCase: new Map(), through: BigInt(r.through), marks: new Map(r.marks.map(([id, at]) => [id, BigInt(at)])), dirty: new Set(r.dirty) });
    }
    for (const f of s.found) this.perRule.get(f.ruleId)?.byCase.set(f.caseId, f.violations);
    this.reference = s.reference;
    this.deadlinesAsOf = s.deadlinesAsOf;
  }

  /** Dirty cases of `rule` (to be judged again). */
  dirty(rule: Rule): readonly string[] {
    return [...(this.perRule.get(rule.id)?.dirty ?? [])];
  }
}

export interface VerdictSnapshot {
  reference: string;
  deadlinesAsOf: number;
  rules: Record<string, { through: string; marks: [string, string][]; dirty: string[] }>;
  found: { ruleId: string; caseId: string; violations: Violation[] }[];
}

interface RuleVerdicts {
  byCase: Map<string, Violation[]>;
  through: bigint;
  marks: Map<string, bigint>;
  dirty: Set<string>;
}

/**
 * A full evaluation is cold when scheduled runs were further apart than this (alerting waiting for
 * the read models, say). The scheduled run asks IR11-UNDELIVERED and IR17 only about the last
 * 2N + 14 days, which a deadline N working days on leaves at least four days before it drops out.
 */
export const MAX_DEADLINE_GAP_MS = 24 * 3_600_000;

const maxOf = (a: bigint | undefined, b: bigint) => (a === undefined || b > a ? b : a);

function add(byCase: Map<string, Violation[]>, v: Violation): void {
  const list = byCase.get(v.caseId);
  if (list) list.push(v);
  else byCase.set(v.caseId, [v]);
}

const hasLevel = (byCase: Map<string, Violation[]>, v: Violation) => byCase.get(v.caseId)?.some((x) => x.level === v.level) === true;

/** The read models the rules read. */
const RULE_TABLES = ['events', 'cases', 'case_steps', 'complaints', 'fees', 'ratings', 'alert_events', 'matters', 'departments', 'windows', 'calendar_days'];

/**
 * What the read models the rules read stand on: the newest position of each reference read model,
 * and which table each name is (a rebuild swaps in new tables with EXCHANGE TABLES, and their
 * UUIDs with them). A full evaluation under other reference data (a matter's catalogue, the
 * calendar) or after a rebuild asks everything.
 */
export async function referenceStamp(ch: ClickHouse): Promise<string> {
  const [row] = await (
    await ch.client.query({
      query: `SELECT (SELECT max(position) FROM matters) AS m, (SELECT max(position) FROM departments) AS d,
                     (SELECT max(position) FROM windows) AS w, (SELECT max(position) FROM calendar_days) AS c,
                     (SELECT arraySort(groupArray(concat(name, ':', toString(uuid)))) FROM system.tables
                      WHERE database = currentDatabase() AND name IN {tables:Array(String)}) AS t`,
      query_params: { tables: RULE_TABLES },
      format: 'JSONEachRow',
    })
  ).json<Record<string, unknown>>();
  return JSON.stringify(row ?? {});
}

/**
 * The newest position of a case event in the read models, and each case with an event after
 * `since` (its last position); `since` null: the newest position only.
 */
export async function changedCases(ch: ClickHouse, since: bigint | null): Promise<{ head: bigint; changed: Map<string, bigint> }> {
  const rows = await (
    await ch.client.query({
      query: `SELECT '' AS case_id, toString(max(position)) AS last FROM events${since === null ? '' : `
              UNION ALL SELECT case_id, toString(max(position)) AS last FROM events WHERE position > {since:UInt64} AND case_id != '' GROUP BY case_id`}`,
      query_params: { since: (since ?? 0n).toString() },
      format: 'JSONEachRow',
    })
  ).json<{ case_id: string; last: string }>();
  const changed = new Map<string, bigint>();
  let head = 0n;
  for (const r of rows) {
    const last = BigInt(r.last);
    if (r.case_id === '') head = last > head ? last : head;
    else changed.set(r.case_id, last);
  }
  return { head, changed };
}
