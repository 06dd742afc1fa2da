import type { FastifyInstance } from 'fastify';
import type { IngestDeps } from '../deps.ts';

/** Liveness and the store's reachability; 503 when the log cannot be read. */
export function healthRoute(app: FastifyInstance, deps: IngestDeps): void {
  app.get('/health', { schema: { summary: 'Health of the server and its event store', tags: ['ops'] } }, async (_req, reply) => {
    try {
      const head = await deps.store.headPosition();
      return { status: 'ok', eventStore: deps.storeKind, headPosition: Number(head) };
    } catch (error) {
      deps.logger?.warn({ err: error }, 'health check: event store unavailable');
      return reply.code(503).send({ status: 'unavailable', eventStore: deps.storeKind, message: 'The event store is unavailable.' });
    }
  });
}
