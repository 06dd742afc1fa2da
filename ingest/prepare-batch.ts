import { prepareEvent, type PreparedEvent } from '../domain/events/prepared-event.ts';
import { parseJsonBody, parseNdjsonBody } from './body.ts';
import { HttpError, tooLarge, badRequest, type Problem } from './errors.ts';
import { validateEvents } from '../domain/events/validate.ts';

export type BodyKind = 'json' | 'ndjson';

export type { PreparedEvent };

export type PreparedBatch =
  | { ok: true; events: PreparedEvent[]; lines?: number[] }
  | { ok: false; status: number; code: string; message: string; problems?: Problem[] };

/**
 * Raw body → validated, canonicalised events, or the reasons the whole request is refused.
 * Pure and self-contained, so it can run on a worker thread as well as inline.
 */
export function prepareBatch(raw: string | Uint8Array, kind: BodyKind, maxEvents: number): PreparedBatch {
  try {
    const { items, lines } = itemsOf(typeof raw === 'string' ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8'), kind);
    if (items.length > maxEvents) {
      throw tooLarge(`The request holds ${items.length} events; the limit is ${maxEvents} per request. Split it into smaller batches. Nothing was stored.`);
    }
    const { events, problems } = validateEvents(items, lines);
    if (problems.length > 0) {
      const bad = new Set(problems.map((p) => p.index)).size;
      throw badRequest(`${bad} of ${items.length} events are malformed. Nothing of this request was stored; fix them and send the whole request again.`, problems);
    }
    const prepared = events.map(prepareEvent);
    return lines ? { ok: true, events: prepared, lines } : { ok: true, events: prepared };
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return { ok: false, status: error.statusCode, code: error.code, message: error.message, ...(error.problems && { problems: error.problems }) };
  }
}

function itemsOf(raw: string, kind: BodyKind): { items: unknown[]; lines?: number[] } {
  if (kind === 'ndjson') return parseNdjsonBody(raw);
  const body = parseJsonBody(raw);
  if (Array.isArray(body)) {
    if (body.length === 0) throw badRequest('The array holds no event. Nothing was stored.');
    return { items: body };
  }
  return { items: [body] };
}
