import cron, { type ScheduledTask } from 'node-cron';
import type { EvaluationReport } from './evaluator.ts';

type Log = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void; error(obj: object, msg: string): void; debug(obj: object, msg: string): void };

/**
 * When the rules run: every `intervalSeconds` over all cases (a deadline passing with no event),
 * and right after each projection batch over the cases it touched (an event that breaks a rule).
 * Runs never overlap: a batch-triggered run waits for the one in progress, and touched cases that
 * arrive meanwhile are gathered into the next run.
 */
export function alertScheduler(args: { intervalSeconds: number; run(caseIds?: readonly string[]): Promise<EvaluationReport>; log: Log }) {
  // Two lanes: scheduled runs over all cases can take seconds on a large county, and must not hold
  // back the runs for the cases a batch just touched. Each lane runs one evaluation at a time; the
  // evaluator itself serialises the changes they make.
  let chain: Promise<unknown> = Promise.resolve();
  let scheduled: Promise<unknown> = Promise.resolve();
  let pendingCases: Set<string> | null = null;
  let last: { at: string; report: EvaluationReport; trigger: 'schedule' | 'batch' } | null = null;
  let lastError: string | null = null;

  const runOnce = async (trigger: 'schedule' | 'batch', caseIds?: readonly string[]) => {
    try {
      const report = await args.run(caseIds);
      last = { at: new Date().toISOString(), report, trigger };
      lastError = null;
      if (report.raised + report.escalated + report.autoClosed > 0) args.log.info({ trigger, ...report, perRule: undefined }, 'alerts evaluated');
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
      args.log.warn({ err: lastError, trigger }, 'alert evaluation failed; the next run tries again');
    }
  };
  const exclusive = (trigger: 'schedule' | 'batch', caseIds?: readonly string[]) =>
    trigger === 'schedule' ? (scheduled = scheduled.then(() => runOnce(trigger, caseIds))) : (chain = chain.then(() => runOnce(trigger, caseIds)));

  const task: ScheduledTask = cron.schedule(`*/${Math.max(1, Math.min(59, args.intervalSeconds))} * * * * *`, () => exclusive('schedule'), {
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
    /** After a projection batch: evaluate the touched cases as soon as the previous run is done. */
    touched(caseIds: Iterable<string>): Promise<unknown> {
      const ids = [...caseIds];
      // A batch of alert or reference events touches no case; an empty list would mean "every case".
      if (ids.length === 0) return chain;
      const fresh = pendingCases === null;
      pendingCases ??= new Set();
      for (const id of ids) pendingCases.add(id);
      if (!fresh) return chain;
      return (chain = chain.then(() => {
        const ids = [...(pendingCases ?? [])];
        pendingCases = null;
        return runOnce('batch', ids);
      }));
    },
    runNow: () => exclusive('schedule'),
    status: () => ({ intervalSeconds: args.intervalSeconds, last, lastError }),
    async stop(): Promise<void> {
      await task.stop();
      await Promise.all([chain, scheduled]);
    },
  };
}

export type AlertScheduler = ReturnType<typeof alertScheduler>;
