import type { ReferenceEvent } from '../../domain/events/catalogue.ts';
import { arrivalDays, arrivalSeconds } from './arrivals.ts';
import { buildCounty, countyReferenceEvents, DEFAULT_COUNTY_SEED, type County } from './county.ts';
import { EventIds } from './ids.ts';
import { eligibleWeights } from './irregularities.ts';
import { simulateCase, type SimContext, type SimulatedCase } from './lifecycle.ts';
import { defaultRates, type Rates } from './rates.ts';
import { Rng } from './rng.ts';
import { Workdays } from './time.ts';

export type { SimulatedCase } from './lifecycle.ts';
export type { CaseTruth, Classification } from './labels.ts';
export type { Label, RuleId } from './ledger.ts';

export interface SimulateOptions {
  /** Seeds the cases: the same seed gives the same events, byte for byte. */
  seed: number;
  /** Number of cases arriving over the period (IR19 adds a few resubmissions on top). */
  cases: number;
  /** First and last arrival date (inclusive); defaults to the 2026 calendar year. */
  from?: string;
  to?: string;
  rates?: Rates;
  /** Seeds the county (departments, matters, windows); fixed by default so seeds share a catalogue. */
  countySeed?: number;
}

export interface Simulation {
  county: County;
  /** Calendars, departments, matters and windows: load these before any case event. */
  reference: ReferenceEvent[];
  /** Cases in arrival order, generated lazily one at a time (an IR19 resubmission follows its refused case). */
  cases: Iterable<SimulatedCase>;
}

/** A simulated county and its cases. Nothing is generated until `cases` is iterated. */
export function simulateCounty(options: SimulateOptions): Simulation {
  const from = options.from ?? '2026-01-01';
  const to = options.to ?? '2026-12-31';
  if (!(from <= to)) throw new RangeError(`--from ${from} is after --to ${to}`);
  const countySeed = options.countySeed ?? DEFAULT_COUNTY_SEED;
  const county = buildCounty(countySeed);
  const workdays = new Workdays(from, to);
  const ctx: SimContext = { seed: options.seed, county, workdays, rates: options.rates ?? defaultRates, ids: new EventIds(options.seed), eligible: eligibleWeights(county.matters) };
  return {
    county,
    reference: countyReferenceEvents(county, countySeed),
    cases: { [Symbol.iterator]: () => generateCases(ctx, from, to, options.cases) },
  };
}

function* generateCases(ctx: SimContext, from: string, to: string, total: number): Generator<SimulatedCase> {
  const rng = new Rng(ctx.seed, 0);
  let caseIndex = 0;
  for (const day of arrivalDays(ctx.workdays, from, to, total, rng)) {
    const seconds = arrivalSeconds(rng, day.count);
    for (const sec of seconds) yield* simulateCase(ctx, caseIndex++, { ord: day.ord, sec });
  }
}
