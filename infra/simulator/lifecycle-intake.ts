import { formatInstant } from './time.ts';
import { applicantActor, intakeActor, label, variantIs, windowAt, type CaseRun } from './run.ts';
import { emitRating } from './lifecycle-aftercare.ts';
import { EXTRA_MATERIALS, REFUSAL_REASONS, SUPPLEMENT_REASONS, TERSE_REASONS, UNREQUESTED_MATERIAL, WITHDRAWAL_REASONS } from './texts.ts';

/** ALL Art. 32: accept, refuse or ask for supplements within 5 working days of receipt. */
const DECISION_DAYS = 5;

/** E1 to E3 (or E4, or a withdrawal before acceptance). Returns false when the case ends here. */
export function intake(run: CaseRun): boolean {
  const { b, plan } = run;
  const online = plan.channel === 'online' || plan.channel === 'mobile';
  run.marks.submitted = b.emit('CaseSubmitted', submission(run), run.matter.agencyInitiated ? b.staff('handler') : applicantActor(run), windowAt(run));
  if (variantIs(run, 'IR16', 'window-submission')) label(run, 'IR16', 'window-submission', [run.marks.submitted]);
  if (plan.preReview) {
    b.minutesLater(10, 90);
    b.emit('CasePreReviewed', { status: plan.preSupplement ? 'supplement' : 'pass', place: '白鹭县政务服务网' }, b.staff('handler'));
  }
  if (plan.decisionDelay > 0) b.daysLater(plan.decisionDelay);
  else b.minutesLater(online ? 20 : 3, online ? 120 : 15);
  if (plan.refuse) return refuse(run);
  if (plan.preSupplement && !supplementBeforeAcceptance(run)) return false;
  if (variantIs(run, 'IR02', 'step-before-acceptance')) {
    const step = run.matter.version.steps[0]!;
    run.earlyStep = b.emit('StepStarted', { stepCode: step.code, stepName: step.name, stepNo: 1, role: step.role }, b.staff('handler'));
    b.minutesLater(5, 20);
  }
  accept(run);
  if (run.earlyStep) label(run, 'IR02', 'step-before-acceptance', [run.earlyStep, run.marks.accepted]);
  if (plan.visitRating !== null) emitRating(run, plan.visitRating, 'window-device', 'per-visit');
  return true;
}

function submission(run: CaseRun) {
  const m = run.matter;
  const enterprise = run.applicant.kind === 'enterprise';
  return {
    applicant: run.applicant,
    matterName: m.version.name,
    projectName: enterprise && m.version.matterType === '01' ? `${run.applicant.name}${m.version.name}项目` : undefined,
    materials: m.materials,
    servicePoint: run.window ? `${run.window.record.centreName}${run.window.record.name}` : '白鹭县政务服务网',
    originalCaseId: run.originalCaseId,
    firstResponderId: run.window ? intakeActor(run).staffNo : undefined,
  };
}

function refuse(run: CaseRun): boolean {
  const { b, plan } = run;
  const short = plan.refuse!.reason === 'short';
  const reason = short ? b.rng.pick(TERSE_REASONS) : b.rng.pick(REFUSAL_REASONS);
  run.marks.refused = b.emit('AcceptanceRefused', { refusalReason: reason, legalBasis: short ? undefined : '《中华人民共和国行政许可法》第三十二条', appealRightsNotified: !short, documentNo: `${b.county.prefix}BSL${b.setup.caseIndex}` }, intakeActor(run), windowAt(run));
  if (short) label(run, 'IR01', 'refusal-reason', [run.marks.refused]);
  run.ledger.outcome = 'refused';
  return false;
}

/** E5 on the decision day (twice for IR04), then E6 on the applicant's return and E3 the same day. */
function supplementBeforeAcceptance(run: CaseRun): boolean {
  const { b, plan } = run;
  const s = plan.preSupplement!;
  const requested = [b.rng.pick(EXTRA_MATERIALS)];
  const first = b.emit('SupplementRequested', { reason: b.rng.pick(SUPPLEMENT_REASONS), materials: requested }, intakeActor(run), windowAt(run));
  let second = first;
  if (s.notices > 1) {
    b.daysLater(1);
    second = b.emit('SupplementRequested', { reason: '经复核，还需补充以下材料。', materials: [EXTRA_MATERIALS.find((x) => x !== requested[0])!] }, intakeActor(run), windowAt(run));
    label(run, 'IR04', 'second-notice', [first, second]);
  }
  b.daysLater(s.returnDelay, 16 * 3600);
  if (plan.withdraw?.atStep === -1) {
    b.emit('CaseWithdrawn', { requestedBy: 'department', reason: WITHDRAWAL_REASONS[1], resultCode: '2' }, intakeActor(run), windowAt(run));
    run.ledger.outcome = 'withdrawn';
    return false;
  }
  const materials = s.extraMaterial ? [...requested, UNREQUESTED_MATERIAL] : second === first ? requested : [...requested, ...(second.payload as { materials: typeof requested }).materials];
  const received = b.emit('SupplementReceived', { materials, place: run.window ? run.window.record.name : '网上补交' }, intakeActor(run), windowAt(run));
  if (s.extraMaterial) label(run, 'IR05', 'unrequested-material', [first, received]);
  b.minutesLater(10, 60);
  return true;
}

function accept(run: CaseRun): void {
  const { b, matter } = run;
  const v = matter.version;
  const promised = v.promisedLimit.value;
  const manual = variantIs(run, 'IR16', 'manual-entry');
  run.marks.accepted = b.emit(
    'CaseAccepted',
    {
      receiptNo: `${b.county.prefix}SL${b.date.replaceAll('-', '')}${String(b.setup.caseIndex).padStart(7, '0')}`,
      limit: { value: promised, unit: 'working-days' },
      promisedBy: formatInstant(b.workdays.date(b.ord + promised), 86399),
      feeStandard: v.feeItems[0]?.standardAmount,
      materials: matter.materials,
      place: run.window ? `${run.window.record.centreName}${run.window.record.name}` : '网上受理',
    },
    intakeActor(run),
    { windowId: run.window?.record.windowId, sourceSystem: manual ? 'manual' : 'bl-approval' },
  );
  const submittedOrd = b.ord - b.workdays.ordOf(run.marks.submitted!.occurredAt.slice(0, 10))!;
  // Deemed acceptance (ALL Art. 32): with no decision within 5 working days the clock starts at receipt.
  const deemed = !run.plan.preSupplement && submittedOrd > DECISION_DAYS;
  run.ledger.anchorOrd = deemed ? b.ord - submittedOrd : b.ord;
  run.ledger.anchorEventId = (deemed ? run.marks.submitted! : run.marks.accepted).eventId;
  if (deemed) label(run, 'IR03', 'late-decision', [run.marks.submitted, run.marks.accepted]);
  if (manual) label(run, 'IR16', 'manual-entry', [run.marks.accepted]);
}
