import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { silenceCreated, silenceLifted, silenceStream } from '../../alerts/silences.ts';
import { requireRole } from '../auth.ts';
import type { IngestDeps } from '../deps.ts';
import { badRequest, HttpError, notFound } from '../errors.ts';
import { problemsOf } from '../../domain/events/problems.ts';

/** Silences: mute a rule and/or a department for a window, with a reason; each one is an event on record. */
export function silenceRoutes(app: FastifyInstance, deps: IngestDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const book = () => {
    if (!deps.alerting) throw new HttpError(503, 'ALERTS_UNAVAILABLE', 'This server runs no alerting.');
    return deps.alerting.silences;
  };

  r.post('/v1/silences', {
    schema: {
      summary: 'Mute a rule, a department, or a rule for a department, for a time window',
      tags: ['alerts'],
      body: z.object({ ruleId: z.string().optional(), deptCode: z.string().optional(), from: z.string(), until: z.string(), reason: z.string() }),
      security: [{ bearer: [] }],
    },
    handler: async (request, reply) => {
      const p = requireRole(request, ['supervisor', 'admin']);
      const silenceId = randomUUID();
      const event = { eventId: randomUUID(), type: 'SilenceCreated' as const, silenceId, occurredAt: deps.now().toISOString(), actor: { name: p.name, role: p.role as 'supervisor' | 'admin' }, payload: request.body };
      const parsed = silenceCreated.safeParse(event);
      if (!parsed.success) throw badRequest('The silence is not valid; nothing was stored.', problemsOf(parsed.error.issues, event, {}));
      await deps.store.append({ streamId: silenceStream(silenceId), expectedRevision: 'no_stream', events: [{ eventId: event.eventId, type: event.type, data: parsed.data, recordedAt: event.occurredAt }] });
      book().apply((await deps.store.readStream(silenceStream(silenceId)))[0]!);
      return reply.code(201).send(book().get(silenceId));
    },
  });

  r.get('/v1/silences', { schema: { summary: 'Silences, active and past', tags: ['alerts'], security: [{ bearer: [] }] } }, async (request) => {
    requireRole(request, ['supervisor', 'admin', 'leader', 'auditor']);
    return { silences: book().list() };
  });

  r.delete('/v1/silences/:silenceId', {
    schema: { summary: 'Lift a silence early, with a reason', tags: ['alerts'], params: z.object({ silenceId: z.uuid() }), body: z.object({ reason: z.string().min(1) }), security: [{ bearer: [] }] },
    handler: async (request) => {
      const p = requireRole(request, ['supervisor', 'admin']);
      const { silenceId } = request.params;
      if (!book().get(silenceId)) throw notFound(`No silence ${silenceId}.`);
      const event = silenceLifted.parse({ eventId: randomUUID(), type: 'SilenceLifted', silenceId, occurredAt: deps.now().toISOString(), actor: { name: p.name, role: p.role }, payload: { reason: request.body.reason } });
      await deps.store.append({ streamId: silenceStream(silenceId), expectedRevision: 0n, events: [{ eventId: event.eventId, type: event.type, data: event, recordedAt: event.occurredAt }] });
      for (const e of await deps.store.readStream(silenceStream(silenceId))) book().apply(e);
      return book().get(silenceId);
    },
  });
}
