import type { CaseEvent } from '../../domain/events/catalogue.ts';
import type { Actor } from './case-builder.ts';
import { beginPause, endPause, extend } from './lifecycle-pauses.ts';
import { usedDays } from './plan-budget.ts';
import type { PausePlan } from './plan.ts';
import { label, variantIs, type CaseRun } from './run.ts';
import { formatInstant } from './time.ts';
import { WITHDRAWAL_REASONS } from './texts.ts';

const LATE_AFTERNOON = 15 * 3600;

/** The catalogue steps 承办 → 审核 → 批准, with pauses, an extension, a withdrawal or forwarding on the way. */
export function handleSteps(run: CaseRun): boolean {
  const { b, plan } = run;
  // A same-day case accepted late starts the next morning, so its steps never crowd into minutes (IR13).
  if (!variantIs(run, 'IR13') && !run.matter.instant && usedDays(plan) === 0 && b.sec > LATE_AFTERNOON) plan.steps[0]!.idle = 1;
  for (let j = 0; j < plan.stepsToRun; j++) {
    if (!runStep(run, j)) return false;
    if (plan.forward && j === 0) return forward(run);
  }
  return true;
}

function runStep(run: CaseRun, j: number): boolean {
  const { b, plan } = run;
  const step = run.matter.version.steps[j]!;
  const sp = plan.steps[j]!;
  const fast = variantIs(run, 'IR13');
  const gap = () => (fast ? b.secondsLater(10, 50) : run.matter.instant ? b.minutesLater(1, 5) : b.minutesLater(5, 60));
  const actor = actorFor(run, step.role);
  const fields = { stepCode: step.code, stepName: step.name, stepNo: j + 1, role: step.role };
  const source = variantIs(run, 'IR16', 'manual-entry') ? 'manual' : 'bl-approval';
  let started: CaseEvent;
  if (j === 0 && run.earlyStep) started = run.earlyStep;
  else {
    if (sp.idle > 0) b.daysLater(sp.idle);
    else gap();
    started = b.emit('StepStarted', fields, actor, { sourceSystem: source });
  }
  const startOrd = b.ord;
  if (plan.extension?.atStep === j) extend(run);
  if (plan.withdraw?.atStep === j) return withdraw(run, plan.withdraw.offset);
  const { pausedDays, remaining } = sp.pause ? pauseWithin(run, sp.pause, startOrd, sp.days) : { pausedDays: 0, remaining: sp.days };
  if (remaining > 0) b.daysLater(remaining);
  else if (fast) gap();
  else b.minutesLater(run.matter.instant ? 8 : 5, run.matter.instant ? 40 : 90);
  const completed = b.emit('StepCompleted', { ...fields, action: actionOf(run, j), opinion: opinionOf(run, j), startedAt: startedAtOf(run, j, started) }, actor, { sourceSystem: source });
  run.ledger.steps.push({ limit: step.limitWorkingDays, startOrd, endOrd: b.ord, pausedDays, startEventId: started.eventId, endEventId: completed.eventId });
  if (variantIs(run, 'IR15') && run.inject!.step === j) label(run, 'IR15', 'step-end-before-start', [completed]);
  faultsOfStep(run, step.role, completed);
  return true;
}

/** A pause `offset` counted days into the step; returns the days it stops the step's clock and the days still to work. */
function pauseWithin(run: CaseRun, pause: PausePlan, stepStart: number, stepDays: number): { pausedDays: number; remaining: number } {
  const { b } = run;
  b.daysLater(pause.offset);
  const pauseStart = b.ord;
  const opened = beginPause(run, pause);
  b.daysLater(pause.length);
  const remaining = stepDays - pause.offset;
  if (pause.open) return { pausedDays: stepStart + stepDays + pause.length - pauseStart, remaining };
  endPause(run, pause, opened, pauseStart);
  return { pausedDays: pause.length, remaining };
}

/** IR02: approval signed by a reviewer, or by the person who handled the case. */
function actorFor(run: CaseRun, role: 'handler' | 'reviewer' | 'approver' | 'other'): Actor {
  const { b } = run;
  if (role === 'approver' && variantIs(run, 'IR02', 'approver-role')) return b.staff('reviewer');
  if (role === 'approver' && variantIs(run, 'IR02', 'same-person')) return { ...b.staff('handler'), role: 'approver' };
  return b.staff(role === 'other' ? 'handler' : role);
}

function faultsOfStep(run: CaseRun, role: string, completed: CaseEvent): void {
  if (role !== 'approver') return;
  if (variantIs(run, 'IR02', 'approver-role')) label(run, 'IR02', 'approver-role', [completed]);
  if (variantIs(run, 'IR02', 'same-person')) label(run, 'IR02', 'same-person', [run.b.events.find((e) => e.type === 'StepCompleted' && e.payload.stepNo === 1), completed]);
}

/** IR15: the step's recorded start lies after its end. */
function startedAtOf(run: CaseRun, j: number, started: CaseEvent): string {
  if (!(variantIs(run, 'IR15') && run.inject!.step === j)) return started.occurredAt;
  return formatInstant(run.b.workdays.date(run.b.ord + 1), 9 * 3600);
}

function actionOf(run: CaseRun, j: number): 'pass' | 'return' | 'other' {
  if (j < run.plan.stepsToRun - 1 || run.plan.forward) return 'pass';
  const r = run.plan.result;
  return r === '7' ? 'other' : r === '1' || r === '2' || r === '3' ? 'return' : 'pass';
}

function opinionOf(run: CaseRun, j: number): string {
  const a = actionOf(run, j);
  return a === 'pass' ? (j === 0 ? '材料齐全，符合条件，拟同意' : '同意') : a === 'other' ? '不符合条件，拟不予许可' : '建议退回';
}

function withdraw(run: CaseRun, offset: number): boolean {
  run.b.daysLater(offset);
  run.b.emit('CaseWithdrawn', { requestedBy: 'applicant', reason: WITHDRAWAL_REASONS[0], resultCode: '1' }, run.b.staff('handler'));
  run.ledger.outcome = 'withdrawn';
  return false;
}

/** ALL Art. 43: the preliminary review goes to the city authority (上报), which ends this case. */
function forward(run: CaseRun): boolean {
  const { b, plan } = run;
  if (plan.forward!.delay > 0) b.daysLater(plan.forward!.delay);
  else b.minutesLater(10, 60);
  const deptShort = b.setup.dept.name.replace(b.county.name, '');
  const e = b.emit('CaseForwarded', { kind: 'report', target: { name: `示范市${deptShort}` }, opinion: '初审通过，同意上报', materials: run.matter.materials }, b.staff('handler'));
  run.ledger.outcome = 'forwarded';
  run.ledger.endOrd = b.ord;
  run.ledger.endEventId = e.eventId;
  if (run.inject?.kind === 'IR10') label(run, 'IR10', run.inject.variant, [run.marks.accepted, e]);
  return false;
}
