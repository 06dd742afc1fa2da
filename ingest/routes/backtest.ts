import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { defaultThresholds, runRule } from '../../alerts/rule.ts';
import { ruleById, rules } from '../../alerts/rules/index.ts';
import { requireRole } from '../auth.ts';
import type { IngestDeps } from '../deps.ts';
import { HttpError, notFound } from '../errors.ts';

const instant = z.iso.datetime({ offset: true });

/**
 * Backtest: run a rule, or a changed threshold, over history and list the alerts it would have
 * raised, without raising any, so a supervision office sees a rule change before switching it on.
 */
export function backtestRoutes(app: FastifyInstance, deps: IngestDeps): void {
  app.withTypeProvider<ZodTypeProvider>().post('/v1/alerts/backtest', {
    schema: {
      summary: 'What a rule (or a changed threshold) would have raised over a period, without raising it',
      tags: ['alerts'],
      body: z.object({
        ruleId: z.string(),
        /** Evaluate at each of these instants; default: every day at 09:00 from `from` to `to`. */
        at: z.array(instant).max(400).optional(),
        from: instant.optional(),
        to: instant.optional(),
        thresholds: z.record(z.string(), z.number()).default({}),
      }),
      security: [{ bearer: [] }],
    },
    handler: async (request) => {
      requireRole(request, ['supervisor', 'admin']);
      const rule = ruleById(request.body.ruleId);
      if (!rule) throw notFound(`No rule ${request.body.ruleId}; known: ${rules.map((r) => r.id).join(', ')}`);
      const ch = deps.clickhouse?.();
      if (!ch) throw new HttpError(503, 'READ_MODELS_UNAVAILABLE', 'ClickHouse is not ready.');
      const instants = request.body.at ?? daily(request.body.from, request.body.to, deps.now());
      const thresholds = { ...defaultThresholds, ...request.body.thresholds } as typeof defaultThresholds;
      const first = new Map<string, { caseId: string; deptCode: string; level: string; firstAt: string; reason: string; evidenceEventIds: string[] }>();
      for (const now of instants) {
        for (const v of await runRule(ch, rule, { now, thresholds })) {
          const key = `${v.caseId}|${v.level}`;
          if (!first.has(key)) first.set(key, { caseId: v.caseId, deptCode: v.deptCode, level: v.level, firstAt: now, reason: v.reason, evidenceEventIds: v.evidenceEventIds });
        }
      }
      const wouldRaise = [...first.values()];
      const byDept: Record<string, number> = {};
      for (const w of wouldRaise) byDept[w.deptCode] = (byDept[w.deptCode] ?? 0) + 1;
      return { ruleId: rule.id, version: rule.version, thresholds, evaluatedAt: instants.length, wouldRaise: wouldRaise.length, byDepartment: byDept, alerts: wouldRaise.slice(0, 1000) };
    },
  });
}

function daily(from: string | undefined, to: string | undefined, now: Date): string[] {
  const end = to ? Date.parse(to) : now.getTime();
  const start = from ? Date.parse(from) : end - 30 * 86_400_000;
  const out: string[] = [];
  for (let t = start; t <= end && out.length < 400; t += 86_400_000) out.push(new Date(t).toISOString());
  return out;
}
