import type { SimMatter } from './county-matters.ts';
import { INJECTIONS, type Injection, type Rates } from './rates.ts';
import type { Rng } from './rng.ts';

/**
 * Which irregularity, if any, a case receives: one categorical draw over the configured rates,
 * so a case carries at most one injected fault and its labels stay attributable. Labels for the
 * overruns an injection causes (IR08, IR09) and for bad ratings (IR17) are derived afterwards
 * from the case's clock, so they hold whether the overrun was injected or not.
 */
export function chooseInjection(rng: Rng, rates: Rates): Injection | null {
  const x = rng.float();
  let acc = 0;
  for (const kind of INJECTIONS) if (x < (acc += rates.irregularities[kind])) return kind;
  return null;
}

/** Matters an injection makes sense on: a fault needs the feature it corrupts. */
export function eligibleFor(kind: Injection, m: SimMatter): boolean {
  const commitment = !m.instant;
  const applied = !m.agencyInitiated;
  switch (kind) {
    case 'IR01':
    case 'IR08':
    case 'overduePromised':
    case 'overdueStatutory':
    case 'IR11':
    case 'IR12':
    case 'IR14':
    case 'IR15':
      return true;
    case 'IR02':
    case 'IR06':
    case 'IR07':
    case 'IR10':
    case 'IR13':
      return commitment;
    case 'IR04':
    case 'IR05':
    case 'IR17':
    case 'IR19':
      return applied;
    case 'IR16':
      return m.version.onlineRequired === true;
    case 'IR18':
      return commitment && m.version.promisedLimit.value >= 2;
    case 'IR03':
    case 'IR20':
      // IR03 on a 即办件 would leave "concluded on the acceptance date" open to two readings.
      return commitment && applied;
    default:
      return unreachable(kind);
  }
}

function unreachable(kind: never): never {
  throw new Error(`unknown injection ${String(kind)}`);
}

/** Cumulative popularity of the matters eligible for each injection (0 weight for the others). */
export function eligibleWeights(matters: readonly SimMatter[]): Map<Injection, number[]> {
  const byKind = new Map<Injection, number[]>();
  for (const kind of INJECTIONS) {
    let sum = 0;
    byKind.set(kind, matters.map((m) => (sum += eligibleFor(kind, m) ? m.popularity : 0)));
  }
  return byKind;
}
