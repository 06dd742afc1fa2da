import { describe, expect, it } from 'vitest';
import { noFindings } from './evaluator.ts';
import { alertScheduler } from './scheduler.ts';

const report = noFindings();
const quiet = { info() {}, warn() {}, error() {}, debug() {} };

describe('alert scheduler, batch lane', () => {
  it('evaluates the touched cases, gathers those touched meanwhile into one next run, and ignores a batch that touched none', async () => {
    const runs: (readonly string[] | undefined)[] = [];
    let release!: () => void;
    const first = new Promise<void>((r) => (release = r));
    const scheduler = alertScheduler({
      intervalSeconds: 59,
      log: quiet,
      run: async (_trigger, caseIds) => {
        runs.push(caseIds);
        if (runs.length === 1) await first;
        return report;
      },
    });
    try {
      void scheduler.touched(['A']);
      await Promise.resolve();
      // An alert-only batch: no case touched. It must not become a run over every case.
      void scheduler.touched([]);
      void scheduler.touched(['B']);
      const last = scheduler.touched(['C', 'B']);
      release();
      await last;
      expect(runs).toEqual([['A'], ['B', 'C']]);
      await scheduler.touched([]);
      expect(runs).toEqual([['A'], ['B', 'C']]);
    } finally {
      await scheduler.stop();
    }
  });
});

describe('alert scheduler, two batch lanes', () => {
  it('runs each lane on the touched cases, and a slow lane does not hold back the other', async () => {
    const runs: string[] = [];
    let releaseSlow!: () => void;
    const slow = new Promise<void>((r) => (releaseSlow = r));
    const scheduler = alertScheduler({
      intervalSeconds: 59,
      batchLanes: ['clocks', 'irregularities'],
      log: quiet,
      run: async (trigger, caseIds) => {
        const lane = trigger.kind === 'batch' ? trigger.lane : 'schedule';
        runs.push(`${lane}:${caseIds?.join('+')}`);
        if (lane === 'irregularities' && caseIds?.includes('A')) await slow;
        return report;
      },
    });
    try {
      void scheduler.touched(['A']);
      await new Promise((r) => setTimeout(r, 10));
      void scheduler.touched(['B']);
      await new Promise((r) => setTimeout(r, 10));
      // The clocks lane has evaluated B while the irregularities lane is still busy with A.
      expect(runs).toEqual(['clocks:A', 'irregularities:A', 'clocks:B']);
      releaseSlow();
      await scheduler.touched(['C']);
      await new Promise((r) => setTimeout(r, 10));
      expect(runs.filter((r) => r.startsWith('irregularities'))).toEqual(['irregularities:A', 'irregularities:B+C']);
    } finally {
      await scheduler.stop();
    }
  });
});

describe('alert scheduler, a failed batch run', () => {
  it('keeps its cases: they are evaluated again, with those touched meanwhile, until a run succeeds', async () => {
    const runs: string[] = [];
    const scheduler = alertScheduler({
      intervalSeconds: 59,
      log: quiet,
      run: async (_trigger, caseIds) => {
        runs.push(caseIds!.join('+'));
        if (runs.length === 1) throw new Error('ClickHouse is not ready');
        return report;
      },
    });
    try {
      void scheduler.touched(['A']);
      await new Promise((r) => setTimeout(r, 50));
      expect(scheduler.status().lastError).toBe('ClickHouse is not ready');
      void scheduler.touched(['B']);
      // The retry comes after a second's backoff.
      await new Promise((r) => setTimeout(r, 1_300));
      expect(runs).toEqual(['A', 'B+A']);
      expect(scheduler.status().lastError).toBeNull();
    } finally {
      await scheduler.stop();
    }
  });

  it('stops retrying when the scheduler stops', async () => {
    let runs = 0;
    const scheduler = alertScheduler({ intervalSeconds: 59, log: quiet, run: async () => (runs++, Promise.reject(new Error('down'))) });
    void scheduler.touched(['A']);
    await new Promise((r) => setTimeout(r, 50));
    await scheduler.stop();
    await new Promise((r) => setTimeout(r, 1_300));
    expect(runs).toBe(1);
  });
});

describe('alert scheduler, sweeps', () => {
  it('sweeps once at start when asked, and on demand, never two at once', async () => {
    const triggers: string[] = [];
    let inFlight = 0;
    let most = 0;
    const scheduler = alertScheduler({
      intervalSeconds: 59,
      sweepAtStart: true,
      log: quiet,
      run: async (trigger) => {
        triggers.push(trigger.kind);
        most = Math.max(most, ++inFlight);
        await new Promise((r) => setTimeout(r, 20));
        inFlight--;
        return report;
      },
    });
    try {
      await scheduler.sweepNow();
      expect(triggers).toEqual(['sweep', 'sweep']);
      expect(most).toBe(1);
      expect(scheduler.status().lastSweep).not.toBeNull();
    } finally {
      await scheduler.stop();
    }
  });
});
