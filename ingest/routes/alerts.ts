import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { alertStream, decideAlert, recordOf, type AlertCommand, type AlertState } from '../../domain/alerts/index.ts';
import type { Alerting } from '../../alerts/service.ts';
import type { Principal } from '../../infra/auth/tokens.ts';
import { requireRole } from '../auth.ts';
import type { IngestDeps } from '../deps.ts';
import { forbidden, HttpError, notFound } from '../errors.ts';

const list = z.string().optional().transform((s) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []));
const readers = ['department', 'supervisor', 'leader', 'auditor', 'admin'] as const;

/** A compact view of an alert for lists and the SSE/webhook consumers. */
export function alertSummary(alertId: string, state: AlertState) {
  const r = recordOf(state)!;
  return {
    alertId, caseId: r.alert.caseId, ruleId: r.alert.ruleId, deptCode: r.alert.deptCode, raisedLevel: r.alert.raisedLevel,
    level: r.standing.level, status: state.status, ...(state.status === 'closed' && { closedBy: state.closedBy }), raisedAt: r.alert.raisedAt, reason: r.alert.reason,
    ...('replyDueAt' in r.standing && { replyDueAt: r.standing.replyDueAt }), ...('escalateAt' in r.standing && { escalateAt: r.standing.escalateAt }),
  };
}

function alerting(deps: IngestDeps): Alerting {
  if (!deps.alerting) throw new HttpError(503, 'ALERTS_UNAVAILABLE', 'This server runs no alerting (read models are off or ClickHouse is not ready).');
  return deps.alerting;
}

function mayRead(p: Principal, deptCode: string): boolean {
  return p.role !== 'department' || p.departments.includes(deptCode);
}

