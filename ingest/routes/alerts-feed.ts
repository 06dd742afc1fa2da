import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FeedItem } from '../../alerts/feed.ts';
import type { IngestDeps } from '../deps.ts';
import { requireRole } from '../auth.ts';
import { HttpError } from '../errors.ts';

const HEARTBEAT_MS = 15_000;
const list = z
  .string()
  .optional()
  .transform((s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []));

/**
 * GET /v1/alerts/feed — Server-Sent Events: every alert lifecycle event as it is stored, filtered by
 * department and level. The event id is the log position; a client that reconnects with
 * Last-Event-ID receives what it missed first. A department sees only its own departments.
 */
export function alertFeedRoute(app: FastifyInstance, deps: IngestDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get('/v1/alerts/feed', {
    schema: {
      summary: 'Live alert feed (Server-Sent Events), resumable with Last-Event-ID',
      tags: ['alerts'],
      querystring: z.object({ department: list, level: list.pipe(z.array(z.enum(['yellow', 'red']))), lastEventId: z.string().regex(/^\d+$/).optional() }),
      security: [{ bearer: [] }],
    },
    handler: async (request, reply) => {
      const principal = requireRole(request, ['department', 'supervisor', 'leader', 'auditor', 'admin']);
      const feed = deps.alerting?.feed;
      if (!feed) throw new HttpError(503, 'ALERTS_UNAVAILABLE', 'This server runs no alerting.');
      const departments = principal.role === 'department' ? principal.departments.filter((d) => !request.query.department.length || request.query.department.includes(d)) : request.query.department;
      const header = request.headers['last-event-id'];
      const resumeFrom = (Array.isArray(header) ? header[0] : header) ?? request.query.lastEventId;
      const lastEventId = resumeFrom && /^\d+$/.test(resumeFrom) ? BigInt(resumeFrom) : undefined;

      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
      raw.write(': connected\n\n');
      const send = (item: FeedItem) => raw.write(`id: ${item.position}\nevent: ${item.type}\ndata: ${JSON.stringify({ alertId: item.alertId, deptCode: item.deptCode, level: item.level, event: item.event })}\n\n`);
      const disconnect = await feed.connect({ departments: principal.role === 'department' ? (departments.length ? departments : ['-']) : departments, levels: request.query.level }, lastEventId, send);
      const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), HEARTBEAT_MS);
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        disconnect();
      });
    },
  });
}
