import cron, { type ScheduledTask } from 'node-cron';
import type { EvaluationReport } from './evaluator.ts';

type Log = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void; error(obj: object, msg: string): void; debug(obj: object, msg: string): void };

/** Which evaluation: the scheduled one over all cases, or one batch lane over touched cases. */
export type Trigger = { kind: 'schedule' } | { kind: 'batch'; lane: string };

/**
 * When the rules run: every `intervalSeconds` over all cases (a deadline passing with no event),
 * and right after each projection batch over the cases it touched (an event that breaks a rule).
 *
 * After a batch the rules run in lanes (`batchLanes`, e.g. the clocks apart from the
 * irregularities): a lane's run is short, so a red on a clock is not held back behind the slower
 * irregularity queries of the batch before. Within a lane runs never overlap: one waits for the
 * run in progress, and touched cases that arrive meanwhile are gathered into its next run. The
 * scheduled run has a lane of its own. The evaluator serialises the changes runs make.
 */
export function alertScheduler(args: {
  intervalSeconds: number;
  batchLanes?: readonly string[];
  run(trigger: Trigger, caseIds?: readonly string[]): Promise<EvaluationReport>;
  log: Log;
}) {
  let scheduled: Promise<unknown> = Promise.resolve();
  const lanes = (args.batchLanes ?? ['all']).map((name) => ({ name, chain: Promise.resolve() as Promise<unknown>, pending: null as Set<string> | null }));
  let last: { at: string; report: EvaluationReport; trigger: 'schedule' | 'batch'; lane?: string } | null = null;
  let lastError: string | null = null;

  const runOnce = async (trigger: Trigger, caseIds?: readonly string[]) => {
    try {
      const report = await args.run(trigger, caseIds);
      last = { at: new Date().toISOString(), report, trigger: trigger.kind, ...(trigger.kind === 'batch' && { lane: trigger.lane }) };
      lastError = null;
      if (report.raised + report.escalated + report.autoClosed > 0) args.log.info({ trigger, ...report, perRule: undefined }, 'alerts evaluated');
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
      args.log.warn({ err: lastError, trigger }, 'alert evaluation failed; the next run tries again');
    }
  };
  const runScheduled = () => (scheduled = scheduled.then(() => runOnce({ kind: 'schedule' })));

  const task: ScheduledTask = cron.schedule(`*/${Math.max(1, Math.min(59, args.intervalSeconds))} * * * * *`, () => runScheduled(), {
    name: 'alert-evaluation',
    noOverlap: true,
    logger: {
      info: (m) => args.log.debug({ cron: m }, 'scheduler'),
      warn: (m) => args.log.warn({ cron: m }, 'scheduler'),
      error: (m) => args.log.error({ cron: String(m) }, 'scheduler'),
      debug: (m) => args.log.debug({ cron: String(m) }, 'scheduler'),
    },
  });

  return {
    /** After a projection batch: each lane evaluates the touched cases as soon as its previous run is done. */
    touched(caseIds: Iterable<string>): Promise<unknown> {
      const ids = [...caseIds];
      // A batch of alert or reference events touches no case; an empty list would mean "every case".
      if (ids.length === 0) return Promise.all(lanes.map((l) => l.chain));
      return Promise.all(
        lanes.map((lane) => {
          const fresh = lane.pending === null;
          lane.pending ??= new Set();
          for (const id of ids) lane.pending.add(id);
          if (!fresh) return lane.chain;
          return (lane.chain = lane.chain.then(() => {
            const gathered = [...(lane.pending ?? [])];
            lane.pending = null;
            return runOnce({ kind: 'batch', lane: lane.name }, gathered);
          }));
        }),
      );
    },
    runNow: () => runScheduled(),
    status: () => ({ intervalSeconds: args.intervalSeconds, lanes: lanes.map((l) => l.name), last, lastError }),
    async stop(): Promise<void> {
      await task.stop();
      await Promise.all([scheduled, ...lanes.map((l) => l.chain)]);
    },
  };
}

export type AlertScheduler = ReturnType<typeof alertScheduler>;