export function alertRoutes(app: FastifyInstance, deps: IngestDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/v1/alerts', {
    schema: {
      summary: 'List alerts, filtered by department, level, rule, status and period',
      tags: ['alerts'],
      querystring: z.object({
        department: list, level: list, rule: list, status: list,
        from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional(),
        limit: z.coerce.number().int().min(1).max(5000).default(200),
      }),
      security: [{ bearer: [] }],
    },
    handler: async (request) => {
      const p = requireRole(request, readers);
      const q = request.query;
      const out = [];
      for (const entry of alerting(deps).book.all()) {
        const rec = recordOf(entry.state);
        if (!rec || !mayRead(p, rec.alert.deptCode)) continue;
        if (q.department.length && !q.department.includes(rec.alert.deptCode)) continue;
        if (q.level.length && !q.level.includes(rec.standing.level)) continue;
        if (q.rule.length && !q.rule.includes(rec.alert.ruleId)) continue;
        if (q.status.length && !q.status.includes(entry.state.status)) continue;
        if (q.from && Date.parse(rec.alert.raisedAt) < Date.parse(q.from)) continue;
        if (q.to && Date.parse(rec.alert.raisedAt) >= Date.parse(q.to)) continue;
        out.push(alertSummary(entry.alertId, entry.state));
      }
      out.sort((a, b) => Date.parse(b.raisedAt) - Date.parse(a.raisedAt));
      return { total: out.length, alerts: out.slice(0, q.limit) };
    },
  });

  r.get('/v1/alerts/:alertId', {
    schema: { summary: 'One alert: its state, evidence and full history', tags: ['alerts'], params: z.object({ alertId: z.uuid() }), security: [{ bearer: [] }] },
    handler: async (request) => {
      const p = requireRole(request, readers);
      const entry = alerting(deps).book.get(request.params.alertId);
      const rec = entry && recordOf(entry.state);
      if (!entry || !rec) throw notFound(`No alert ${request.params.alertId}.`);
      if (!mayRead(p, rec.alert.deptCode)) throw forbidden('This alert concerns another department.');
      const history = await deps.store.readStream(alertStream(entry.alertId));
      return { ...alertSummary(entry.alertId, entry.state), evidence: rec.alert.evidence, state: entry.state, history: history.map((e) => ({ revision: Number(e.revision), position: Number(e.position), recordedAt: e.recordedAt, event: e.data })) };
    },
  });

  r.post('/v1/alerts/:alertId/:action', {
    schema: {
      summary: 'Act on an alert: acknowledge, reply (回告), verify, reopen, escalate, appeal, dismiss, uphold',
      description: 'A department replies and appeals for its own departments; a supervisor acknowledges, verifies, reopens, escalates, dismisses and upholds. A transition the alert does not allow is refused with 409 and the actions it allows now.',
      tags: ['alerts'],
      params: z.object({ alertId: z.uuid(), action: z.enum(['acknowledge', 'reply', 'verify', 'reopen', 'escalate', 'appeal', 'dismiss', 'uphold']) }),
      body: z.object({
        explanation: z.string().min(1).optional(), correctiveAction: z.string().min(1).optional(), evidence: z.array(z.string()).default([]),
        note: z.string().optional(), reason: z.string().min(1).optional(), noticeNo: z.string().optional(),
      }).default({ evidence: [] }),
      security: [{ bearer: [] }],
    },
    handler: async (request, reply) => {
      const p = requireRole(request, ['department', 'supervisor', 'admin']);
      const a = alerting(deps);
      const entry = a.book.get(request.params.alertId);
      const rec = entry && recordOf(entry.state);
      if (!entry || !rec) throw notFound(`No alert ${request.params.alertId}.`);
      if (!mayRead(p, rec.alert.deptCode)) throw forbidden('This alert concerns another department.');
      const actor = { name: p.name, role: p.role as 'department' | 'supervisor' | 'admin' };
      const command = commandFor(request.params.action, request.body, actor);
      const events = decideAlert(command, entry.state, { ...a.context(), calendar: await a.calendar() });
      await deps.store.append({
        streamId: alertStream(entry.alertId),
        expectedRevision: entry.revision,
        events: events.map((e) => ({ eventId: e.eventId, type: e.type, data: e, recordedAt: deps.now().toISOString() })),
      });
      for (const stored of await deps.store.readStream(alertStream(entry.alertId), { fromRevision: entry.revision + 1n })) a.book.apply(stored);
      return reply.code(201).send(alertSummary(entry.alertId, a.book.get(entry.alertId)!.state));
    },
  });

  r.get('/v1/alerts/webhooks/dead-letters', { schema: { summary: 'Webhook deliveries that failed every attempt', tags: ['alerts'], security: [{ bearer: [] }] } }, async (request) => {
    requireRole(request, ['supervisor', 'admin']);
    return { stats: alerting(deps).hooks.stats(), deadLetters: alerting(deps).hooks.deadLetters() };
  });
}

type Body = { explanation?: string | undefined; correctiveAction?: string | undefined; evidence: string[]; note?: string | undefined; reason?: string | undefined; noticeNo?: string | undefined };
type Actor = { name: string; role: 'department' | 'supervisor' | 'admin' };

function commandFor(action: string, b: Body, actor: Actor): AlertCommand {
  const need = (field: keyof Body) => {
    const v = b[field];
    if (typeof v !== 'string' || v.trim() === '') throw new HttpError(400, 'VALIDATION', `${action} needs ${field}.`, [{ path: field, message: 'is missing; it is required' }]);
    return v;
  };
  switch (action) {
    case 'acknowledge': return { type: 'acknowledge', actor };
    case 'reply': return { type: 'reply', actor, explanation: need('explanation'), correctiveAction: need('correctiveAction'), evidence: b.evidence };
    case 'verify': return { type: 'verify', actor, note: b.note ?? '' };
    case 'reopen': return { type: 'reopen', actor, reason: need('reason') };
    case 'escalate': return { type: 'escalate', actor, reason: need('reason'), ...(b.noticeNo && { noticeNo: b.noticeNo }) };
    case 'appeal': return { type: 'appeal', actor, reason: need('reason') };
    case 'dismiss': return { type: 'dismiss', actor, reason: need('reason') };
    case 'uphold': return { type: 'uphold', actor, reason: need('reason') };
    default: throw new HttpError(400, 'VALIDATION', `unknown action ${action}`);
  }
}
