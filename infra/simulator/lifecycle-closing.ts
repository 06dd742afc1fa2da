import type { CaseEvent } from '../../domain/events/catalogue.ts';
import { approvedCode, type ResultCode } from './plan.ts';
import { intakeActor, label, variantIs, windowAt, type CaseRun } from './run.ts';
import { DELETE_REASONS, DENIAL_REASONS, RETURN_REASONS, VOID_REASONS } from './texts.ts';

const REASONS: Record<string, readonly string[]> = { '1': RETURN_REASONS, '2': VOID_REASONS, '3': DELETE_REASONS, '7': DENIAL_REASONS };

/** Fees (between acceptance and conclusion), then E13, and a silent rewrite of it for IR20. */
export function conclude(run: CaseRun): void {
  const { b, plan } = run;
  const fen = chargeFees(run);
  if (plan.finalIdle > 0) b.daysLater(plan.finalIdle);
  else if (variantIs(run, 'IR13')) b.secondsLater(10, 50);
  else b.minutesLater(5, 45);
  const mismatch = variantIs(run, 'IR12', 'total-mismatch') ? Math.round(run.matter.version.feeItems[0]!.standardAmount * 100) : 0;
  const e = b.emit('CaseConcluded', conclusion(run, plan.result, fen + mismatch), run.matter.instant ? b.staff('handler') : b.staff('approver'));
  run.marks.concluded = e;
  run.ledger.endOrd = b.ord;
  run.ledger.endEventId = e.eventId;
  if (!plan.resultReason) label(run, 'IR01', 'conclusion-reason', [e]);
  if (variantIs(run, 'IR02', 'missing-step')) label(run, 'IR02', 'missing-step', [e]);
  if (variantIs(run, 'IR07', 'open-at-conclusion')) label(run, 'IR07', 'open-at-conclusion', [run.marks.openPause, e]);
  if (mismatch > 0) label(run, 'IR12', 'total-mismatch', [...b.events.filter((x) => x.type === 'FeeCharged'), e]);
  if (variantIs(run, 'IR13')) label(run, 'IR13', 'too-fast', b.events.filter((x) => x.seq >= run.marks.accepted!.seq));
  if (variantIs(run, 'IR20')) rewrite(run, e);
}

function conclusion(run: CaseRun, code: ResultCode, fen: number) {
  const { b, matter } = run;
  const needsReason = code in REASONS;
  const certified = code === '0';
  return {
    resultCode: code,
    description: needsReason && !run.plan.resultReason ? undefined : certified || code === '6' ? `准予办理，出具${matter.resultName}` : '办理完毕',
    reason: needsReason && run.plan.resultReason ? b.rng.pick(REASONS[code]!) : undefined,
    certificate: certified ? { name: matter.resultName, number: `${b.county.prefix}${b.setup.dept.abbr}${b.date.slice(0, 4)}${String(b.setup.caseIndex).padStart(7, '0')}`, validUntil: matter.version.matterType === '01' ? `${Number(b.date.slice(0, 4)) + 5}${b.date.slice(4)}` : undefined } : undefined,
    issuer: certified ? b.setup.dept.name : undefined,
    feeTotal: fen > 0 ? fen / 100 : undefined,
    currency: fen > 0 ? ('CNY' as const) : undefined,
  };
}

/** IR20: a second version of the conclusion, sent later with a higher 数据版本号, flips a denial to approval. */
function rewrite(run: CaseRun, original: CaseEvent): void {
  const code = approvedCode(run.matter);
  const e = run.b.emit('CaseConcluded', conclusion(run, code, 0), run.b.staff('approver'));
  (e as { dataVersion: number }).dataVersion = 2;
  label(run, 'IR20', 'result-rewritten', [original, e]);
}

/** E11 per catalogue fee item, charged on approval (ALL Arts. 58–59); IR12 variants corrupt one. */
function chargeFees(run: CaseRun): number {
  const { b, matter } = run;
  const variant = run.inject?.kind === 'IR12' ? run.inject.variant : null;
  const approved = run.plan.result === '0' || run.plan.result === '6';
  if (!approved || (!matter.version.charges && variant === null)) return 0;
  if (variant === 'fee-not-chargeable') return charge(run, 'F01', 1, 2000, 'fee-not-chargeable');
  let total = 0;
  matter.version.feeItems.forEach((item, i) => {
    if (i > 0 && !b.rng.chance(0.3)) return;
    const first = i === 0 ? variant : null;
    const max = item.maxQuantity;
    const qty = first === 'over-quantity' ? max + 1 : max === 1 ? 1 : b.rng.int(1, Math.min(max, 3000));
    const fen = Math.round(item.standardAmount * 100) * qty * (first === 'over-standard' ? 2 : 1);
    total += charge(run, item.code, qty, fen, first === 'over-standard' || first === 'over-quantity' ? first : null);
  });
  if (variant === 'unknown-item') total += charge(run, 'F09', 1, 5000, 'unknown-item');
  return total;
}

function charge(run: CaseRun, code: string, quantity: number, fen: number, fault: string | null): number {
  const { b } = run;
  if (variantIs(run, 'IR13')) b.secondsLater(5, 30);
  else b.minutesLater(2, 20);
  const e = b.emit(
    'FeeCharged',
    { receiptNo: `${b.county.prefix}JK${b.setup.caseIndex}-${code}`, amount: fen / 100, currency: 'CNY', feeItemCode: code, quantity, payerName: run.applicant.name, collector: intakeActor(run).name },
    intakeActor(run),
    windowAt(run),
  );
  if (fault) label(run, 'IR12', fault, [e]);
  return fen;
}
