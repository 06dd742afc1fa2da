import { recordOf, type AlertConfig } from '../domain/alerts/index.ts';
import type { WorkingCalendar } from '../domain/calendar/index.ts';
import type { ClickHouse } from '../infra/clickhouse/client.ts';
import type { EventStore } from '../infra/event-store/port.ts';
import { AlertBook } from './alert-book.ts';
import { evaluate, noFindings, queryGate, type EvaluationReport } from './evaluator.ts';
import { alertFeed } from './feed.ts';
import type { RuleThresholds } from './rule.ts';
import { rules } from './rules/index.ts';
import { alertScheduler, type Trigger } from './scheduler.ts';
import { SilenceBook } from './silences.ts';
import { loadVerdicts, saveVerdicts, verdictsFingerprint } from './verdict-snapshots.ts';
import { Verdicts } from './verdicts.ts';
import { migrations } from '../projections/index.ts';
import { webhookDispatcher, type WebhookTarget } from './webhooks.ts';

type Log = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void; error(obj: object, msg: string): void; debug(obj: object, msg: string): void };

export interface AlertingOptions {
  store: EventStore;
  clickhouse: () => ClickHouse | undefined;
  calendar: () => Promise<WorkingCalendar>;
  timeZone: string;
  config: AlertConfig;
  thresholds: RuleThresholds;
  intervalSeconds: number;
  /** node-cron expression (with seconds) of the sweeps over every case; undefined: none but the one at start. */
  sweepCron?: string;
  /** Sweep once at start (default true). */
  sweepAtStart?: boolean;
  /**
   * True while the read models are far behind the log (a projection catching up after a stop, a
   * bulk import). They then show each case as it was some time ago, and a deadline judged against
   * the present would raise a red for a case whose timely conclusion is still to be projected.
   */
  behind?: () => Promise<boolean>;
  webhooks: WebhookTarget[];
  log: Log;
  now?: () => Date;
}

/**
 * Alerting, composed: the alert and silence books following the log, the evaluator run by the
 * scheduler and after every projection batch, the SSE feed and the webhooks. One per process that
 * maintains the read models (production runs one active evaluator per deployment).
 */
export async function startAlerting(o: AlertingOptions) {
  const now = o.now ?? (() => new Date());
  const book = new AlertBook();
  const silences = new SilenceBook();
  const feed = alertFeed(o.store);
  const hooks = webhookDispatcher(o.webhooks);
  await Promise.all([book.start(o.store), silences.start(o.store), feed.start()]);
  book.onChange((entry, event) => {
    const r = recordOf(entry.state);
    if (!r) return;
    hooks.send({ id: event.eventId, deptCode: r.alert.deptCode, level: r.standing.level === 'yellow' ? 'yellow' : 'red', body: { alertId: entry.alertId, position: Number(event.position), event: event.data } });
  });

  // Scheduled runs look at all cases but only at what a passing deadline can have made true; runs
  // after a projection batch look at every rule but only at the cases the batch touched. A sweep
  // looks at every rule and every case: it finds what neither could, a log projected while
  // alerting was off, a rule or threshold changed since, a reference change (a matter's catalogue)
  // that alters a verdict with no case event. The first sweep asks one query per rule over every
  // case and fills the verdicts; later sweeps ask only what changed since (verdicts.ts): the cases
  // with events no batch judged, the deadlines, the yellows (docs/decisions.md "Verdicts").
  let applying: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(apply: () => Promise<T>): Promise<T> => {
    const next = applying.then(apply);
    applying = next.catch(() => undefined);
    return next;
  };
  const gate = queryGate();
  // While the read models are behind, the rules that compare with the present wait: the batches
  // run the others, the scheduled run and sweeps are put off, and once the read models have caught
  // up a sweep judges everything the batches left out.
  let sweepOwed = false;
  const verdicts = new Verdicts(rules, o.thresholds);
  const fingerprint = verdictsFingerprint(rules, o.thresholds, migrations.map((m) => m.version));
  // Taken up before any run judges a case, so a restart's first sweep asks only what changed.
  let restored: Promise<unknown> | null = null;
  const restore = (ch: ClickHouse) =>
    (restored ??= loadVerdicts(ch, verdicts, fingerprint).then(
      (rows) => o.log.info({ rows }, rows === null ? 'no verdicts to take up: the first sweep asks everything' : 'verdicts taken up'),
      (error: unknown) => o.log.warn({ err: error instanceof Error ? error.message : String(error) }, 'verdicts not taken up: the first sweep asks everything'),
    ));
  let saving: Promise<unknown> = Promise.resolve();
  const save = (ch: ClickHouse) =>
    (saving = saving.then(() =>
      saveVerdicts(ch, verdicts, fingerprint).catch((error: unknown) => o.log.warn({ err: error instanceof Error ? error.message : String(error) }, 'verdicts not written')),
    ));
  const run = async (trigger: Trigger, caseIds?: readonly string[], at?: bigint): Promise<EvaluationReport> => {
    const ch = o.clickhouse();
    if (!ch) throw new Error('ClickHouse is not ready');
    const deps = { store: o.store, ch, book, silences, rules, thresholds: o.thresholds, calendar: o.calendar, timeZone: o.timeZone, config: o.config, verdicts };
    await restore(ch);
    const behind = (await o.behind?.()) === true;
    if (trigger.kind === 'schedule') {
      if (behind) return putOff();
      if (sweepOwed) {
        sweepOwed = false;
        void scheduler.sweepNow();
      }
      return evaluate(deps, now(), undefined, { timeDrivenOnly: true, exclusive, gate });
    }
    if (trigger.kind === 'sweep') {
      if (behind) return putOff();
      const report = await evaluate(deps, now(), undefined, { exclusive, gate });
      void save(ch);
      return report;
    }
    const clocks = trigger.lane === 'clocks';
    if (behind && rules.some((r) => r.timeDriven && (r.clock === true) === clocks)) sweepOwed = true;
    return evaluate(deps, now(), caseIds, { only: (r) => (r.clock === true) === clocks && !(behind && r.timeDriven), exclusive, gate, urgent: clocks, ...(at !== undefined && { at }) });
  };
  const putOff = (): EvaluationReport => {
    sweepOwed = true;
    return noFindings();
  };
  // After a batch, the clocks (a handful of light queries) apart from the irregularities.
  const scheduler = alertScheduler({
    intervalSeconds: o.intervalSeconds, batchLanes: ['clocks', 'irregularities'], sweepCron: o.sweepCron, sweepAtStart: o.sweepAtStart ?? true, run, log: o.log,
  });

  return {
    book,
    silences,
    feed,
    hooks,
    scheduler,
    context: () => ({ now: now().toISOString(), timeZone: o.timeZone, config: o.config }),
    calendar: o.calendar,
    async stop(): Promise<void> {
      await scheduler.stop();
      await saving;
      await Promise.all([book.stop(), silences.stop(), feed.stop()]);
      await hooks.idle();
    },
  };
}

export type Alerting = Awaited<ReturnType<typeof startAlerting>>;
