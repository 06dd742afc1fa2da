import { canonicalJson } from '../hash-chain.ts';
import { isCaseEvent, streamFor, type SunlightEvent } from './catalogue.ts';

/**
 * A validated event reduced to what an append needs. Strings only, so it crosses threads
 * cheaply; the HTTP ingest and the importers produce the same thing.
 */
export interface PreparedEvent {
  eventId: string;
  type: string;
  streamId: string;
  /** The reporting department of a case event; null for reference data. */
  deptCode: string | null;
  /** canonicalJson of the validated event: exactly what is stored and hashed. */
  dataJson: string;
}

export function prepareEvent(e: SunlightEvent): PreparedEvent {
  return { eventId: e.eventId, type: e.type, streamId: streamFor(e), deptCode: isCaseEvent(e) ? e.dept.code : null, dataJson: canonicalJson(e) };
}
