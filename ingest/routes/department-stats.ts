import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireRole } from '../auth.ts';
import type { IngestDeps } from '../deps.ts';
import { HttpError } from '../errors.ts';

const day = z.iso.date({ error: 'must be a date written YYYY-MM-DD' });

/**
 * GET /v1/stats/departments — each department's figures over a period (domain.md §6.2 inputs):
 * received, accepted, concluded and how (early, on time, overdue, instant), working days used,
 * online submissions, fees, ratings by level and complaints, from the daily_stats view. The
 * composite score and rankings of §6.3 build on these.
 */
export function departmentStatsRoute(app: FastifyInstance, deps: IngestDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get('/v1/stats/departments', {
    schema: {
      summary: "Departments' figures over a period (default: the last 30 days)",
      tags: ['rankings'],
      querystring: z.object({ from: day.optional(), to: day.optional() }),
      security: [{ bearer: [] }],
    },
    handler: async (request) => {
      requireRole(request, ['supervisor', 'leader', 'auditor', 'admin']);
      const ch = deps.clickhouse?.();
      if (!ch) throw new HttpError(503, 'READ_MODELS_UNAVAILABLE', 'The read models are not available on this server yet.');
      const to = request.query.to ?? (deps.supervisionNow ?? deps.now)().toISOString().slice(0, 10);
      const from = request.query.from ?? new Date(Date.parse(to) - 29 * 86_400_000).toISOString().slice(0, 10);
      const rows = await (
        await ch.client.query({
          query: `
            SELECT s.dept_code AS dept_code, any(d.name) AS dept_name,
              sum(s.received) AS received, sum(s.accepted) AS accepted, sum(s.concluded) AS concluded,
              sum(s.early) AS early, sum(s.on_time) AS on_time, sum(s.overdue) AS overdue, sum(s.instant) AS instant,
              round((sum(s.early) + sum(s.on_time) + sum(s.instant)) / nullIf(sum(s.concluded), 0), 4) AS on_time_rate,
              round(sum(s.used_working_days) / nullIf(sum(s.concluded) - sum(s.instant), 0), 2) AS mean_working_days,
              round(sum(s.online) / nullIf(sum(s.received), 0), 4) AS online_rate, sum(s.fees_charged) AS fees_charged,
              sum(s.rating_1) AS rating_1, sum(s.rating_2) AS rating_2, sum(s.rating_3) AS rating_3, sum(s.rating_4) AS rating_4, sum(s.rating_5) AS rating_5,
              sum(s.complaints) AS complaints
            FROM daily_stats AS s LEFT JOIN (SELECT code, name FROM departments FINAL) AS d ON d.code = s.dept_code
            WHERE s.day BETWEEN {from:Date} AND {to:Date}
            GROUP BY s.dept_code ORDER BY on_time_rate DESC NULLS LAST, concluded DESC`,
          query_params: { from, to },
          format: 'JSONEachRow',
        })
      ).json();
      return { from, to, departments: rows };
    },
  });
}
