import { deterministicUuid } from '../../domain/ids.ts';
import { prepareEvent, type PreparedEvent } from '../../domain/events/prepared-event.ts';
import { validateEvents } from '../../domain/events/validate.ts';
import { ImportError, traceLabel, type LogEvent, type LogTrace } from './log.ts';
import type { ActorTemplate, Mapping } from './mapping.ts';
import { matchRule } from './rules.ts';
import { render, type TemplateScope } from './template.ts';
import { toInstant } from './timestamps.ts';

/** One trace made into case events, validated and canonicalised exactly as the HTTP ingest does. */
export interface ImportedCase {
  caseId: string;
  /** Line where the trace starts, to name both traces when a case id repeats. */
  line: number;
  events: PreparedEvent[];
  /** Events of the log that became case events (fromTrace events and skipped ones excluded). */
  logEvents: number;
  /** Earliest and latest occurredAt, as written. */
  first: string;
  last: string;
}

interface Draft {
  event: Record<string, unknown>;
  line: number;
}

export function traceToCase(trace: LogTrace, mapping: Mapping): ImportedCase {
  const label = traceLabel(trace, mapping.case.id);
  const rawId = trace.attributes.get(mapping.case.id)?.raw;
  if (rawId === undefined) {
    throw new ImportError(`the trace has no "${mapping.case.id}" attribute, which the mapping takes as the case id`, { line: trace.line, trace: label });
  }
  const caseId = mapping.case.prefix + rawId;
  const scope: TemplateScope = { trace: trace.attributes, caseId, timeZone: mapping.timeZone };
  const fromTrace = mapping.fromTrace.map((spec): Draft => {
    const at = render(spec.at, scope);
    const occurredAt = typeof at === 'string' ? toInstant(at, mapping.timeZone) : null;
    if (occurredAt === null) {
      throw new ImportError(`the trace gives no valid date-time for ${spec.at} (the ${spec.type} event's time)`, { line: trace.line, trace: label });
    }
    return { event: { type: spec.type, occurredAt, actor: actorOf(spec.actor, scope, mapping), payload: render(spec.payload, scope) }, line: trace.line };
  });
  const fromLog = trace.events.flatMap((e) => logEventDraft(e, scope, mapping, label));
  const drafts = [...fromTrace, ...fromLog].map((d, i) => ({ ...d, event: withEnvelope(d.event, i, caseId, scope, mapping) }));
  const events = validated(drafts, label);
  const times = drafts.map((d) => d.event.occurredAt as string).sort((a, b) => Date.parse(a) - Date.parse(b));
  return { caseId, line: trace.line, events, logEvents: fromLog.length, first: times[0] ?? '', last: times.at(-1) ?? '' };
}

function logEventDraft(e: LogEvent, traceScope: TemplateScope, mapping: Mapping, label: string): Draft[] {
  const where = { line: e.line, trace: label };
  const activity = e.attributes.get(mapping.event.activity)?.raw;
  if (activity === undefined) throw new ImportError(`the event has no "${mapping.event.activity}" attribute (its activity)`, where);
  const stamp = e.attributes.get(mapping.event.timestamp);
  if (stamp === undefined) throw new ImportError(`the event "${activity}" has no "${mapping.event.timestamp}" attribute (its time)`, where);
  const occurredAt = toInstant(stamp.raw, mapping.timeZone);
  if (occurredAt === null) {
    throw new ImportError(`"${stamp.raw}" in ${mapping.event.timestamp} is not a date-time such as 2011-10-11T13:45:40+02:00`, { ...where, line: stamp.line, column: stamp.column });
  }
  const found = matchRule(mapping.rules, activity, e.attributes.get(mapping.event.lifecycle)?.raw);
  if (!found) {
    if (mapping.unmatched === 'skip') return [];
    throw new ImportError(`no rule of the mapping matches the activity "${activity}"`, where);
  }
  const scope = { ...traceScope, event: e.attributes, activity, match: found.match };
  const { rule } = found;
  return [{ event: { type: rule.type, occurredAt, actor: actorOf(rule.actor, scope, mapping), payload: render(rule.payload, scope) }, line: e.line }];
}

function withEnvelope(draft: Record<string, unknown>, index: number, caseId: string, scope: TemplateScope, m: Mapping): Record<string, unknown> {
  const env = m.envelope;
  // Ids follow the position in the case, so a re-import yields the same ids (acknowledged as
  // duplicates), and a changed mapping collides with what is stored instead of doubling the case.
  return {
    eventId: deterministicUuid(`import/${env.sourceSystem}/${caseId}/${index + 1}`),
    caseId,
    seq: index + 1,
    occurredAt: draft.occurredAt,
    matterCode: env.matterCode,
    matterVersion: env.matterVersion,
    dept: env.dept,
    divisionCode: env.divisionCode,
    channel: typeof env.channel === 'string' ? env.channel : (env.channel.map[String(render(env.channel.from, scope))] ?? env.channel.otherwise),
    sourceSystem: env.sourceSystem,
    actor: draft.actor,
    dataVersion: env.dataVersion,
    type: draft.type,
    payload: draft.payload,
  };
}

/** The rule's actor fields over the envelope's defaults, rendered where the event's attributes are in scope. */
function actorOf(own: ActorTemplate | undefined, scope: TemplateScope, m: Mapping): unknown {
  return render({ ...m.envelope.actor, ...own }, scope);
}

function validated(drafts: Draft[], label: string): PreparedEvent[] {
  const { events, problems } = validateEvents(drafts.map((d) => d.event));
  const first = problems[0];
  if (first) {
    const list = problems.slice(0, 5).map((p) => `${p.type ?? 'event'} from line ${drafts[p.index!]!.line}: ${p.path ?? '(event)'} ${p.message}`);
    const more = problems.length > 5 ? `\n  … and ${problems.length - 5} more` : '';
    throw new ImportError(`the mapping makes events our schemas refuse:\n  ${list.join('\n  ')}${more}`, { line: drafts[first.index!]!.line, trace: label });
  }
  return events.map(prepareEvent);
}
