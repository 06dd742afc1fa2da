import cron, { type ScheduledTask } from 'node-cron';
import type { EvaluationReport } from './evaluator.ts';

type Log = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void; error(obj: object, msg: string): void; debug(obj: object, msg: string): void };

/**
 * Which evaluation: the scheduled one (the deadlines that may have passed, over every case), one
 * batch lane over the touched cases, or a sweep (every rule over every case).
 */
export type Trigger = { kind: 'schedule' } | { kind: 'batch'; lane: string } | { kind: 'sweep' };

/** A failed batch run is tried again after this long, doubling up to RETRY_MAX_MS. */
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 30_000;

/**
 * When the rules run: every `intervalSeconds` for the deadlines that may have passed (a deadline
 * passing with no event), right after each projection batch over the cases it touched (an event
 * that breaks a rule), and on `sweepCron` and at start over every case (sweep).
 *
 * After a batch the rules run in lanes (`batchLanes`, e.g. the clocks apart from the
 * irregularities): a lane's run is short, so a red on a clock is not held back behind the slower
 * irregularity queries of the batch before. Within a lane runs never overlap: one waits for the
 * run in progress, and touched cases that arrive meanwhile are gathered into its next run. A lane
 * run that fails keeps its cases: they are evaluated again, with backoff, until a run succeeds.
 * The scheduled run and the sweep have lanes of their own. The evaluator serialises the changes
 * runs make.
 */
export function alertScheduler(args: {
  intervalSeconds: number;
  batchLanes?: readonly string[];
  /** node-cron expression (with seconds) of the sweeps; undefined: only the one at start, if asked. */
  sweepCron?: string;
  sweepAtStart?: boolean;
  /** `at`: after a batch, the log position the read models hold at least for the touched cases. */
  run(trigger: Trigger, caseIds?: readonly string[], at?: bigint): Promise<EvaluationReport>;
  log: Log;
}) {
  let stopped = false;
  const sleeping = new Set<() => void>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        sleeping.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      sleeping.add(wake);
    });
  let scheduled: Promise<unknown> = Promise.resolve();
  let sweeping: Promise<unknown> = Promise.resolve();
  const lanes = (args.batchLanes ?? ['all']).map((name) => ({ name, chain: Promise.resolve() as Promise<unknown>, pending: null as Set<string> | null, at: undefined as bigint | undefined, failures: 0 }));
  type Lane = (typeof lanes)[number];
  let last: { at: string; report: EvaluationReport; trigger: Trigger['kind']; lane?: string } | null = null;
  let lastSweep: { at: string; report: EvaluationReport } | null = null;
  let lastError: string | null = null;

  const runOnce = async (trigger: Trigger, caseIds?: readonly string[], at?: bigint): Promise<boolean> => {
    try {
      const report = await args.run(trigger, caseIds, at);
      last = { at: new Date().toISOString(), report, trigger: trigger.kind, ...(trigger.kind === 'batch' && { lane: trigger.lane }) };
      if (trigger.kind === 'sweep') lastSweep = { at: last.at, report };
      lastError = null;
      if (report.raised + report.escalated + report.autoClosed > 0 || trigger.kind === 'sweep') args.log.info({ trigger, ...report, perRule: undefined }, 'alerts evaluated');
      return true;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
      args.log.warn({ err: lastError, trigger, cases: caseIds?.length }, 'alert evaluation failed; it is tried again');
      return false;
    }
  };
  const runScheduled = () => (scheduled = scheduled.then(() => runOnce({ kind: 'schedule' })));
  const runSweep = () => (sweeping = sweeping.then(() => (stopped ? undefined : runOnce({ kind: 'sweep' }))));

  const enqueue = (lane: Lane, ids: Iterable<string>, at: bigint | undefined): Promise<unknown> => {
    const fresh = lane.pending === null;
    // A run over cases of several batches holds them all as of the newest; one batch without a
    // position leaves the run's unknown.
    lane.at = fresh ? at : lane.at === undefined || at === undefined ? undefined : lane.at > at ? lane.at : at;
    lane.pending ??= new Set();
    for (const id of ids) lane.pending.add(id);
    if (fresh) lane.chain = lane.chain.then(() => drain(lane));
    return lane.chain;
  };
  const drain = async (lane: Lane): Promise<void> => {
    const gathered = [...(lane.pending ?? [])];
    const at = lane.at;
    lane.pending = null;
    if (stopped) return;
    if (await runOnce({ kind: 'batch', lane: lane.name }, gathered, at)) {
      lane.failures = 0;
      return;
    }
    // The cases stay owed an evaluation: nothing else would look at them again (the scheduled run
    // covers deadlines only). Touched cases arriving meanwhile join them.
    if (stopped) return;
    await sleep(Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** lane.failures++));
    if (!stopped) void enqueue(lane, gathered, at);
  };

  const logger = {
    info: (m: string) => args.log.debug({ cron: m }, 'scheduler'),
    warn: (m: string) => args.log.warn({ cron: m }, 'scheduler'),
    error: (m: unknown) => args.log.error({ cron: String(m) }, 'scheduler'),
    debug: (m: unknown) => args.log.debug({ cron: String(m) }, 'scheduler'),
  };
  const tasks: ScheduledTask[] = [
    cron.schedule(`*/${Math.max(1, Math.min(59, args.intervalSeconds))} * * * * *`, () => runScheduled(), { name: 'alert-evaluation', noOverlap: true, logger }),
  ];
  if (args.sweepCron) tasks.push(cron.schedule(args.sweepCron, () => runSweep(), { name: 'alert-sweep', noOverlap: true, logger }));
  if (args.sweepAtStart) void runSweep();

  return {
    /**
     * After a projection batch (`at`: its last position): each lane evaluates the touched cases as
     * soon as its previous run is done.
     */
    touched(caseIds: Iterable<string>, at?: bigint): Promise<unknown> {
      const ids = [...caseIds];
      // A batch of alert or reference events touches no case; an empty list would mean "every case".
      if (ids.length === 0) return Promise.all(lanes.map((l) => l.chain));
      return Promise.all(lanes.map((lane) => enqueue(lane, ids, at)));
    },
    runNow: () => runScheduled(),
    sweepNow: () => runSweep(),
    status: () => ({ intervalSeconds: args.intervalSeconds, sweepCron: args.sweepCron ?? null, lanes: lanes.map((l) => l.name), last, lastSweep, lastError }),
    async stop(): Promise<void> {
      stopped = true;
      for (const wake of [...sleeping]) wake();
      await Promise.all(tasks.map((t) => t.stop()));
      await Promise.all([scheduled, sweeping, ...lanes.map((l) => l.chain)]);
    },
  };
}

export type AlertScheduler = ReturnType<typeof alertScheduler>;
