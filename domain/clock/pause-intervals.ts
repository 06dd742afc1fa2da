import type { PauseSource } from './types.ts';

/** Positions during which the clock does not run: (from, to] on day axes. `to` is Infinity while open. */
export interface Interval {
  readonly from: number;
  readonly to: number;
  readonly sources: readonly PauseSource[];
  readonly restart: boolean;
}

/** Adds a pause, merging it with every pause it overlaps (§3.2 step 3: overlapping pauses are merged). */
export function mergeInterval(list: readonly Interval[], add: Interval): Interval[] {
  const overlaps = (iv: Interval): boolean => iv.from < add.to && add.from < iv.to;
  const touched = list.filter(overlaps);
  const merged = touched.reduce<Interval>(
    (acc, iv) => ({
      from: Math.min(acc.from, iv.from),
      to: Math.max(acc.to, iv.to),
      sources: [...acc.sources, ...iv.sources],
      restart: acc.restart || iv.restart,
    }),
    add,
  );
  const sources = [...merged.sources].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return [...list.filter((iv) => !overlaps(iv)), { ...merged, sources }].sort((a, b) => a.from - b.from);
}
