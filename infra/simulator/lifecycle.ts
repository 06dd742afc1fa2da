import type { Applicant } from '../../domain/events/case/case-submitted.ts';
import type { CaseEvent } from '../../domain/events/catalogue.ts';
import { applicantFor } from './applicant.ts';
import { CaseBuilder, type Channel } from './case-builder.ts';
import type { County } from './county.ts';
import type { EventIds } from './ids.ts';
import { chooseInjection } from './irregularities.ts';
import { injectIntoPlan, type Inject } from './inject-plan.ts';
import { truthOf, type CaseTruth } from './labels.ts';
import { newLedger } from './ledger.ts';
import { aftercare, complain } from './lifecycle-aftercare.ts';
import { conclude } from './lifecycle-closing.ts';
import { handleSteps } from './lifecycle-handling.ts';
import { intake } from './lifecycle-intake.ts';
import { basePlan, type Plan } from './plan.ts';
import type { Injection, Rates } from './rates.ts';
import { Rng } from './rng.ts';
import { label, type CaseRun } from './run.ts';
import { epochMs, type Workdays } from './time.ts';

/** One simulated case: its events in sequence order, its ground truth, and when a live feed sends each. */
export interface SimulatedCase {
  events: CaseEvent[];
  truth: CaseTruth;
  /** Epoch ms per event, non-decreasing: business time, or later for batch back-entry (IR14). */
  sendAt: number[];
  /** Epoch ms before which no case yielded after this one sends anything: the primary case's arrival. */
  horizon: number;
}

export interface SimContext {
  seed: number;
  county: County;
  workdays: Workdays;
  rates: Rates;
  ids: EventIds;
  eligible: Map<Injection, number[]>;
}

/** Everything that happens to the case arriving `caseIndex`-th, plus a follow-up case for IR19. */
export function simulateCase(ctx: SimContext, caseIndex: number, arrival: { ord: number; sec: number }): SimulatedCase[] {
  const rng = new Rng(ctx.seed, caseIndex + 1);
  const kind = chooseInjection(rng, ctx.rates);
  const matterIndex = rng.weighted(kind ? ctx.eligible.get(kind)! : ctx.county.popularity);
  const matter = ctx.county.matters[matterIndex]!;
  const plan = basePlan(rng, ctx.rates, matter, ...chooseChannel(rng, ctx, matterIndex, false));
  const inject = kind ? injectIntoPlan(rng, kind, plan, matter) : null;
  if (inject?.variant === 'window-submission') {
    [plan.channel, plan.windowIndex] = chooseChannel(rng, ctx, matterIndex, true);
    Object.assign(plan, { preReview: false, decisionDelay: 0 });
  }
  const applicant = applicantFor(rng, ctx.county, caseIndex, matter);
  const caseId = `${ctx.county.prefix}-${ctx.workdays.date(arrival.ord).slice(0, 4)}-S${ctx.seed}-${String(caseIndex + 1).padStart(7, '0')}`;
  const run = render(ctx, rng, { caseId, caseIndex, eventNoBase: 0, matterIndex, plan, inject, applicant, arrival, originalCaseId: undefined });
  const out = [run];
  if (inject?.variant === 'resubmitted-and-accepted') out.push(resubmission(ctx, rng, run, matterIndex));
  if (inject?.variant === 'complaint-upheld') label(run, 'IR19', inject.variant, [run.marks.refused, complain(run, rng.int(1, 5), rng.int(1, 8), true)]);
  if (inject?.kind === 'IR14') batchEntry(ctx, rng, run);
  const horizon = epochMs(ctx.workdays.dayNumber(arrival.ord), arrival.sec);
  return out.map((r) => finish(ctx, r, horizon));
}

interface RenderInput {
  caseId: string;
  caseIndex: number;
  eventNoBase: number;
  matterIndex: number;
  plan: Plan;
  inject: Inject | null;
  applicant: Applicant;
  arrival: { ord: number; sec: number };
  originalCaseId: string | undefined;
}

function render(ctx: SimContext, rng: Rng, input: RenderInput): CaseRun {
  const { county } = ctx;
  const matter = county.matters[input.matterIndex]!;
  const v = matter.version;
  const window = input.plan.windowIndex >= 0 ? county.windows[input.plan.windowIndex] : undefined;
  const setup = { caseId: input.caseId, caseIndex: input.caseIndex, eventNoBase: input.eventNoBase, matter, dept: county.departments[matter.deptIndex]!, channel: input.plan.channel, windowId: window?.record.windowId };
  const ledger = newLedger(matter.instant, v.promisedLimit.value, v.statutoryLimit.value, v.jointHandling === true);
  const b = new CaseBuilder(setup, rng, ctx.workdays, ctx.ids, county, ledger, input.arrival);
  const run: CaseRun = { b, plan: input.plan, inject: input.inject, matter, applicant: input.applicant, window, ledger, marks: {}, earlyStep: null, procedureNo: 0, actors: {}, originalCaseId: input.originalCaseId };
  if (intake(run) && handleSteps(run)) {
    conclude(run);
    aftercare(run);
  }
  return run;
}

