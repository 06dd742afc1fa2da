import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseId as caseIdSchema } from '../../domain/events/common.ts';
import { caseStream } from '../../domain/events/catalogue.ts';
import { maskEvent } from '../../domain/privacy/mask.ts';
import type { Principal } from '../../infra/auth/tokens.ts';
import type { RecordedEvent } from '../../infra/event-store/port.ts';
import { requireRole } from '../auth.ts';
import type { IngestDeps } from '../deps.ts';
import { forbidden, notFound } from '../errors.ts';

const readers = ['department', 'supervisor', 'leader', 'auditor', 'admin'] as const;
const params = z.object({ caseId: caseIdSchema });

/**
 * A case's history in stream order. Personal fields are masked for everyone but auditors; each
 * clear-text read by an auditor is itself recorded (domain.md §7 rule 4) before the data leaves.
 */
export function readCaseRoutes(app: FastifyInstance, deps: IngestDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/v1/cases/:caseId/events', {
    schema: {
      summary: "A case's events in order (its stream), with each event's hash-chain link",
      description: 'Personal fields are masked unless the caller is an auditor. Auditors may give the reason for their access in the X-Access-Reason header; the access is recorded.',
      tags: ['cases'],
      params,
      security: [{ bearer: [] }],
    },
    handler: async (request) => {
      const principal = requireRole(request, readers);
      const streamId = caseStream(request.params.caseId);
      const stored = await deps.store.readStream(streamId);
      if (stored.length === 0) throw notFound(`No events are stored for case ${request.params.caseId}.`);
      assertMayRead(principal, stored);
      const clear = principal.role === 'auditor';
      if (clear) await recordPiiAccess(deps, principal, request, request.params.caseId);
      return {
        caseId: request.params.caseId,
        streamId,
        length: stored.length,
        headHash: stored.at(-1)!.hash,
        masked: !clear,
        events: stored.map((e) => ({
          revision: Number(e.revision),
          position: Number(e.position),
          recordedAt: e.recordedAt,
          prevHash: e.prevHash,
          hash: e.hash,
          event: clear ? e.data : maskEvent(e.data),
        })),
      };
    },
  });

  r.get('/v1/cases/:caseId/verify', {
    schema: {
      summary: "Verify a case's hash chain",
      description: 'Recomputes every link. With a receipt (revision and hash kept from an earlier read) it also detects a cut or rewritten tail.',
      tags: ['cases'],
      params,
      querystring: z.object({
        receiptRevision: z.coerce.number().int().nonnegative().optional(),
        receiptHash: z.string().regex(/^[0-9a-f]{64}$/).optional(),
      }),
      security: [{ bearer: [] }],
    },
    handler: async (request) => {
      requireRole(request, ['auditor', 'supervisor', 'admin']);
      const { receiptRevision, receiptHash } = request.query;
      const receipt = receiptRevision !== undefined && receiptHash ? { revision: BigInt(receiptRevision), hash: receiptHash } : undefined;
      const result = await deps.store.verifyStream(caseStream(request.params.caseId), receipt ? { receipt } : {});
      return { ...result, ...('brokenAt' in result && { brokenAt: result.brokenAt === null ? null : Number(result.brokenAt) }) };
    },
  });
}

function assertMayRead(principal: Principal, stored: RecordedEvent[]): void {
  if (principal.role !== 'department') return;
  const own = new Set(principal.departments);
  const ours = stored.some((e) => own.has((e.data as { dept?: { code?: string } }).dept?.code ?? ''));
  if (!ours) throw forbidden('This case has no event of a department of this token.');
}

async function recordPiiAccess(deps: IngestDeps, principal: Principal, request: FastifyRequest, caseId: string): Promise<void> {
  const reasonHeader = request.headers['x-access-reason'];
  const reason = (Array.isArray(reasonHeader) ? reasonHeader[0] : reasonHeader)?.slice(0, 500) ?? 'not given';
  const at = deps.now().toISOString();
  await deps.store.append({
    streamId: `pii-access-${caseId}`,
    expectedRevision: 'any',
    events: [{ eventId: randomUUID(), type: 'PiiAccessed', recordedAt: at, data: { caseId, who: principal.name, role: principal.role, reason, at, route: request.routeOptions.url } }],
  });
}
