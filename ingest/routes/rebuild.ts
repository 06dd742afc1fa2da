import type { FastifyInstance } from 'fastify';
import { requireRole } from '../auth.ts';
import type { IngestDeps } from '../deps.ts';
import { HttpError } from '../errors.ts';

/** Rebuild of every read model from the log, run inside the server that owns the ClickHouse data. */
export function rebuildRoutes(app: FastifyInstance, deps: IngestDeps): void {
  app.post('/v1/admin/rebuild', { schema: { summary: 'Rebuild every read model from the event log', tags: ['admin'], security: [{ bearer: [] }] } }, async (request, reply) => {
    requireRole(request, ['admin']);
    const p = deps.projection;
    if (!p?.rebuild || !p.rebuildProgress) throw new HttpError(503, 'READ_MODELS_UNAVAILABLE', 'This server maintains no read models.');
    if (!p.rebuild()) {
      const progress = p.rebuildProgress();
      const busy = progress.state === 'running' || progress.state === 'swapping';
      throw new HttpError(busy ? 409 : 503, busy ? 'REBUILD_RUNNING' : 'READ_MODELS_UNAVAILABLE', busy ? 'A rebuild is already running.' : 'ClickHouse is not ready yet; try again shortly.', undefined, { progress });
    }
    return reply.code(202).send({ progress: p.rebuildProgress() });
  });
  app.get('/v1/admin/rebuild', { schema: { summary: 'Progress of the current or last rebuild', tags: ['admin'], security: [{ bearer: [] }] } }, async (request) => {
    requireRole(request, ['admin', 'supervisor']);
    return { progress: deps.projection?.rebuildProgress?.() ?? null };
  });
}
