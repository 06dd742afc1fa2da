import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { authenticate } from './auth.ts';
import { registerBodyParsers } from './body.ts';
import type { IngestDeps } from './deps.ts';
import { toHttp } from './errors.ts';
import { dotted } from '../domain/events/problems.ts';
import { appendEventsRoute } from './routes/append-events.ts';
import { caseClockRoute } from './routes/case-clock.ts';
import { casesListRoute } from './routes/cases-list.ts';
import { departmentStatsRoute } from './routes/department-stats.ts';
import { healthRoute } from './routes/health.ts';
import { readCaseRoutes } from './routes/read-case.ts';
import { alertFeedRoute } from './routes/alerts-feed.ts';
import { alertRoutes } from './routes/alerts.ts';
import { backtestRoutes } from './routes/backtest.ts';
import { rebuildRoutes } from './routes/rebuild.ts';
import { silenceRoutes } from './routes/silences.ts';
import { statusRoutes } from './routes/status.ts';
import { tokenRoutes } from './routes/tokens.ts';

const PUBLIC = new Set(['/health', '/metrics', '/docs', '/docs/json']);

/** Builds the HTTP app; `infra/server.ts` starts it, tests call `app.inject()`. */
export async function buildApp(deps: IngestDeps, options: { logger?: FastifyBaseLogger } = {}): Promise<FastifyInstance> {
  // Per-request access logs would cost more than an append at thousands of requests per second;
  // refusals and failures are logged by the error handler instead.
  const app = Fastify({ ...(options.logger ? { loggerInstance: options.logger } : { logger: false }), bodyLimit: deps.limits.maxBytes, logController: new LogController({ disableRequestLogging: true }) });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerBodyParsers(app, deps.limits.maxBytes);

  await app.register(swagger, {
    openapi: {
      info: { title: 'Sunlight', description: 'E-supervision (电子监察) of government services: case events in, supervision out.', version: '0.1.0' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?')[0]!;
    if (PUBLIC.has(path) || path.startsWith('/docs/')) return;
    authenticate(request, deps.tokens);
  });

  app.setErrorHandler((error, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const problems = error.validation.map((v) => ({ path: dotted(v.instancePath.split('/').filter(Boolean)), message: v.message ?? 'is invalid' }));
      return reply.code(400).send({ error: 'VALIDATION', message: `The request ${error.validationContext ?? ''} is invalid.`.replace('  ', ' '), problems });
    }
    const { status, body } = toHttp(error, deps.limits);
    if (status >= 500) request.log.error({ err: error, url: request.url }, 'request failed');
    else request.log.info({ status, code: body.error, url: request.url }, 'request refused');
    return reply.code(status).send(body);
  });

  healthRoute(app, deps);
  appendEventsRoute(app, deps);
  readCaseRoutes(app, deps);
  casesListRoute(app, deps);
  departmentStatsRoute(app, deps);
  caseClockRoute(app, deps);
  tokenRoutes(app, deps);
  statusRoutes(app, deps);
  rebuildRoutes(app, deps);
  alertFeedRoute(app, deps);
  alertRoutes(app, deps);
  silenceRoutes(app, deps);
  backtestRoutes(app, deps);
  return app;
}
