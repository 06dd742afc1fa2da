import type { FastifyInstance } from 'fastify';
import { streamFor, type SunlightEvent } from '../../domain/events/catalogue.ts';
import type { AppendRequest, AppendResult } from '../../infra/event-store/port.ts';
import { requireRole } from '../auth.ts';
import { appendPermissionProblems } from '../authorize-events.ts';
import { isNdjsonBody } from '../body.ts';
import { badRequest, forbidden, tooLarge } from '../errors.ts';
import { validateEvents } from '../validate-events.ts';
import type { IngestDeps } from '../deps.ts';

/**
 * POST /v1/events: one event, a JSON array, or NDJSON. All or nothing: the whole request is one
 * atomic append, so a 4xx or 5xx always means nothing of it was stored.
 */
export function appendEventsRoute(app: FastifyInstance, deps: IngestDeps): void {
  app.post('/v1/events', {
    schema: {
      summary: 'Append case events or reference data',
      description:
        'Body: one event object, a JSON array of events, or NDJSON (Content-Type application/x-ndjson, one event per line). ' +
        'The request is stored entirely or not at all. Events whose eventId is already stored with the same content are acknowledged as duplicates. ' +
        'The server sets recordedAt.',
      tags: ['ingest'],
      security: [{ bearer: [] }],
    },
    handler: async (request, reply) => {
      const principal = requireRole(request, ['department', 'admin']);
      const { items, lines } = batchOf(request.body);
      if (items.length > deps.limits.maxEvents) {
        throw tooLarge(`The request holds ${items.length} events; the limit is ${deps.limits.maxEvents} per request. Split it into smaller batches. Nothing was stored.`);
      }
      const { events, problems } = validateEvents(items, lines);
      if (problems.length > 0) {
        throw badRequest(`${countEvents(problems)} of ${items.length} events are malformed. Nothing of this request was stored; fix them and send the whole request again.`, problems);
      }
      const denied = appendPermissionProblems(principal, events, lines);
      if (denied.length > 0) throw forbidden('This token may not append some of these events. Nothing of this request was stored.', denied);

      const results = await deps.store.appendMany(groupByStream(events, deps.now().toISOString()));
      const appended = sum(results, (r) => r.appended);
      return reply.code(appended > 0 ? 201 : 200).send(receipt(results, events.length));
    },
  });
}

function batchOf(body: unknown): { items: unknown[]; lines?: number[] } {
  if (isNdjsonBody(body)) return body;
  if (Array.isArray(body)) {
    if (body.length === 0) throw badRequest('The array holds no event. Nothing was stored.');
    return { items: body };
  }
  if (body === undefined) throw badRequest('The request body is empty. Nothing was stored.');
  return { items: [body] };
}

/** Keeps each stream's events in request order; streams in order of first appearance. */
function groupByStream(events: SunlightEvent[], recordedAt: string): AppendRequest[] {
  const byStream = new Map<string, AppendRequest>();
  for (const event of events) {
    const streamId = streamFor(event);
    let req = byStream.get(streamId);
    if (!req) byStream.set(streamId, (req = { streamId, events: [], expectedRevision: 'any' }));
    // Facts are appended whatever the stream holds: ordering problems are for the rules to flag.
    req.events.push({ eventId: event.eventId, type: event.type, data: event, recordedAt });
  }
  return [...byStream.values()];
}

function receipt(results: AppendResult[], received: number) {
  return {
    received,
    appended: sum(results, (r) => r.appended),
    duplicates: results.flatMap((r) => r.duplicates),
    streams: results.map((r) => ({ streamId: r.streamId, revision: Number(r.nextRevision), appended: r.appended, position: r.position === null ? null : Number(r.position) })),
  };
}

const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((a, x) => a + f(x), 0);
const countEvents = (problems: { index?: number }[]) => new Set(problems.map((p) => p.index)).size;
