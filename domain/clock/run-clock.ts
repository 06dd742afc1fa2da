import type { Axis } from './axis.ts';
import type { ExtensionRequest } from './lifecycle.ts';
import { mergeInterval, type Interval } from './pause-intervals.ts';
import type { ExtensionDecision, IgnoredPause, PauseSource } from './types.ts';

export interface PauseCandidate {
  readonly source: PauseSource;
  readonly from: number;
  readonly to: number | null;
  readonly order: number;
  /** supplementMode 'restart' (S28): the whole limit starts again when the supplement arrives. */
  readonly restart: boolean;
}

export interface ExtensionCandidate {
  readonly at: number;
  readonly order: number;
  readonly request: ExtensionRequest;
}

export interface ClockSpec {
  readonly axis: Axis;
  readonly start: number;
  readonly baseLimitDays: number;
  readonly pauses: readonly PauseCandidate[];
  readonly extensions: readonly ExtensionCandidate[];
  /** ALL Art. 42 maximum for this clock; null when it cannot be extended. */
  readonly extensionMax: number | null;
  readonly stop: number | null;
}

export interface ClockRun extends ClockSpec {
  readonly limitDays: number;
  readonly intervals: readonly Interval[];
  readonly restarts: readonly number[];
  readonly ignored: readonly IgnoredPause[];
  readonly decisions: readonly ExtensionDecision[];
}

/** Applies pauses and extensions in business-time order, each judged on the clock as it stood then. */
export function runClock(spec: ClockSpec): ClockRun {
  const run = { ...spec, limitDays: spec.baseLimitDays, intervals: [] as Interval[], restarts: [] as number[], ignored: [] as IgnoredPause[], decisions: [] as ExtensionDecision[] };
  const items = [
    ...spec.pauses.map((pause) => ({ pos: pause.from, order: pause.order, pause, ext: null })),
    ...spec.extensions.map((ext) => ({ pos: ext.at, order: ext.order, pause: null, ext })),
  ].sort((a, b) => a.pos - b.pos || a.order - b.order);
  for (const item of items) {
    if (spec.stop !== null && item.pos > spec.stop) continue;
    if (item.pause) applyPause(run, item.pause);
    else if (item.ext) applyExtension(run, item.ext);
  }
  return run;
}

function applyPause(run: ClockRun & { intervals: Interval[]; restarts: number[]; ignored: IgnoredPause[] }, p: PauseCandidate): void {
  const { axis } = run;
  if (p.to !== null && p.to <= run.start) return;
  const used = consumedAt(run, p.from);
  const limit = run.limitDays * axis.perDay;
  if (used >= limit) {
    const reason = `began on ${p.source.from} with ${axis.describe(used)} of ${axis.describe(limit)} used: a pause after the due date does not cure the overrun (§3.2 step 4)`;
    run.ignored.push({ source: p.source, reason });
    return;
  }
  run.intervals = mergeInterval(run.intervals, { from: p.from, to: p.to ?? Infinity, sources: [p.source], restart: p.restart && p.to !== null });
  if (p.restart && p.to !== null) run.restarts.push(p.to);
}

function applyExtension(run: ClockRun & { limitDays: number; decisions: ExtensionDecision[] }, x: ExtensionCandidate): void {
  const { axis } = run;
  const r = x.request;
  const base = { procedureNo: r.procedureNo, eventId: r.eventId, requestedOn: r.point.date, requestedDays: r.days };
  if (run.extensionMax === null) return;
  const used = consumedAt(run, x.at);
  const limit = run.limitDays * axis.perDay;
  if (used >= limit) {
    const refusedReason = `requested on ${r.point.date} with ${axis.describe(used)} of ${axis.describe(limit)} already used: an extension must start before the due date (§3.2 step 5, IR18); recorded, not applied`;
    run.decisions.push({ ...base, grantedDays: 0, refusal: 'after-due-date', refusedReason });
    return;
  }
  const room = Math.max(0, run.extensionMax - (run.limitDays - run.baseLimitDays));
  const grantedDays = Math.min(r.days, room);
  const refusedReason = grantedDays < r.days ? `${r.days - grantedDays} of the ${r.days} days requested exceed the ALL Art. 42 maximum of ${run.extensionMax} (IR18); not applied` : null;
  run.limitDays += grantedDays;
  run.decisions.push({ ...base, grantedDays, refusal: refusedReason ? 'beyond-maximum' : null, refusedReason });
}

/** The position counting starts from at `x`: the acceptance anchor, or the latest restart before x. */
export function anchorAt(run: Pick<ClockRun, 'start' | 'restarts'>, x: number): number {
  return run.restarts.reduce((s, r) => (r <= x && r > s ? r : s), run.start);
}

/** Units used from the anchor to `x`, pauses excluded: consumed + wd(anchor, x] of §3.2. */
export function consumedAt(run: Pick<ClockRun, 'axis' | 'start' | 'restarts' | 'intervals'>, x: number): number {
  let cursor = anchorAt(run, x);
  let total = 0;
  for (const iv of run.intervals) {
    if (iv.to <= cursor) continue;
    if (iv.from >= x) break;
    total += run.axis.count(cursor, Math.max(iv.from, cursor));
    cursor = iv.to;
    if (cursor >= x) return total;
  }
  return total + run.axis.count(cursor, x);
}

export type Reached = { readonly pos: number; readonly from: number; readonly rest: number } | { readonly pausedAt: number; readonly rest: number };

/** Where `target` units are used up, stepping over pauses: addWD(anchor, limit − consumed) of §3.2 step 4. */
export function reach(run: ClockRun, target: number): Reached {
  let cursor = anchorAt(run, Infinity);
  let rest = target;
  for (const iv of run.intervals) {
    if (iv.to <= cursor) continue;
    const from = Math.max(iv.from, cursor);
    const available = run.axis.count(cursor, from);
    if (available >= rest) return { pos: Math.min(run.axis.advance(cursor, rest), from), from: cursor, rest };
    rest -= available;
    if (iv.to === Infinity) return { pausedAt: from, rest };
    cursor = iv.to;
  }
  return { pos: run.axis.advance(cursor, rest), from: cursor, rest };
}
