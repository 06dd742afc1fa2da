import type { WorkingCalendar } from '../domain/calendar/index.ts';
import {
  alertStream, decideAlert, decideDue, evolveAlert, initialAlertState, openAlertKey, recordOf, redsInMonth, systemActor,
  type AlertConfig, type AlertDecisionContext, type AlertEvent,
} from '../domain/alerts/index.ts';
import type { ClickHouse } from '../infra/clickhouse/client.ts';
import type { EventStore } from '../infra/event-store/port.ts';
import type { AlertBook, BookEntry } from './alert-book.ts';
import { civilDateInZone } from '../domain/calendar/index.ts';
import { askRules, caseCount, type QueryGate } from './asking.ts';
import { clockYellows, type Rule, type RuleThresholds, type Violation } from './rule.ts';
import { autoCloseReasons } from './auto-close.ts';
import type { SilenceBook } from './silences.ts';
import type { Verdicts } from './verdicts.ts';

export interface EvaluatorDeps {
  store: EventStore;
  ch: ClickHouse;
  book: AlertBook;
  silences: SilenceBook;
  rules: readonly Rule[];
  thresholds: RuleThresholds;
  calendar: () => Promise<WorkingCalendar> | WorkingCalendar;
  timeZone: string;
  config: AlertConfig;
  /** What every rule last found about every case, so that a full evaluation asks only what changed. */
  verdicts?: Verdicts;
}

export interface EvaluationReport {
  violations: number;
  raised: number;
  silenced: number;
  escalated: number;
  autoClosed: number;
  millis: number;
  /** Time spent in the rule queries, and in raising, closing and escalating. */
  queryMillis: number;
  perRule: Record<string, { violations: number; millis: number }>;
  /** A full evaluation: asked from the verdicts (warm), or every rule over every case (cold). */
  verdicts?: 'warm' | 'cold';
  /**
   * From the verdicts, per rule, the cases asked about again: in a warm full evaluation those that
   * changed, were paired, or whose wake came; in a scheduled run those whose wake came.
   */
  askedAgain?: Record<string, number>;
}

/**
 * One evaluation: every rule's query (for the given cases only, those a projection batch touched;
 * an empty list asks nothing), an alert raised for each violation without an open one of the same
 * (case, rule, level), clock yellows closed whose case concluded in time or paused, and every
 * escalation or notification that is due.
 * All system event ids are deterministic, so an evaluation interrupted and run again raises nothing twice.
 */
export async function evaluate(
  deps: EvaluatorDeps,
  now: Date,
  caseIds?: readonly string[],
  options: {
    timeDrivenOnly?: boolean;
    /** Evaluate only these of deps.rules (a batch lane's share). */
    only?: (rule: Rule) => boolean;
    /** Where the rule queries wait their turn; shared between lanes, it decides who goes next. */
    gate?: QueryGate;
    /** Ahead of other evaluations' queries at the gate (the clocks after a batch). */
    urgent?: boolean;
    /** When a list of cases is asked about every case instead (WHOLE_COUNTY). */
    wholeCounty?: { minCases: number; share: number };
    exclusive?: <T>(apply: () => Promise<T>) => Promise<T>;
    /** After a batch: the log position the read models hold at least (what the verdicts record). */
    at?: bigint;
  } = {},
): Promise<EvaluationReport> {
  const started = performance.now();
  caseIds = await scopeOf(deps.ch, caseIds, options.wholeCounty ?? WHOLE_COUNTY);
  const ctx: AlertDecisionContext = { now: now.toISOString(), calendar: await deps.calendar(), timeZone: deps.timeZone, config: deps.config };
  const report = noFindings();
  const firing = new Set<string>();
  // Each rule's findings are applied as soon as its answer is back, in rule order (the clocks
  // first), so a red need not wait for the slowest irregularity query. One query at a time: chDB
  // answers parameterised queries one by one, in the order they come, so an evaluation that queued
  // all its queries at once would hold another lane's queries back behind every one of them (with
  // two in flight, event-to-SSE p99 was 1.1 s; with one, 0.85–0.9 s).
  // An empty list of cases is no case at all (in SQL it would mean every case): nothing to ask.
  const chosen = caseIds?.length === 0 ? [] : deps.rules.filter((r) => (!options.timeDrivenOnly || r.timeDriven) && (!options.only || options.only(r)));
  const gate = options.gate ?? queryGate();
  const { ask, done, full, askedAgain } = await askRules(
    { ch: deps.ch, now, thresholds: deps.thresholds, gate, urgent: options.urgent === true, ...(caseIds && { caseIds }), deadlinesOnly: options.timeDrivenOnly === true,
      ...(options.at !== undefined && { at: options.at }), ...(deps.verdicts && { verdicts: deps.verdicts }), wholeCounty: options.wholeCounty ?? WHOLE_COUNTY },
    chosen, deps.rules);
  const answers = chosen.map((rule) => {
    const t0 = performance.now();
    return ask(rule).then(
      (violations) => ({ rule, violations, millis: Math.round(performance.now() - t0) }),
      // Held until its turn, so a failure after an earlier one is not reported as unhandled.
      (error: unknown) => ({ rule, error }),
    );
  });
  // Queries of concurrent evaluations may overlap; what they change is applied one at a time, so two
  // evaluations never decide on the same alert at once.
  const exclusive = options.exclusive ?? ((apply) => apply());
  for (const answer of answers) {
    const a = await answer;
    if ('error' in a) throw a.error;
    const { rule, violations, millis } = a;
    report.perRule[rule.id] = { violations: violations.length, millis };
    report.violations += violations.length;
    await exclusive(async () => {
      for (const v of violations) {
        firing.add(openAlertKey(v.caseId, rule.id, v.level));
        const outcome = await raiseIfNew(deps, rule, v, ctx);
        if (outcome === 'raised') report.raised++;
        if (outcome === 'silenced') report.silenced++;
      }
    });
  }
  done();
  if (full) report.verdicts = full;
  if (askedAgain && full !== 'cold') report.askedAgain = askedAgain;
  report.queryMillis = Math.round(performance.now() - started);
  await exclusive(async () => {
    report.autoClosed = await closeClearedYellows(deps, new Set(chosen.map((r) => r.id)), firing, ctx, caseIds);
    report.escalated = (await applyDueActions(deps, ctx)) + (await issueMonthlyNotices(deps, ctx));
  });
  report.millis = Math.round(performance.now() - started);
  return report;
}