/** IR19: the refused applicant comes back within days with the same materials and is accepted. */
function resubmission(ctx: SimContext, rng: Rng, refused: CaseRun, matterIndex: number): CaseRun {
  const matter = ctx.county.matters[matterIndex]!;
  const plan = basePlan(rng, ctx.rates, matter, ...chooseChannel(rng, ctx, matterIndex, false));
  Object.assign(plan, { refuse: null, withdraw: null, preSupplement: null, decisionDelay: Math.min(plan.decisionDelay, 2) });
  const arrival = { ord: refused.b.ord + rng.int(1, 5), sec: rng.int(9 * 3600, 16 * 3600) };
  const caseId = `${refused.b.setup.caseId}-R`;
  const again = render(ctx, rng, { caseId, caseIndex: refused.b.setup.caseIndex, eventNoBase: 0x8000, matterIndex, plan, inject: null, applicant: refused.applicant, arrival, originalCaseId: refused.b.setup.caseId });
  label(refused, 'IR19', 'resubmitted-and-accepted', [refused.marks.refused, again.marks.submitted, again.marks.accepted]);
  refused.ledger.relatedCaseIds.push(caseId);
  return again;
}

/** IR14: a vertically managed unit enters the whole case days after it ended [S31]. */
function batchEntry(ctx: SimContext, rng: Rng, run: CaseRun): void {
  const ord = run.b.ord + rng.int(2, 5);
  run.ledger.deliverAt = epochMs(ctx.workdays.dayNumber(ord), rng.int(9 * 3600, 11 * 3600));
  label(run, 'IR14', 'batch-entry', run.b.events);
  // The same back-filling is IR13's third clause ("E1–E13 recordedAt identical in one batch") for a
  // commitment case with at least two human steps that reached its conclusion.
  const v = run.matter.version;
  const humanSteps = v.steps.filter((s) => s.role === 'handler' || s.role === 'reviewer' || s.role === 'approver').length;
  const ends = run.b.events.some((e) => e.type === 'CaseSubmitted') && run.b.events.some((e) => e.type === 'CaseConcluded');
  if (v.caseKind === 'commitment' && humanSteps >= 2 && ends) label(run, 'IR13', 'batch', run.b.events.filter((e) => e.type !== 'ResultDelivered' && e.type !== 'RatingSubmitted'));
}

function finish(ctx: SimContext, run: CaseRun, horizon: number): SimulatedCase {
  const { b, ledger } = run;
  const sendAt = new Array<number>(b.times.length);
  let max = 0;
  for (let i = 0; i < b.times.length; i++) sendAt[i] = max = Math.max(max, ledger.deliverAt ?? 0, b.times[i]!);
  return { events: b.events, truth: truthOf(b.setup.caseId, run.matter.version.matterCode, ledger, ctx.workdays), sendAt, horizon };
}

function chooseChannel(rng: Rng, ctx: SimContext, matterIndex: number, forceWindow: boolean): [Channel, number] {
  const m = ctx.county.matters[matterIndex]!;
  if (m.agencyInitiated) return ['other', -1];
  const c = ctx.rates.channel;
  const cumulative = [c.window, c.window + c.online, c.window + c.online + c.mobile, c.window + c.online + c.mobile + c.post];
  let channel: Channel = forceWindow ? 'window' : m.version.onlineRequired ? (rng.chance(0.7) ? 'online' : 'mobile') : CHANNELS[rng.weighted(cumulative)]!;
  if (!m.version.online && (channel === 'online' || channel === 'mobile')) channel = 'window';
  const windows = ctx.county.windowsOfMatter[matterIndex]!;
  if (channel !== 'window' || windows.length === 0) return [channel === 'window' ? 'post' : channel, -1];
  // A third of window applicants use their town's 便民服务中心 when it takes the matter in.
  const town = windows.filter((w) => ctx.county.windows[w]!.record.level === '5');
  const centre = windows.filter((w) => ctx.county.windows[w]!.record.level === '4');
  return ['window', town.length > 0 && (centre.length === 0 || rng.chance(0.35)) ? rng.pick(town) : rng.pick(centre)];
}

const CHANNELS = ['window', 'online', 'mobile', 'post'] as const;
