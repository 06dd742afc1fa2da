import type { CaseEvent } from '../../domain/events/catalogue.ts';

const JSON_TEXT = Symbol('json');
type Memo = { [JSON_TEXT]?: string };
const deptJson = 0;
const actorJson = 0;

function cached(_: number, value: object): string {
  const memo = value as Memo;
  return (memo[JSON_TEXT] ??= JSON.stringify(value));
}

/**
 * JSON.stringify(event), byte for byte, about twice as fast: the envelope is written by hand in
 * the builder's property order, and the department and actor objects a case shares are
 * serialised once. Only the payload goes through JSON.stringify. Ids, codes and timestamps are
 * generated without characters that need escaping; free-text fields are quoted by JSON.stringify.
 */
export function caseEventJson(e: CaseEvent): string {
  const window = e.windowId === undefined ? '' : `"windowId":${JSON.stringify(e.windowId)},`;
  return (
    `{"eventId":"${e.eventId}","caseId":"${e.caseId}","seq":${e.seq},"occurredAt":"${e.occurredAt}","matterCode":"${e.matterCode}",` +
    `"matterVersion":${e.matterVersion},"dept":${cached(deptJson, e.dept)},${window}"divisionCode":"${e.divisionCode}","channel":"${e.channel}",` +
    `"sourceSystem":${JSON.stringify(e.sourceSystem)},"actor":${cached(actorJson, e.actor)},"dataVersion":${e.dataVersion},"type":"${e.type}","payload":${JSON.stringify(e.payload)}}`
  );
}
