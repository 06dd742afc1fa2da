import type { CaseClock, StepClock, TimeClock } from '../../domain/clock/index.ts';
import type { CaseEvent } from '../../domain/events/catalogue.ts';
import { chInstant } from '../../infra/clickhouse/insert.ts';

const instant = (i: string | null | undefined) => (i ? chInstant(i) : null);
const excluded = (c: TimeClock | null) => (c?.pauses ?? []).reduce((n, p) => n + (p.excludedDays ?? 0), 0);

/** A case's row: its identity from its events, its state and figures from its clock. Pure. */
export function caseRow(clock: CaseClock, events: readonly CaseEvent[], version: bigint) {
  const first = events.find((e) => e.type === 'CaseSubmitted') ?? events[0]!;
  const latest = events.at(-1)!;
  const concluded = events.findLast((e) => e.type === 'CaseConcluded');
  const fees = events.reduce((sum, e) => (e.type === 'FeeCharged' ? sum + Math.round(e.payload.amount * 100) : sum), 0);
  const p = clock.promised;
  const s = clock.statutory;
  return {
    case_id: clock.caseId, matter_code: latest.matterCode, matter_version: clock.matter.version, matter_source: clock.matter.source,
    dept_code: latest.dept.code, dept_name: latest.dept.name, window_id: first.windowId ?? '', division_code: first.divisionCode,
    channel: first.channel, online: first.type === 'CaseSubmitted' && (first.channel === 'online' || first.channel === 'mobile') ? 1 : 0,
    status: clock.status, kind: clock.kind, submitted_on: clock.submittedOn, accepted_on: clock.acceptedOn,
    acceptance_basis: clock.acceptance?.basis ?? '', deemed_state: clock.deemedAcceptance.state, deemed_at: instant(clock.deemedAcceptance.deemedAt),
    promised_state: p?.state ?? '', promised_limit: p?.baseLimit ?? null, promised_unit: p?.unit ?? '', extension_days: p?.extensionDays ?? 0,
    due_date: p?.dueDate ?? null, warn_at: instant(p?.warnAt), due_at: instant(p?.dueAt), overdue_at: instant(p?.overdueAt),
    consumed_days: p?.consumedDays ?? 0, used_days: p?.usedDays ?? null, overrun_days: p?.overrunDays ?? null, classification: p?.classification ?? '',
    paused_days: excluded(p), pause_count: p?.pauses.length ?? 0,
    statutory_state: s?.state ?? '', statutory_limit: s?.limit ?? null, statutory_due_date: s?.dueDate ?? null,
    statutory_warn_at: instant(s?.warnAt), statutory_overdue_at: instant(s?.overdueAt), statutory_used_days: s?.usedDays ?? null,
    statutory_classification: s?.classification ?? '',
    ended_on: clock.endedOn, ended_by: clock.endedBy?.type ?? '', ended_at: instant(clock.endedBy?.at),
    result_code: concluded?.type === 'CaseConcluded' ? concluded.payload.resultCode : '', fee_total: (fees / 100).toFixed(2),
    event_count: events.length, anomalies: clock.anomalies.map((a) => a.code),
    anomaly_details: JSON.stringify(clock.anomalies.map(({ code, on, eventIds, clock: c }) => ({ code, on, eventIds, clock: c }))), calendar_fallback: clock.calendar?.fallback ? 1 : 0,
    version: version.toString(),
  };
}

export function stepRow(caseId: string, deptCode: string, step: StepClock, version: bigint) {
  const c = step.clock;
  return {
    case_id: caseId, step_code: step.stepCode, occurrence: step.occurrence, step_no: step.stepNo, step_name: step.stepName, dept_code: deptCode,
    started_on: step.startedOn, completed_on: step.completedOn, step_limit: c?.limit ?? null, due_date: c?.dueDate ?? null,
    warn_at: instant(c?.warnAt), overdue_at: instant(c?.overdueAt), used_days: c?.usedDays ?? null,
    overrun: step.overrun === null ? null : step.overrun ? 1 : 0, classification: c?.classification ?? '', version: version.toString(),
  };
}
