import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { sunlightEventSchema } from '../../domain/events/catalogue.ts';
import type { AppendRequest, AppendResult } from '../../infra/event-store/port.ts';
import { requireRole } from '../auth.ts';
import { appendPermissionProblems } from '../authorize-events.ts';
import { isRawBody } from '../body.ts';
import { badRequest, forbidden, HttpError } from '../errors.ts';
import type { PreparedEvent } from '../prepare-batch.ts';
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
      // Documents the event shapes in the OpenAPI document. Validation itself happens in
      // prepareBatch, which reports every problem of every event rather than the first.
      body: z.union([sunlightEventSchema, z.array(sunlightEventSchema)]),
    },
    validatorCompiler: () => (value) => ({ value }),
    config: { rawEventBody: true },
    handler: async (request, reply) => {
      const principal = requireRole(request, ['department', 'admin']);
      if (!isRawBody(request.body)) throw badRequest('The request body is empty. Nothing was stored.');
      const batch = await deps.preparer.prepare(request.body.raw, request.body.kind, deps.limits.maxEvents);
      if (!batch.ok) throw new HttpError(batch.status, batch.code, batch.message, batch.problems);
      const denied = appendPermissionProblems(principal, batch.events, batch.lines);
      if (denied.length > 0) throw forbidden('This token may not append some of these events. Nothing of this request was stored.', denied);

      const results = await deps.store.appendMany(groupByStream(batch.events, deps.now().toISOString()));
      const appended = sum(results, (r) => r.appended);
      return reply.code(appended > 0 ? 201 : 200).send(receipt(results, batch.events.length));
    },
  });
}

/** Keeps each stream's events in request order; streams in order of first appearance. */
function groupByStream(events: PreparedEvent[], recordedAt: string): AppendRequest[] {
  const byStream = new Map<string, AppendRequest>();
  for (const event of events) {
    let req = byStream.get(event.streamId);
    if (!req) byStream.set(event.streamId, (req = { streamId: event.streamId, events: [], expectedRevision: 'any' }));
    // Facts are appended whatever the stream holds: ordering problems are for the rules to flag.
    req.events.push({ eventId: event.eventId, type: event.type, data: undefined, dataJson: event.dataJson, recordedAt });
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
