import type { CaseClock, StepClock, TimeClock } from './types.ts';
import { epochMs, type Instant } from './zoned-time.ts';

export type SignalLevel = 'none' | 'yellow' | 'red';

export interface Signal {
  readonly level: SignalLevel;
  readonly reason: string;
  /** The clock that gave the signal: 'promised', 'statutory', a step label, or null. */
  readonly clock: string | null;
  /** When the level began. */
  readonly since: Instant | null;
}

const RANK: Record<SignalLevel, number> = { none: 0, yellow: 1, red: 2 };
const none = (reason: string): Signal => ({ level: 'none', reason, clock: null, since: null });

/** §3.3 for one clock at `now`: red once overdueAt has come, yellow once warnAt has, while it runs. */
export function clockSignal(name: string, c: TimeClock, now: Instant): Signal {
  const t = epochMs(now);
  if (c.state === 'stopped') return none(`${name} clock stopped on ${c.stoppedOn}`);
  if (c.state === 'paused') return none(`${name} clock paused: paused time does not count (§3.2 steps 2–3)`);
  if (c.overdueAt && t >= epochMs(c.overdueAt)) {
    return { level: 'red', reason: `${name} limit of ${c.limit} ${c.unit} ran out: due ${c.dueDate}, still open (§3.3 red, IR09)`, clock: name, since: c.overdueAt };
  }
  if (c.warnAt && t >= epochMs(c.warnAt)) {
    return { level: 'yellow', reason: `${name} limit nearly used: due ${c.dueDate} (§3.3 yellow)`, clock: name, since: c.warnAt };
  }
  return none(`${name} clock running, due ${c.dueDate ?? 'not yet known'}`);
}

/**
 * The case's signal at `now` for an open case: the worse of the statutory and promised clocks; on
 * a tie the statutory one, which is the graver breach (§3.2 step 8). Ended cases signal nothing:
 * a late conclusion is judged by its classification.
 */
export function classifyAt(clock: CaseClock, now: Instant): Signal {
  switch (clock.status) {
    case 'concluded':
    case 'forwarded':
    case 'refused':
    case 'withdrawn':
      return none(`case ${clock.status} on ${clock.endedOn}${clock.promised?.classification ? ` (${clock.promised.classification})` : ''}: no longer running`);
    case 'awaiting-supplement':
      return none('awaiting supplements requested before acceptance: no clock runs yet (S20)');
    case 'submitted': {
      const at = clock.deemedAcceptance.deemedAt;
      if (!at || epochMs(now) < epochMs(at)) return none(`awaiting an acceptance decision${at ? ` until ${at}` : ''} (ALL Art. 32)`);
      break;
    }
    case 'running':
    case 'paused':
      break;
  }
  const signals = [clock.statutory && clockSignal('statutory', clock.statutory, now), clock.promised && clockSignal('promised', clock.promised, now)].filter((s): s is Signal => !!s);
  const worst = signals.reduce<Signal | null>((a, s) => (!a || RANK[s.level] > RANK[a.level] ? s : a), null);
  if (!worst) return none('no clock: no limit known for this case');
  return worst.level === 'none' ? none(signals.map((s) => s.reason).join('; ')) : worst;
}

/** §3.3 applied to one step (IR08: yellow when near, red when over). */
export function classifyStepAt(step: StepClock, now: Instant): Signal {
  const name = `step ${step.stepCode}#${step.occurrence}`;
  if (!step.clock) return none(`${name}: no limit in the catalogue`);
  return clockSignal(name, step.clock, now);
}
