import type { CivilDate } from '../../domain/calendar/index.ts';
import type { Rng } from './rng.ts';
import { AFTERNOON, NOON, OPEN, type Workdays } from './time.ts';

/** Mondays are busiest; make-up Saturdays and Sundays (调休) are quieter than a normal day. */
const WEEKDAY_FACTOR = [0, 1.22, 1.08, 1.0, 0.98, 0.9, 0.7, 0.7];
/** Quiet around the Spring Festival, busy in spring and before the year closes. */
const MONTH_FACTOR = [0, 0.95, 0.8, 1.12, 1.05, 1.02, 1.0, 0.92, 0.95, 1.05, 1.0, 1.05, 1.1];
const LAST_ARRIVAL = 17 * 3600;

export interface ArrivalDay {
  ord: number;
  count: number;
}

/**
 * How many cases arrive on each working day from `from` to `to`. Holidays and weekends get none
 * (they have no ordinal); the first days after a long holiday get the backlog. The counts add up
 * to exactly `total`: each day takes the rounded cumulative share, so rounding never drifts.
 */
export function arrivalDays(workdays: Workdays, from: CivilDate, to: CivilDate, total: number, rng: Rng): ArrivalDay[] {
  const first = workdays.ordOnOrAfter(from);
  const days: { ord: number; weight: number }[] = [];
  for (let ord = first; ord < workdays.count && workdays.date(ord) <= to; ord++) {
    const afterHoliday = afterLongGap(workdays, ord) || afterLongGap(workdays, ord - 1);
    const month = Number(workdays.date(ord).slice(5, 7));
    const weight = WEEKDAY_FACTOR[workdays.weekday(ord)]! * MONTH_FACTOR[month]! * (afterHoliday ? 1.3 : 1) * rng.lognormal(1, 0.08);
    days.push({ ord, weight });
  }
  const sum = days.reduce((s, d) => s + d.weight, 0);
  let cum = 0;
  let assigned = 0;
  return days.map((d) => {
    cum += d.weight;
    const upTo = Math.round((total * cum) / sum);
    const count = upTo - assigned;
    assigned = upTo;
    return { ord: d.ord, count };
  });
}

/** The first working day after a break longer than a weekend. */
function afterLongGap(workdays: Workdays, ord: number): boolean {
  return ord > 0 && workdays.dayNumber(ord) - workdays.dayNumber(ord - 1) > 3;
}

/** Seconds of day of `count` arrivals, sorted: a morning peak around 10:00 and a smaller one at 15:00. */
export function arrivalSeconds(rng: Rng, count: number): Int32Array {
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const morning = rng.chance(0.58);
    const [from, to] = morning ? [OPEN, NOON] : [AFTERNOON, LAST_ARRIVAL];
    // The mean of two uniforms peaks in the middle of each session.
    out[i] = Math.floor(from + ((rng.float() + rng.float()) / 2) * (to - from));
  }
  return out.sort();
}
