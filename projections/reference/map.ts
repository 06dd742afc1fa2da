import { addDays, weekday } from '../../domain/calendar/index.ts';
import type { ReferenceEvent } from '../../domain/events/catalogue.ts';
import type { RecordedEvent } from '../../infra/event-store/port.ts';
import type { TableRows } from '../projection.ts';

/** Reference events → rows of the reference tables. Pure. */
export function referenceRows(recorded: RecordedEvent, out: TableRows): void {
  const e = recorded.data as ReferenceEvent;
  const position = recorded.position.toString();
  switch (e.type) {
    case 'MatterVersionPublished': {
      const m = e.payload;
      out.matters!.push({
        matter_code: m.matterCode, version: m.version, name: m.name, matter_type: m.matterType, level: m.level, dept_code: m.deptCode,
        statutory_limit: m.statutoryLimit.value, statutory_unit: m.statutoryLimit.unit, promised_limit: m.promisedLimit.value, promised_unit: m.promisedLimit.unit,
        case_kind: m.caseKind, charges: m.charges ? 1 : 0, online: m.online ? 1 : 0, online_required: m.onlineRequired ? 1 : 0, joint_handling: m.jointHandling ? 1 : 0,
        allowed_special_procedures: m.allowedSpecialProcedures, steps: JSON.stringify(m.steps), fee_items: JSON.stringify(m.feeItems),
        valid_from: m.validFrom, valid_to: m.validTo ?? null, position,
      });
      return;
    }
    case 'DepartmentRegistered':
      out.departments!.push({ code: e.payload.code, name: e.payload.name, division_code: e.payload.divisionCode, parent_code: e.payload.parentCode ?? '', position });
      return;
    case 'WindowRegistered': {
      const w = e.payload;
      out.windows!.push({ window_id: w.windowId, name: w.name, centre_name: w.centreName, level: w.level, division_code: w.divisionCode, comprehensive: w.comprehensive ? 1 : 0, dept_codes: w.deptCodes, matter_codes: w.matterCodes, position });
      return;
    }
    case 'CalendarPublished':
      out.calendar_days!.push(...calendarDays(e.payload, position));
      return;
    default: {
      const never: never = e;
      return never;
    }
  }
}

function calendarDays(c: { year: number; holidays: readonly { name: string; from: string; to: string }[]; extraWorkdays: readonly string[]; source: string }, position: string) {
  const holiday = new Map<string, string>();
  for (const h of c.holidays) for (let d = h.from; d <= h.to; d = addDays(d, 1)) holiday.set(d, h.name);
  const extra = new Set(c.extraWorkdays);
  const rows = [];
  for (let d = `${c.year}-01-01`; d <= `${c.year}-12-31`; d = addDays(d, 1)) {
    const weekend = weekday(d) >= 6;
    const kind = extra.has(d) ? 'make-up' : holiday.has(d) ? 'holiday' : weekend ? 'weekend' : 'weekday';
    rows.push({ day: d, year: c.year, working: kind === 'make-up' || kind === 'weekday' ? 1 : 0, kind, holiday: holiday.get(d) ?? '', source: c.source, position });
  }
  return rows;
}
