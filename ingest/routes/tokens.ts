import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uscc } from '../../domain/events/common.ts';
import { roles } from '../../infra/auth/tokens.ts';
import { requireRole } from '../auth.ts';
import type { IngestDeps } from '../deps.ts';
import { badRequest } from '../errors.ts';

/** Token administration. The token is shown once, in the response that creates it; only its hash is kept. */
export function tokenRoutes(app: FastifyInstance, deps: IngestDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/v1/tokens', {
    schema: {
      summary: 'Issue a bearer token',
      tags: ['admin'],
      body: z.object({ name: z.string().min(1).max(100), role: z.enum(roles), departments: z.array(uscc).default([]) }),
      security: [{ bearer: [] }],
    },
    handler: async (request, reply) => {
      requireRole(request, ['admin']);
      const { name, role, departments } = request.body;
      if (role === 'department' && departments.length === 0) {
        throw badRequest('A department token needs at least one department code.', [{ path: 'departments', message: 'must list the unified social credit codes this system reports for' }]);
      }
      const token = deps.tokens.issue({ name, role, departments });
      return reply.code(201).send({ name, role, departments, token, note: 'Store this token now: it is not shown again.' });
    },
  });
  r.get('/v1/tokens', { schema: { summary: 'List tokens (without secrets)', tags: ['admin'], security: [{ bearer: [] }] } }, async (request) => {
    requireRole(request, ['admin']);
    return { tokens: deps.tokens.list() };
  });
}
