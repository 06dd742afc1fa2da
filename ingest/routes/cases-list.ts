import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { chInstant } from '../../infra/clickhouse/insert.ts';
import { requireRole } from '../auth.ts';
import type { IngestDeps } from '../deps.ts';
import { HttpError } from '../errors.ts';

const SIGNAL: Record<string, string> = {
  red: `(status IN ('submitted', 'running', 'paused') AND overdue_at <= {now:DateTime64(3, 'UTC')}) OR classification = 'overdue'`,
  yellow: `status IN ('running', 'paused') AND warn_at <= {now:DateTime64(3, 'UTC')} AND (overdue_at IS NULL OR overdue_at > {now:DateTime64(3, 'UTC')})`,
  none: `NOT ((status IN ('submitted', 'running', 'paused') AND (warn_at <= {now:DateTime64(3, 'UTC')} OR overdue_at <= {now:DateTime64(3, 'UTC')})) OR classification = 'overdue')`,
};

/** GET /v1/cases — cases from the read model: the supervision office's worklist, soonest due first. */
export function casesListRoute(app: FastifyInstance, deps: IngestDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get('/v1/cases', {
    schema: {
      summary: 'List cases with their clock, filtered by status, department and signal (red, yellow, none)',
      tags: ['cases'],
      querystring: z.object({
        status: z.enum(['submitted', 'awaiting-supplement', 'running', 'paused', 'concluded', 'refused', 'withdrawn', 'forwarded']).optional(),
        department: z.string().optional(),
        signal: z.enum(['red', 'yellow', 'none']).optional(),
        limit: z.coerce.number().int().min(1).max(1000).default(50),
      }),
      security: [{ bearer: [] }],
    },
    handler: async (request) => {
      const p = requireRole(request, ['department', 'supervisor', 'leader', 'auditor', 'admin']);
      const ch = deps.clickhouse?.();
      if (!ch) throw new HttpError(503, 'READ_MODELS_UNAVAILABLE', 'The read models are not available on this server yet.');
      const q = request.query;
      const where = ['1 = 1'];
      if (q.status) where.push('status = {status:String}');
      if (q.department) where.push('dept_code = {department:String}');
      if (p.role === 'department') where.push('dept_code IN {own:Array(String)}');
      if (q.signal) where.push(`(${SIGNAL[q.signal]})`);
      const rows = await (
        await ch.client.query({
          query: `SELECT case_id, matter_code, dept_code, dept_name, status, kind, toString(submitted_on) AS submitted_on, toString(accepted_on) AS accepted_on,
                    toString(due_date) AS due_date, warn_at, overdue_at, classification, used_days, promised_limit, extension_days, paused_days, toString(statutory_due_date) AS statutory_due_date
                  FROM cases FINAL WHERE ${where.join(' AND ')} ORDER BY isNull(due_date), due_date, case_id LIMIT {limit:UInt32}`,
          query_params: { now: chInstant((deps.supervisionNow ?? deps.now)().toISOString()), status: q.status ?? '', department: q.department ?? '', own: p.departments, limit: q.limit },
          format: 'JSONEachRow',
        })
      ).json();
      return { cases: rows };
    },
  });
}
