import type { MatterVersion } from '../events/reference/matter-version-published.ts';
import type { AcceptanceOutcome } from './acceptance.ts';
import { anomaly } from './anomalies.ts';
import { buildClock, type BuiltClock, type ClockInputs } from './build-clock.ts';
import type { ClockContext } from './context.ts';
import type { Lifecycle } from './lifecycle.ts';
import type { MatterChoice } from './matter-version.ts';
import { stepLabel } from './step-spans.ts';
import type { ClockAnomaly, StepClock } from './types.ts';

export interface CaseClocks {
  readonly promised: BuiltClock | null;
  readonly statutory: BuiltClock | null;
  readonly anomalies: ClockAnomaly[];
}

const ASSESSED = new Set(['concluded', 'forwarded']);

/** The promised clock and, beside it, the statutory one (§3.2 step 8; S39 checked both). */
export function buildCaseClocks(acc: AcceptanceOutcome, life: Lifecycle, matter: MatterChoice, ctx: ClockContext): CaseClocks {
  const { config } = ctx;
  const { used } = matter;
  if (!acc.start) return { promised: null, statutory: null, anomalies: [] };
  const common = {
    start: acc.start,
    stop: life.terminal?.point ?? null,
    pauses: life.pauses,
    extensions: life.extensions,
    // ALL Art. 42: +10 days, or +15 where handling is joint, unified or centralised.
    extensionMax: used.jointHandling ? config.extensionMax.joint : config.extensionMax.normal,
    restartSupplements: config.supplementMode === 'restart',
    // A withdrawn or refused case is not assessed as early, on time or overdue (§6.2 counts conclusions).
    assess: life.terminal !== null && ASSESSED.has(life.terminal.kind),
    pending: acc.pending,
    notBefore: acc.pending ? acc.deemed.deemedAt : null,
  } satisfies Partial<ClockInputs>;
  const promised = used.promisedLimit
    ? buildClock({ ...common, name: 'promised', limit: used.promisedLimit, limitHow: `promised limit (承诺办结时限), from ${used.how}`, instantRule: matter.kind === 'instant' }, ctx)
    : null;
  const statutory = used.statutoryLimit
    ? buildClock({ ...common, name: 'statutory', limit: used.statutoryLimit, limitHow: `statutory limit (法定办结时限), from ${used.how}`, instantRule: false }, ctx)
    : null;
  const anomalies = promised ? [] : [anomaly('no-limit', acc.start.date, [], used.how)];
  return { promised, statutory, anomalies };
}

export interface StepClocks {
  readonly steps: StepClock[];
  readonly built: BuiltClock[];
  readonly anomalies: ClockAnomaly[];
}

/** §3.2 step 9: each step runs the same algorithm with its catalogue limit; case pauses overlapping it apply. */
export function buildStepClocks(life: Lifecycle, version: MatterVersion | null, ctx: ClockContext): StepClocks {
  const steps: StepClock[] = [];
  const built: BuiltClock[] = [];
  const anomalies: ClockAnomaly[] = [];
  for (const span of life.steps) {
    const name = stepLabel(span);
    const def = version?.steps.find((s) => s.code === span.stepCode);
    const base = { stepCode: span.stepCode, stepName: span.stepName, stepNo: span.stepNo, occurrence: span.occurrence, startedOn: span.start.date, completedOn: span.end?.date ?? null, eventIds: span.eventIds };
    if (!def) {
      if (version) anomalies.push(anomaly('step-not-in-catalogue', span.start.date, span.eventIds, `step ${span.stepCode} is not among the steps of matter ${version.matterCode} v${version.version}: no step clock`, name));
      steps.push({ ...base, clock: null, overrun: null });
      continue;
    }
    const stop = span.end ?? life.terminal?.point ?? null;
    // Only pauses that overlap the step, in business order: one beginning as the step ends is not its own.
    const pauses = life.pauses.filter((p) => (!stop || p.start.order < stop.order) && (!p.end || p.end.order > span.start.order));
    const b = buildClock({
      name, limit: { value: def.limitWorkingDays, unit: 'working-days' }, limitHow: `limit of step ${def.code} ${def.name} in matter ${version!.matterCode} v${version!.version}`,
      start: span.start, stop, pauses, extensions: [], extensionMax: null,
      restartSupplements: false, instantRule: false, assess: span.end !== null, pending: false, notBefore: null,
    }, ctx);
    built.push(b);
    // IR08 (S12 item 3): a step over its own limit, even inside a case on time.
    steps.push({ ...base, clock: b.clock, overrun: b.clock.usedDays === null || span.end === null ? null : b.clock.usedDays > b.clock.limit });
  }
  return { steps, built, anomalies };
}