/** The report of an evaluation that found and did nothing (or one put off). */
export const noFindings = (): EvaluationReport => ({ violations: 0, raised: 0, silenced: 0, escalated: 0, autoClosed: 0, millis: 0, queryMillis: 0, perRule: {} });

/**
 * Past this many touched cases, and this share of all cases, one evaluation over every case costs
 * less than one restricted to them: every rule's joins run for the cases asked about, while over
 * every case they stream. Measured on the 100,000-case county: 5,000 cases 3.4 s, 20,000 cases
 * 7.6 s, 50,000 cases 20.7 s, every case 5.7 s. It happens when the projection catches up with a
 * long stretch of the log, each lane gathering the cases touched while it was busy.
 */
export const WHOLE_COUNTY = { minCases: 2_000, share: 0.15 };

async function scopeOf(ch: ClickHouse, caseIds: readonly string[] | undefined, whole: { minCases: number; share: number }): Promise<readonly string[] | undefined> {
  if (!caseIds || caseIds.length <= whole.minCases) return caseIds;
  return caseIds.length > whole.share * (await caseCount(ch)) ? undefined : caseIds;
}

async function raiseIfNew(deps: EvaluatorDeps, rule: Rule, v: Violation, ctx: AlertDecisionContext): Promise<'raised' | 'open' | 'silenced'> {
  const key = openAlertKey(v.caseId, rule.id, v.level);
  if (deps.book.openFor(key)) return 'open';
  // A yellow of the same clock already open becomes the red when its deadline passes (§5), rather
  // than a second alert standing beside it.
  if (v.level === 'red' && rule.yellowSibling && deps.book.openFor(openAlertKey(v.caseId, rule.yellowSibling, 'yellow'))) return 'open';
  if (deps.book.settled(key, v.evidenceEventIds)) return 'open';
  if (v.level === 'red' && rule.yellowSibling && deps.book.settledAsRed(openAlertKey(v.caseId, rule.yellowSibling, 'yellow'))) return 'open';
  if (deps.silences.mutes(rule.id, v.deptCode, ctx.now)) return 'silenced';
  const base = { type: 'raise' as const, actor: systemActor, caseId: v.caseId, ruleId: rule.id, ruleVersion: rule.version, deptCode: v.deptCode, reason: v.reason, evidence: { eventIds: v.evidenceEventIds, figures: v.figures }, occurrence: deps.book.nextOccurrence(key) };
  const command = v.level === 'yellow' ? { ...base, level: 'yellow' as const, caseOverdueAt: typeof v.figures.overdueAt === 'string' ? v.figures.overdueAt : null } : { ...base, level: 'red' as const };
  const raised = decideAlert(command, initialAlertState, ctx);
  const state = raised.reduce(evolveAlert, initialAlertState);
  await append(deps, [...raised, ...decideDue(state, ctx)]);
  return 'raised';
}

