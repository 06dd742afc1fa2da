import type { ClickHouse } from '../infra/clickhouse/client.ts';
import type { Rule, RuleThresholds, Violation } from './rule.ts';

/**
 * What every rule last found about every case, kept so that a full evaluation (a sweep) asks the
 * read models only what can have changed since, instead of every rule grouping every event of
 * the county again (42–46 s at 1,000,000 cases; docs/decisions.md "Verdicts").
 *
 * A case's verdict on a rule changes with the case's own events (and, for a rule pairing cases
 * such as IR19, with its partners'), with the reference data, the rules and their thresholds; on a
 * time-driven rule also with time alone, at the instants its `wakes` name. So the verdicts hold,
 * per rule:
 *  - `through`: every case whose last event is at or before this log position has been judged;
 *  - `marks`: later cases judged since (after a batch), with the position they were judged at;
 *  - `dirty`: cases another case's evaluation showed may now violate (a refused case paired with
 *    a later acceptance): judged again by the next full evaluation.
 * A case whose events go past both is stale and is asked about again.
 *
 * A time-driven rule adds, per case, its wake: the first instant after the last full evaluation
 * (`sweptAt`) at which its finding may change with no event. The next full evaluation asks the
 * rule about the cases whose wake has come, besides the stale ones. A case judged after a batch
 * has lost its wake (`wakeless`): the full evaluation asks its wake as of `sweptAt` first, so a
 * deadline passing between the batch and the full evaluation is not missed.
 *
 * In memory: the first full evaluation after start, or after the reference data changed, asks
 * everything (cold) and fills them.
 */
export class Verdicts {
  private readonly perRule = new Map<string, RuleVerdicts>();
  private reference: string | null = null;
  /** The instant of the last full evaluation: every kept verdict held then, and each wake is after it. */
  private sweptAt: number | null = null;

  constructor(
    readonly rules: readonly Rule[],
    readonly thresholds: RuleThresholds,
  ) {}

  /** Whether a rule's verdicts are kept: a time-driven rule's only if it names its wakes. */
  keeps(rule: Rule): boolean {
    return !rule.timeDriven || rule.wakes !== undefined;
  }

  /** True when the next full evaluation may ask only what changed: the verdicts were filled, under the same reference data. */
  warm(now: Date, reference: string, rules: readonly Rule[], thresholds: RuleThresholds): boolean {
    if (rules !== this.rules || thresholds !== this.thresholds) return false;
    if (this.reference !== reference || this.sweptAt === null || now.getTime() < this.sweptAt) return false;
    return rules.every((r) => !this.keeps(r) || this.perRule.has(r.id));
  }

