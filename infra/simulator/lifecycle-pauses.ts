import type { CaseEvent } from '../../domain/events/catalogue.ts';
import { mobile } from './names.ts';
import type { PausePlan } from './plan.ts';
import { label, type CaseRun } from './run.ts';
import { EXTENSION_REASONS, EXTRA_MATERIALS, SPECIAL_PROCEDURE_REASONS, SUPPLEMENT_REASONS, SUSPENSION_REASONS } from './texts.ts';

function approverOf(run: CaseRun) {
  const a = run.b.staff('approver');
  return { name: a.name, phone: mobile(run.b.rng) };
}

/** E5 (after acceptance), E8 type 2 or E10: the clock stops (domain.md §3.2 step 2). */
export function beginPause(run: CaseRun, pause: PausePlan): CaseEvent {
  const { b } = run;
  const handler = b.staff('handler');
  let e: CaseEvent;
  if (pause.kind === 'supplement') {
    e = b.emit('SupplementRequested', { reason: b.rng.pick(SUPPLEMENT_REASONS), materials: [b.rng.pick(EXTRA_MATERIALS)] }, handler);
  } else if (pause.kind === 'special') {
    e = b.emit(
      'SpecialProcedureStarted',
      {
        procedureNo: ++run.procedureNo,
        kind: '2',
        name: pause.name,
        reason: pause.reason ? (SPECIAL_PROCEDURE_REASONS[pause.name] ?? '依法需履行特别程序。') : undefined,
        content: `${pause.name}，所需时间不计入办理时限（《行政许可法》第四十五条），已书面告知申请人。`,
        approver: pause.approver ? approverOf(run) : undefined,
        limit: { value: pause.limit, unit: 'working-days' },
        startedOn: b.date,
      },
      handler,
    );
  } else {
    const expectedEnd = b.workdays.date(Math.min(b.ord + pause.length, b.workdays.count - 1));
    e = b.emit('CaseSuspended', { reason: pause.reason ? b.rng.pick(SUSPENSION_REASONS) : undefined, approver: pause.approver ? approverOf(run) : undefined, expectedEnd }, handler);
  }
  run.ledger.pauses.push({ startOrd: b.ord, endOrd: null });
  if (pause.open) run.marks.openPause = e;
  if (run.inject?.kind === 'IR06') label(run, 'IR06', run.inject.variant, [e]);
  return e;
}

/** E6, E9 or the resumption: the clock restarts, the resume day not counted (§3.2 step 3). */
export function endPause(run: CaseRun, pause: PausePlan, opened: CaseEvent, startOrd: number): void {
  const { b } = run;
  const handler = b.staff('handler');
  let e: CaseEvent;
  if (pause.kind === 'supplement') {
    e = b.emit('SupplementReceived', { materials: (opened.payload as { materials: { code: string; name: string }[] }).materials, place: '网上补交' }, handler);
  } else if (pause.kind === 'special') {
    const procedureNo = (opened.payload as { procedureNo: number }).procedureNo;
    e = b.emit('SpecialProcedureEnded', { procedureNo, result: `${pause.name}完成`, resultOn: b.date, endedOn: b.date }, handler);
  } else {
    e = b.emit('CaseResumed', { note: '挂起事由消除，恢复办理' }, handler);
  }
  run.ledger.pauses[run.ledger.pauses.length - 1]!.endOrd = b.ord;
  const overlong = pause.kind === 'special' ? b.ord - startOrd > pause.limit : pause.kind === 'suspension' && b.ord - startOrd > 30;
  if (overlong) label(run, 'IR07', run.inject?.variant ?? 'overlong', [opened, e]);
}

/** E8 type 1 and its approval the same day (ALL Art. 42): the limit grows, the clock keeps running. */
export function extend(run: CaseRun): void {
  const { b, plan } = run;
  const ext = plan.extension!;
  b.minutesLater(5, 30);
  const started = b.emit(
    'SpecialProcedureStarted',
    {
      procedureNo: ++run.procedureNo,
      kind: '1',
      name: '延长审批',
      reason: ext.reason ? b.rng.pick(EXTENSION_REASONS) : undefined,
      content: `申请延长审批期限${ext.days}个工作日`,
      approver: approverOf(run),
      limit: { value: ext.days, unit: 'working-days' },
      startedOn: b.date,
    },
    b.staff('handler'),
  );
  b.minutesLater(10, 60);
  b.emit('SpecialProcedureEnded', { procedureNo: run.procedureNo, result: '批准延长', resultOn: b.date, endedOn: b.date }, b.staff('approver'));
  run.ledger.extension = { startOrd: b.ord, days: ext.days };
  if (run.inject?.kind === 'IR18') label(run, 'IR18', run.inject.variant, [started]);
  // An E8 without 理由 is also IR06, whichever kind it is.
  if (!ext.reason) label(run, 'IR06', 'extension-no-reason', [started]);
}
