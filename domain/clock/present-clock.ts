import type { CivilDate } from '../calendar/index.ts';
import type { YellowRule } from './config.ts';
import type { Interval } from './pause-intervals.ts';
import { anchorAt, consumedAt, reach, type ClockRun, type Reached } from './run-clock.ts';
import type { Classification, ClockPause, ClockState, TimeClock } from './types.ts';
import { laterInstant, type Instant } from './zoned-time.ts';

export interface PresentOptions {
  readonly startDate: CivilDate;
  readonly yellow: YellowRule;
  /** 即办件: 即办 iff concluded on the acceptance date, else overdue (§3.2 step 7, S26). */
  readonly instantRule: boolean;
  readonly pending: boolean;
  /** False when the end is no assessable conclusion (withdrawn, refused, a step cut short): no classification. */
  readonly assess: boolean;
  /** Pending clocks signal nothing before acceptance is deemed. */
  readonly notBefore: Instant | null;
}

export interface Presented {
  readonly clock: TimeClock;
  readonly due: Reached;
  readonly dueRaw: number | null;
  readonly notBefore: Instant | null;
}

const toDays = (units: number, perDay: number): number => (perDay === 1 ? units : Math.ceil(units / perDay));
const round2 = (n: number): number => Math.round(n * 100) / 100;

/** The figures of one clock, from its run: §3.2 steps 4, 6, 7 and §3.3. */
export function presentClock(run: ClockRun, o: PresentOptions): Presented {
  const { axis } = run;
  const due = reach(run, run.limitDays * axis.perDay);
  const dueRaw = 'pos' in due ? due.pos : null;
  const duePos = dueRaw === null ? null : axis.deadline(dueRaw);
  const stopped = run.stop !== null;
  const state: ClockState = o.pending ? 'pending' : stopped ? 'stopped' : 'pausedAt' in due ? 'paused' : 'running';
  const warnPos = duePos === null ? null : warnPosition(run, o.yellow);
  const asOf = run.stop ?? ('pausedAt' in due ? due.pausedAt : lastChange(run));
  const used = run.stop === null ? null : toDays(consumedAt(run, run.stop), axis.perDay);
  const grace = duePos !== null && dueRaw !== null ? duePos - dueRaw : 0;
  const classification = used === null || !o.assess ? null : classify(run, o, used, grace);
  const at = (instant: Instant | null): Instant | null => (instant && o.notBefore ? laterInstant(instant, o.notBefore) : instant);
  const dueAt = at(duePos === null ? null : axis.endInstant(duePos));
  const clock: TimeClock = {
    state,
    unit: axis.unit,
    granularity: axis.granularity,
    startedOn: o.startDate,
    baseLimit: run.baseLimitDays,
    extensionDays: run.limitDays - run.baseLimitDays,
    limit: run.limitDays,
    extensions: run.decisions,
    consumedDays: toDays(consumedAt(run, asOf), axis.perDay),
    consumedAsOf: axis.dateOf(Math.max(asOf, run.start)),
    dueDate: duePos === null ? null : axis.dateOf(duePos),
    warnDate: warnPos === null ? null : axis.dateOf(warnPos),
    warnAt: at(warnPos === null ? null : axis.startInstant(warnPos)),
    dueAt,
    overdueAt: dueAt,
    graceDays: grace,
    stoppedOn: run.stop === null ? null : axis.dateOf(run.stop),
    usedDays: used,
    overrunDays: classification === null || used === null ? null : classification === 'overdue' ? Math.max(1, used - run.limitDays - grace) : 0,
    classification,
    pauses: run.intervals.map((iv) => presentPause(run, iv)),
    ignoredPauses: run.ignored,
  };
  return { clock, due, dueRaw, notBefore: o.notBefore };
}

/**
 * §3.3: yellow from the first working day with wd(today, due] ≤ min(Y, limit − 1), i.e. once
 * limit − min(Y, limit − 1) days are used; none for a limit of 0. After a pause, not before it ends.
 */
function warnPosition(run: ClockRun, yellow: YellowRule): number | null {
  const { axis } = run;
  const limit = run.limitDays * axis.perDay;
  if (run.limitDays < 1) return null;
  const threshold =
    yellow.mode === 'working-days-left'
      ? limit - Math.min(yellow.days, run.limitDays - 1) * axis.perDay
      : Math.min(limit, Math.max(1, Math.ceil(yellow.share * limit)));
  const r = reach(run, threshold);
  if (!('pos' in r)) return null;
  const resumes = run.intervals.filter((iv) => iv.to !== Infinity).map((iv) => axis.runningFrom(iv.to));
  return Math.max(r.pos, ...resumes);
}

function classify(run: ClockRun, o: PresentOptions, used: number, grace: number): Classification {
  if (o.instantRule) return run.axis.dateOf(run.stop!) === o.startDate ? 'instant' : 'overdue';
  return used < run.limitDays ? 'early' : used <= run.limitDays + grace ? 'on-time' : 'overdue';
}

function lastChange(run: ClockRun): number {
  return Math.max(anchorAt(run, Infinity), ...run.intervals.map((iv) => iv.to).filter((to) => to !== Infinity));
}

function presentPause(run: ClockRun, iv: Interval): ClockPause {
  const { axis } = run;
  const hi = Math.min(iv.to, run.stop ?? Infinity);
  const excluded = hi === Infinity ? null : axis.count(Math.max(iv.from, run.start), hi);
  const first = iv.sources[0]!;
  return {
    kind: first.kind,
    kinds: [...new Set(iv.sources.map((s) => s.kind))],
    from: axis.dateOf(iv.from),
    to: iv.to === Infinity ? null : axis.dateOf(iv.to),
    excludedDays: excluded === null ? null : axis.perDay === 1 ? excluded : round2(excluded / axis.perDay),
    eventIds: iv.sources.flatMap((s) => s.eventIds),
    sources: iv.sources,
    restarted: iv.restart,
  };
}