  /** The cases given were judged by `rule`, the read models holding at least position `at`. */
  judged(rule: Rule, caseIds: readonly string[], at: bigint | undefined, violations: readonly Violation[]): void {
    const v = this.perRule.get(rule.id);
    if (!v || !this.keeps(rule)) return;
    const asked = new Set(caseIds);
    for (const id of asked) {
      v.byCase.delete(id);
      v.dirty.delete(id);
      if (rule.wakes) v.wakeless.add(id);
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

  /** Every case was judged by `rule`, the read models holding at least position `at`; no case's wake is known. */
  judgedAll(rule: Rule, at: bigint, violations: readonly Violation[]): void {
    if (!this.keeps(rule)) return;
    const v: RuleVerdicts = { byCase: new Map(), through: at, marks: new Map(), dirty: new Set(), wakes: null, wakeless: new Set() };
    const before = this.perRule.get(rule.id);
    // Batches judged after this rule's query began may already have marked later positions.
    if (before) for (const [id, mark] of before.marks) if (mark > at) v.marks.set(id, mark);
    for (const found of violations) add(v.byCase, found);
    this.perRule.set(rule.id, v);
  }

  /** The wakes of the cases asked (`caseIds`; undefined: every case), as a rule's wakes query gave them. */
  woke(rule: Rule, caseIds: readonly string[] | undefined, wakes: ReadonlyMap<string, number>): void {
    const v = this.perRule.get(rule.id);
    if (!v) return;
    if (!caseIds) {
      v.wakes = new Map(wakes);
      v.wakeless.clear();
      return;
    }
    v.wakes ??= new Map();
    for (const id of caseIds) {
      v.wakeless.delete(id);
      const at = wakes.get(id);
      if (at === undefined) v.wakes.delete(id);
      else v.wakes.set(id, at);
    }
  }

  /** Cases of `rule` whose wake is not known: judged after a batch; undefined: every case. */
  wakeless(rule: Rule): string[] | undefined {
    const v = this.perRule.get(rule.id);
    return v?.wakes ? [...v.wakeless] : undefined;
  }

  /** Cases of `rule` whose wake has come by `now`. */
  woken(rule: Rule, now: Date): string[] {
    const out: string[] = [];
    for (const [id, at] of this.perRule.get(rule.id)?.wakes ?? []) if (at <= now.getTime()) out.push(id);
    return out;
  }

  /** When wakes not known were to be asked from: the last full evaluation. */
  wakesFrom(): Date | null {
    return this.sweptAt === null ? null : new Date(this.sweptAt);
  }

  /** The scheduled run's findings: deadlines that passed with no event, over every case. */
  deadlinesPassed(rule: Rule, violations: readonly Violation[]): void {
    const v = this.perRule.get(rule.id);
    if (!v || !this.keeps(rule)) return;
    for (const found of violations) if (!hasLevel(v.byCase, found)) add(v.byCase, found);
  }

  /** A full evaluation completed, every case judged through `at` under this reference data, as of `now`. */
  settle(at: bigint, reference: string, now: Date): void {
    for (const v of this.perRule.values()) {
      if (at <= v.through) continue;
      v.through = at;
      for (const [id, mark] of v.marks) if (mark <= at) v.marks.delete(id);
    }
    this.reference = reference;
    this.sweptAt = now.getTime();
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
    if (this.reference === null || this.sweptAt === null) return null;
    const rules: VerdictSnapshot['rules'] = {};
    const found: VerdictSnapshot['found'] = [];
    for (const [ruleId, v] of this.perRule) {
      rules[ruleId] = { through: v.through.toString(), marks: [...v.marks].map(([id, at]) => [id, at.toString()]), dirty: [...v.dirty], wakes: v.wakes !== null, wakeless: [...v.wakeless] };
      const cases = new Set([...v.byCase.keys(), ...(v.wakes?.keys() ?? [])]);
      for (const caseId of cases) found.push({ ruleId, caseId, violations: v.byCase.get(caseId) ?? [], wake: v.wakes?.get(caseId) ?? null });
    }
    return { reference: this.reference, sweptAt: this.sweptAt, rules, found };
  }

  /** Takes up a snapshot in place of whatever is held. */
  restore(s: VerdictSnapshot): void {
    this.perRule.clear();
    for (const [ruleId, r] of Object.entries(s.rules)) {
      this.perRule.set(ruleId, {
        byCase: new Map(), through: BigInt(r.through), marks: new Map(r.marks.map(([id, at]) => [id, BigInt(at)])), dirty: new Set(r.dirty),
        wakes: r.wakes ? new Map() : null, wakeless: new Set(r.wakeless),
      });
    }
    for (const f of s.found) {
      const v = this.perRule.get(f.ruleId);
      if (!v) continue;
      if (f.violations.length > 0) v.byCase.set(f.caseId, f.violations);
      if (f.wake !== null) v.wakes?.set(f.caseId, f.wake);
    }
    this.reference = s.reference;
    this.sweptAt = s.sweptAt;
  }

  /** Dirty cases of `rule` (to be judged again). */
  dirty(rule: Rule): readonly string[] {
    return [...(this.perRule.get(rule.id)?.dirty ?? [])];
  }
}

export interface VerdictSnapshot {
  reference: string;
  sweptAt: number;
  rules: Record<string, { through: string; marks: [string, string][]; dirty: string[]; wakes: boolean; wakeless: string[] }>;
  found: { ruleId: string; caseId: string; violations: Violation[]; wake: number | null }[];
}

interface RuleVerdicts {
  byCase: Map<string, Violation[]>;
  through: bigint;
  marks: Map<string, bigint>;
  dirty: Set<string>;
  /** Time-driven rules: case → its wake (Unix ms); null: no case's wake is known. */
  wakes: Map<string, number> | null;
  /** Cases judged since their wake was known. */
  wakeless: Set<string>;
}

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
