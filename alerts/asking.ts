import type { ClickHouse } from '../infra/clickhouse/client.ts';
import { clockYellows, runRule, runWakes, type Rule, type RuleThresholds, type Violation } from './rule.ts';
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
 * One function per rule giving what it finds, in the order asked. Without verdicts, or for a batch,
 * each rule is one query, whose answer also updates the verdicts. A full evaluation with warm
 * verdicts asks each kept rule only about the cases changed since it judged them, and a
 * time-driven rule also about the cases whose wake came; a cold one asks everything and fills
 * them. A scheduled run with warm verdicts asks only about the cases whose wake came; before the
 * first full evaluation it asks every deadline over every case.
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

  if (a.caseIds) {
    const caseIds = a.caseIds;
    if (a.deadlinesOnly) return { ask: (rule) => query(rule, caseIds, true), done: () => {} };
    return { ask: (rule) => query(rule, caseIds, false, (found) => v.judged(rule, caseIds, a.at, found)), done: () => {} };
  }
  if (a.at !== undefined && !a.deadlinesOnly) {
    // A batch lane's list grown past WHOLE_COUNTY: its rules over every case.
    const at = a.at;
    return { ask: (rule) => query(rule, undefined, false, (found) => v.judgedAll(rule, at, found)), done: () => {} };
  }

  // A full evaluation, or the scheduled run: both from the verdicts when they are warm.
  const reference = await a.gate(false, () => referenceStamp(a.ch));
  const warm = v.warm(a.now, reference, all, a.thresholds) && (a.deadlinesOnly || rules.length === all.length);
  if (a.deadlinesOnly && !warm) {
    // Nothing to go by yet: every deadline over every case, its findings added to the verdicts.
    return { ask: (rule) => query(rule, undefined, true, (found) => v.deadlinesPassed(rule, found)), done: () => {} };
  }
  const { head, changed } = await a.gate(false, () => changedCases(a.ch, warm ? v.since() : null));
  const county = warm ? await a.gate(false, () => caseCount(a.ch)) : 0;
  const tooMany = (n: number) => n > a.wholeCounty.minCases && n > a.wholeCounty.share * county;
  const wakes = (rule: Rule, caseIds: readonly string[] | undefined, now = a.now) =>
    a.gate(a.urgent, async () => v.woke(rule, caseIds, await runWakes(a.ch, rule, { now: now.toISOString(), ...(caseIds && { caseIds }), thresholds: a.thresholds })));
  /** The rule over every case, and a time-driven rule's wakes with it. */
  const everyCase = async (rule: Rule): Promise<Violation[]> => {
    await query(rule, undefined, false, (found) => v.judgedAll(rule, head, found));
    if (rule.wakes) await wakes(rule, undefined);
    return v.violations(rule);
  };
  /**
   * The wakes not known (cases judged after a batch, or changed, since the last full evaluation)
   * asked as of that evaluation, so that a deadline passing between then and now is not missed;
   * then the cases whose wake came.
   */
  const woken = async (rule: Rule, changedToo: readonly string[]): Promise<string[]> => {
    const wakeless = v.wakeless(rule);
    const unknown = wakeless && [...new Set([...wakeless, ...changedToo])];
    if (!unknown || unknown.length > 0) await wakes(rule, unknown && !tooMany(unknown.length) ? unknown : undefined, v.wakesFrom()!);
    return v.woken(rule, a.now);
  };
  const askedAgain: Record<string, number> = {};

  if (a.deadlinesOnly) {
    // The scheduled run: each time-driven rule asked only about the cases whose time came, judged
    // whole; their next wakes asked at once, so the next run does not ask about them again. A clock
    // yellow answers with every yellow it holds: one left out would be taken as no longer firing.
    const yellows = clockYellows(all);
    const ask = async (rule: Rule): Promise<Violation[]> => {
      if (!rule.wakes) return query(rule, undefined, true, (found) => v.deadlinesPassed(rule, found));
      const due = await woken(rule, v.stale(rule, changed));
      let found: Violation[] = [];
      if (tooMany(due.length)) {
        // After a long stop, say: the rule over every case costs less than so long a list.
        askedAgain[rule.id] = county;
        return everyCase(rule);
      }
      if (due.length > 0) {
        askedAgain[rule.id] = due.length;
        found = await query(rule, due, false, (answer) => v.judged(rule, due, head, answer));
        await wakes(rule, due);
      }
      return yellows.has(rule.id) ? v.violations(rule) : found;
    };
    return { ask, done: () => {}, askedAgain };
  }

  const ask = async (rule: Rule): Promise<Violation[]> => {
    if (!v.keeps(rule)) return query(rule, undefined, false);
    if (!warm) return everyCase(rule);
    let stale = v.stale(rule, changed);
    if (rule.wakes) stale = [...new Set([...stale, ...(await woken(rule, []))])];
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
      return everyCase(rule);
    }
    if (rule.wakes && asked.size > 0) await wakes(rule, [...asked]);
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

/** Rows, not distinct cases: an overcount before merges, which only keeps a list of cases asked as a list a little longer. */
export async function caseCount(ch: ClickHouse): Promise<number> {
  const [row] = await (await ch.client.query({ query: 'SELECT count() AS n FROM cases', format: 'JSONEachRow' })).json<{ n: string }>();
  return Number(row?.n ?? 0);
}