/** `evaluated`: the rules this run asked; only their yellows are known to have stopped firing. */
async function closeClearedYellows(deps: EvaluatorDeps, evaluated: Set<string>, firing: Set<string>, ctx: AlertDecisionContext, caseIds?: readonly string[]): Promise<number> {
  const ofClocks = clockYellows(deps.rules);
  const only = caseIds && new Set(caseIds);
  const candidates = deps.book.open().filter((e) => {
    const r = recordOf(e.state)!;
    const key = openAlertKey(r.alert.caseId, r.alert.ruleId, r.alert.raisedLevel);
    return r.standing.level === 'yellow' && ofClocks.has(r.alert.ruleId) && evaluated.has(r.alert.ruleId) && !firing.has(key) && (!only || only.has(r.alert.caseId));
  });
  if (candidates.length === 0) return 0;
  const reasons = await autoCloseReasons(deps.ch, candidates.map((e) => recordOf(e.state)!.alert.caseId));
  let closed = 0;
  for (const entry of candidates) {
    const reason = reasons.get(recordOf(entry.state)!.alert.caseId);
    if (!reason) continue;
    await append(deps, decideAlert({ type: 'autoClose', actor: systemActor, reason }, entry.state, ctx));
    closed++;
  }
  return closed;
}

async function applyDueActions(deps: EvaluatorDeps, ctx: AlertDecisionContext): Promise<number> {
  let escalated = 0;
  for (const entry of deps.book.open()) {
    const events = decideDue(entry.state, ctx);
    if (events.length === 0) continue;
    await append(deps, events);
    escalated += events.filter((e) => e.type === 'AlertEscalated').length;
  }
  return escalated;
}

/**
 * §3.3: a department with `monthlyRedsForNotice` (3) or more reds in a month gets a supervision
 * notice (监察建议书). It is issued once per department and month, by escalating the newest of its
 * open reds of that month.
 */
async function issueMonthlyNotices(deps: EvaluatorDeps, ctx: AlertDecisionContext): Promise<number> {
  const month = civilDateInZone(ctx.now, ctx.timeZone).slice(0, 7);
  const states = [...deps.book.all()].map((e) => e.state);
  const candidates = new Map<string, BookEntry>();
  const noticed = new Set<string>();
  for (const entry of deps.book.all()) {
    const r = recordOf(entry.state);
    if (!r) continue;
    if (r.standing.level === 'supervision-notice' && civilDateInZone(r.standing.since, ctx.timeZone).slice(0, 7) === month) noticed.add(r.alert.deptCode);
    const open = entry.state.status !== 'closed' && entry.state.status !== 'appealed';
    if (open && r.standing.level === 'red' && civilDateInZone(r.standing.since, ctx.timeZone).slice(0, 7) === month) {
      const current = candidates.get(r.alert.deptCode);
      if (!current || Date.parse(r.standing.since) > Date.parse((recordOf(current.state)!.standing as { since: string }).since)) candidates.set(r.alert.deptCode, entry);
    }
  }
  let issued = 0;
  for (const [deptCode, entry] of candidates) {
    if (noticed.has(deptCode)) continue;
    const reds = redsInMonth(states, deptCode, month, ctx.timeZone);
    if (reds < deps.config.monthlyRedsForNotice) continue;
    const reason = `${reds} red alerts for this department in ${month} (§3.3: ${deps.config.monthlyRedsForNotice} or more)`;
    await append(deps, decideAlert({ type: 'escalate', actor: systemActor, reason, departmentRedsThisMonth: reds }, entry.state, ctx));
    issued++;
  }
  return issued;
}

async function append(deps: EvaluatorDeps, events: AlertEvent[]): Promise<void> {
  if (events.length === 0) return;
  const at = new Date().toISOString();
  await deps.store.append({ streamId: alertStream(events[0]!.alertId), expectedRevision: 'any', events: events.map((e) => ({ eventId: e.eventId, type: e.type, data: e, recordedAt: at })) });
  // Apply at once, so the rest of this evaluation sees the alert without waiting for the subscription.
  for (const recorded of await deps.store.readStream(alertStream(events[0]!.alertId))) deps.book.apply(recorded);
}

export type { QueryGate };

/**
 * One rule query at a time, urgent ones first, the rest in the order they came. Shared by the
 * evaluation lanes, it lets a clock query after a batch go next rather than behind the queries an
 * irregularity or scheduled evaluation has already lined up. After `fairAfter` urgent queries in
 * a row one waiting other goes, so a steady stream of batches cannot starve the other lanes.
 */
export function queryGate(fairAfter = 4): QueryGate {
  let busy = false;
  let urgentInARow = 0;
  const urgent: (() => void)[] = [];
  const normal: (() => void)[] = [];
  const next = (): (() => void) | undefined => {
    if (urgent.length > 0 && (urgentInARow < fairAfter || normal.length === 0)) {
      urgentInARow++;
      return urgent.shift();
    }
    urgentInARow = 0;
    return normal.shift() ?? urgent.shift();
  };
  return async (isUrgent, task) => {
    if (busy) await new Promise<void>((resolve) => (isUrgent ? urgent : normal).push(resolve));
    busy = true;
    try {
      return await task();
    } finally {
      const go = next();
      if (go) go();
      else busy = false;
    }
  };
}
