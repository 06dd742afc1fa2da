import type { CaseEvent } from '../../domain/events/catalogue.ts';

/**
 * JSON.stringify(event), byte for byte, with less work per event: the envelope is written by
 * hand in the builder's property order and only its objects and the payload go through
 * JSON.stringify. Ids, codes and timestamps are generated without characters that need
 * escaping; free-text fields are quoted by JSON.stringify.
 */
export function caseEventJson(e: CaseEvent): string {
  const window = e.windowId === undefined ? '' : `"windowId":${JSON.stringify(e.windowId)},`;
  return (
    `{"eventId":"${e.eventId}","caseId":"${e.caseId}","seq":${e.seq},"occurredAt":"${e.occurredAt}","matterCode":"${e.matterCode}",` +
    `"matterVersion":${e.matterVersion},"dept":${JSON.stringify(e.dept)},${window}"divisionCode":"${e.divisionCode}","channel":"${e.channel}",` +
    `"sourceSystem":${JSON.stringify(e.sourceSystem)},"actor":${JSON.stringify(e.actor)},"dataVersion":${e.dataVersion},"type":"${e.type}","payload":${JSON.stringify(e.payload)}}`
  );
}
