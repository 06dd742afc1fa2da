import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseId as caseIdSchema } from '../../domain/events/common.ts';
import { requireRole } from '../auth.ts';
import type { IngestDeps } from '../deps.ts';
import { forbidden, HttpError, notFound } from '../errors.ts';

/**
 * GET /v1/cases/:caseId — the case's state and clock, and for each figure how it was computed:
 * the working days counted, each pause excluded, the calendar years and matter version used, so a
 * supervisor can explain a red card to the department that received it.
 */
export function caseClockRoute(app: FastifyInstance, deps: IngestDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get('/v1/cases/:caseId', {
    schema: {
      summary: "A case's current state and timeliness clock, with how each figure was computed",
      tags: ['cases'],
      params: z.object({ caseId: caseIdSchema }),
      security: [{ bearer: [] }],
    },
    handler: async (request) => {
      const principal = requireRole(request, ['department', 'supervisor', 'leader', 'auditor', 'admin']);
      if (!deps.caseClock) throw new HttpError(503, 'CLOCK_UNAVAILABLE', 'This server computes no clocks.');
      const view = await deps.caseClock(request.params.caseId);
      if (!view) throw notFound(`No events are stored for case ${request.params.caseId}.`);
      if (principal.role === 'department' && !principal.departments.some((d) => d === view.deptCode)) {
        throw forbidden('This case has no event of a department of this token.');
      }
      const { clock, signal } = view;
      return {
        caseId: clock.caseId,
        asOfPosition: Number(view.asOfPosition),
        status: clock.status,
        kind: clock.kind,
        signal,
        submittedOn: clock.submittedOn,
        acceptedOn: clock.acceptedOn,
        acceptance: clock.acceptance,
        deemedAcceptance: clock.deemedAcceptance,
        endedOn: clock.endedOn,
        endedBy: clock.endedBy,
        promised: clock.promised,
        statutory: clock.statutory,
        steps: clock.steps,
        matter: clock.matter,
        calendar: clock.calendar,
        config: clock.config,
        anomalies: clock.anomalies,
        explanation: clock.explanation,
      };
    },
  });
}
