import type { ClickHouse } from '../infra/clickhouse/client.ts';
import { runRule, runWakes, type Rule, type RuleThresholds, type Violation } from './rule.ts';
import { changedCases, referenceStamp, type Verdicts } from './verdicts.ts';

export type QueryGate = <T>(urgent: boolean, task: () => Promise<T>) => Promise<T>;

/** How one evaluation asks its rules: the cases, the kind of run, and where queries wait their turn. */
export interface Asking {
  ch: ClickHouse;
  now: Date;
  thresholds: RuleThresholds;
  gate: QueryGate;
  urgent: boolean;
  /** The cases asked about; undefined: every case. */
  caseIds?: readonly string[];
  /** The scheduled run: only deadlines that may have passed (RuleContext.deadlinesOnly). */
  deadlinesOnly: boolean;
  /** The log position the read models hold at least, for the cases asked about (after a batch). */
  at?: bigint;
  verdicts?: Verdicts;
  /** How many stale cases are asked as a list before the rule is asked over every case instead. */
  wholeCounty: { minCases: number; share: number };
}

/**
 * One function per rule giving what it finds, in the order asked. Without verdicts, or for a batch
 * and a scheduled run, each rule is one query, whose answer also updates the verdicts. A full
 * evaluation with warm verdicts asks each kept rule only about the cases changed since it judged
 * them, and a time-driven rule about its deadlines; a cold one asks everything and fills them.
 */
export async function askRules(a: Asking, rules: readonly Rule[], all: readonly Rule[]): Promise<Asked> {
  const query = (rule: Rule, caseIds: readonly string[] | undefined, deadlinesOnly: boolean, record: (found: Violation[]) => void = () => {}) =>
    a.gate(a.urgent, async () => {
      const found = await runRule(a.ch, rule, { now: a.now.toISOString(), ...(caseIds && { caseIds }), thresholds: a.thresholds, deadlinesOnly });
      // Recorded the moment the answer is back: queries are answered one at a time, so a later
      // answer, from read models at least as new, always lands after an earlier one.
      record(found);
      return found;
    });
  const v = a.verdicts;
  if (!v) return { ask: (rule) => query(rule, a.caseIds, a.deadlinesOnly), done: () => {} };

  if (a.deadlinesOnly) {
    return { ask: (rule) => query(rule, a.caseIds, true, (found) => (a.caseIds ? undefined : v.deadlinesPassed(rule, found))), done: () => {} };
  }
  if (a.caseIds) {
    const caseIds = a.caseIds;
    return { ask: (rule) => query(rule, caseIds, false, (found) => v.judged(rule, caseIds, a.at, found)), done: () => {} };
  }
  if (a.at !== undefined) {
    // A batch lane's list grown past WHOLE_COUNTY: its rules over every case.
    const at = a.at;
    return { ask: (rule) => query(rule, undefined, false, (found) => v.judgedAll(rule, at, found)), done: () => {} };
  }

  // A full evaluation.
  const reference = await a.gate(false, () => referenceStamp(a.ch));
  const warm = v.warm(a.now, reference, all, a.thresholds) && rules.length === all.length;
  const { head, changed } = await a.gate(false, () => changedCases(a.ch, warm ? v.since() : null));
  const county = warm ? await a.gate(false, () => caseCount(a.ch)) : 0;
  const tooMany = (n: number) => n > a.wholeCounty.minCases && n > a.wholeCounty.share * county;
  const everyCase = (rule: Rule) => query(rule, undefined, false, (found) => v.judgedAll(rule, head, found));
  const wakes = (rule: Rule, caseIds: readonly string[] | undefined, now = a.now) =>
    a.gate(a.urgent, async () => v.woke(rule, caseIds, await runWakes(a.ch, rule, { now: now.toISOString(), ...(caseIds && { caseIds }), thresholds: a.thresholds })));
  const askedAgain: Record<string, number> = {};
  const ask = async (rule: Rule): Promise<Violation[]> => {
    if (!v.keeps(rule)) return query(rule, undefined, false);
    if (!warm) {
      await everyCase(rule);
      if (rule.wakes) await wakes(rule, undefined);
      return v.violations(rule);
    }
    let stale = v.stale(rule, changed);
    if (rule.wakes) {
      // Cases judged after a batch since the last full evaluation: their wakes from then on, so
      // that a deadline passing between the batch and now is seen; then every case whose wake came.
      const wakeless = v.wakeless(rule);
      const staleSet = new Set(stale);
      const unknown = wakeless?.filter((id) => !staleSet.has(id));
      if (!unknown || unknown.length > 0) await wakes(rule, unknown && !tooMany(unknown.length) ? unknown : undefined, v.wakesFrom()!);
      stale = [...new Set([...stale, ...v.woken(rule, a.now)])];
    }
    const asked = new Set<string>();
    // A rule pairing cases (IR19) may find, through the cases asked, one more to judge whole.
    for (let round = 0; stale.length > 0 && round < 4; round++) {
      if (tooMany(stale.length)) break;
      const list = stale;
      askedAgain[rule.id] = (askedAgain[rule.id] ?? 0) + list.length;
      await query(rule, list, false, (found) => v.judged(rule, list, head, found));
      for (const id of list) asked.add(id);
      stale = v.dirty(rule).filter((id) => !asked.has(id));
    }
    if (stale.length > 0) {
      askedAgain[rule.id] = county;
      await everyCase(rule);
      if (rule.wakes) await wakes(rule, undefined);
    } else if (rule.wakes && asked.size > 0) await wakes(rule, [...asked]);
    return v.violations(rule);
  };
  // Only an evaluation of every rule moves every rule's verdicts on (each cold answer already did its own).
  return { ask, done: () => (rules.length === all.length ? v.settle(head, reference, a.now) : undefined), full: warm ? 'warm' : 'cold', askedAgain };
}

export interface Asked {
  /** What a rule finds (its queries queued at once, answered one at a time through the gate). */
  ask: (rule: Rule) => Promise<Violation[]>;
  /** Once every rule has answered: moves the verdicts on. */
  done: () => void;
  /** A full evaluation with verdicts: whether it asked only what changed (warm) or everything (cold). */
  full?: 'warm' | 'cold';
  /** A warm full evaluation: per rule, how many cases it was asked about again (changed or dirty). */
  askedAgain?: Record<string, number>;
}

async function caseCount(ch: ClickHouse): Promise<number> {
  const [row] = await (await ch.client.query({ query: 'SELECT count() AS n FROM cases', format: 'JSONEachRow' })).json<{ n: string }>();
  return Number(row?.n ?? 0);
}
