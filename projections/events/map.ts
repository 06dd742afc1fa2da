import type { CaseEvent } from '../../domain/events/catalogue.ts';
import { maskEvent } from '../../domain/privacy/mask.ts';
import { chInstant } from '../../infra/clickhouse/insert.ts';
import type { RecordedEvent } from '../../infra/event-store/port.ts';

/**
 * One row per case event. The payload is stored masked: dashboards and analysts read ClickHouse
 * directly, and only auditors, through the API, may see personal data in clear (domain.md §7).
 */
export function eventRow(recorded: RecordedEvent) {
  const e = recorded.data as CaseEvent;
  const masked = maskEvent(e) as CaseEvent;
  return {
    position: recorded.position.toString(),
    stream_id: recorded.streamId,
    revision: recorded.revision.toString(),
    event_id: recorded.eventId,
    case_id: e.caseId,
    type: e.type,
    seq: e.seq,
    occurred_at: chInstant(e.occurredAt),
    recorded_at: chInstant(recorded.recordedAt),
    matter_code: e.matterCode,
    matter_version: e.matterVersion,
    dept_code: e.dept.code,
    dept_name: e.dept.name,
    window_id: e.windowId ?? '',
    division_code: e.divisionCode,
    channel: e.channel,
    source_system: e.sourceSystem,
    actor_name: masked.actor.name,
    actor_staff_no: masked.actor.staffNo ?? '',
    actor_role: e.actor.role,
    data_version: e.dataVersion,
    payload: JSON.stringify(masked.payload),
    hash: recorded.hash,
  };
}
