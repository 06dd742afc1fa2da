import type { FastifyInstance } from 'fastify';
import { Gauge, Registry, collectDefaultMetrics } from 'prom-client';
import type { IngestDeps } from '../deps.ts';

/** How far the read models are behind the log, in events and in seconds. */
async function projectionLag(deps: IngestDeps) {
  const head = await deps.store.headPosition();
  const p = deps.projection?.status();
  if (!p) return { head, projection: null };
  const next = p.checkpoint < head ? (await deps.store.readAll({ after: p.checkpoint, maxCount: 1 }))[0] : undefined;
  // Measured on the clock the events were recorded by: the demo records its replay at its simulated
  // present, so while it replays the past this is in simulated seconds (not a month of wall time).
  const lagSeconds = next ? Math.max(0, ((deps.supervisionNow ?? deps.now)().getTime() - Date.parse(next.recordedAt)) / 1000) : 0;
  return { head, projection: { ...p, lagEvents: head - p.checkpoint, lagSeconds } };
}

export function statusRoutes(app: FastifyInstance, deps: IngestDeps): void {
  app.get('/v1/status', { schema: { summary: 'Event store head and projection lag', tags: ['ops'], security: [{ bearer: [] }] } }, async () => {
    const { head, projection } = await projectionLag(deps);
    return {
      eventStore: { kind: deps.storeKind, headPosition: Number(head) },
      projection: projection && {
        state: projection.state,
        checkpoint: Number(projection.checkpoint),
        lagEvents: Number(projection.lagEvents),
        lagSeconds: projection.lagSeconds,
        batches: projection.batches,
        eventsProjected: projection.events,
        lastError: projection.lastError,
      },
      alerts: deps.alerting ? { ...deps.alerting.scheduler.status(), openAlerts: deps.alerting.book.open().length, webhooks: deps.alerting.hooks.stats() } : null,
    };
  });

  const registry = metricsRegistry(deps);
  app.get('/metrics', { schema: { summary: 'Prometheus metrics', tags: ['ops'] } }, async (_req, reply) => {
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
}

function metricsRegistry(deps: IngestDeps): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'sunlight_' });
  const gauge = (name: string, help: string, read: (lag: Awaited<ReturnType<typeof projectionLag>>) => number | undefined) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      async collect() {
        const value = read(await projectionLag(deps));
        if (value !== undefined) this.set(value);
      },
    });
  gauge('sunlight_event_store_head_position', 'Position of the newest stored event', (l) => Number(l.head));
  gauge('sunlight_projection_checkpoint_position', 'Position up to which the read models are written', (l) => (l.projection ? Number(l.projection.checkpoint) : undefined));
  gauge('sunlight_projection_lag_events', 'Events stored but not yet projected', (l) => (l.projection ? Number(l.projection.lagEvents) : undefined));
  gauge('sunlight_projection_lag_seconds', 'Age of the oldest event not yet projected', (l) => l.projection?.lagSeconds);
  gauge('sunlight_projection_events_total', 'Events projected since start', (l) => l.projection?.events);
  gauge('sunlight_projection_retrying', '1 while ClickHouse writes are failing and being retried', (l) => (l.projection ? Number(l.projection.state === "retrying") : undefined));
  return registry;
}
