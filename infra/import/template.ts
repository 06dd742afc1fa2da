import type { LogAttributes, LogValue } from './log.ts';
import { toInstant } from './timestamps.ts';

/**
 * Payload templates: plain JSON in which a string may name values of the log.
 *   {trace.KEY}  a trace attribute (CSV: a column of the case's first row)
 *   {event.KEY}  an attribute of the event (CSV: a column of the row)
 *   {match.NAME} a named group of the rule's activity pattern
 *   {activity} the event's activity; {caseId} the case id as stored (with its prefix)
 * followed by an optional |int, |number or |date. A string that is exactly one placeholder takes
 * the value's type (XES dates become instants with an offset); inside longer text it is spliced
 * in. A placeholder without a value drops the field it stands in, so optional fields stay absent
 * and a required one is reported by the event's own schema.
 */
export interface TemplateScope {
  trace: LogAttributes;
  event?: LogAttributes;
  match?: Record<string, string>;
  activity?: string;
  caseId?: string;
  /** Zone for date-times written without an offset. */
  timeZone: string;
}

const PLACEHOLDER = /\{(?:(trace|event|match)\.([^{}|]+)|(activity|caseId))(?:\|(int|number|date))?\}/g;
const WHOLE = new RegExp(`^${PLACEHOLDER.source}$`);

export function render(template: unknown, scope: TemplateScope): unknown {
  if (typeof template === 'string') return renderString(template, scope);
  if (Array.isArray(template)) return template.map((t) => render(t, scope)).filter((v) => v !== undefined);
  if (template !== null && typeof template === 'object') {
    const entries = Object.entries(template).map(([k, v]) => [k, render(v, scope)] as const);
    return Object.fromEntries(entries.filter(([, v]) => v !== undefined));
  }
  return template;
}

function renderString(text: string, scope: TemplateScope): unknown {
  const whole = WHOLE.exec(text);
  if (whole) return typed(lookup(whole, scope), whole[4], scope.timeZone);
  let missing = false;
  const out = text.replace(PLACEHOLDER, (...m: string[]) => {
    const v = lookup(m as unknown as RegExpExecArray, scope);
    if (v === undefined) missing = true;
    return v?.raw ?? '';
  });
  return missing ? undefined : out;
}

function lookup(m: RegExpExecArray, scope: TemplateScope): Pick<LogValue, 'raw' | 'kind'> | undefined {
  const [, source, key = '', plain] = m;
  const text = (raw: string | undefined) => (raw === undefined ? undefined : { raw, kind: 'string' });
  if (plain === 'activity') return text(scope.activity);
  if (plain === 'caseId') return text(scope.caseId);
  if (source === 'match') return text(scope.match?.[key]);
  return (source === 'trace' ? scope.trace : scope.event)?.get(key);
}

function typed(value: Pick<LogValue, 'raw' | 'kind'> | undefined, filter: string | undefined, timeZone: string): unknown {
  if (value === undefined) return undefined;
  const { raw } = value;
  // An unparseable value is passed on as text, so the event's schema reports it with its path.
  if (filter === 'int') return /^[+-]?\d+$/.test(raw.trim()) ? Number.parseInt(raw, 10) : raw;
  if (filter === 'number') return raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
  if (filter === 'date' || value.kind === 'date') return toInstant(raw, timeZone) ?? raw;
  if (value.kind === 'int' || value.kind === 'float') return Number(raw);
  if (value.kind === 'boolean') return raw === 'true';
  return raw;
}

/** Placeholders a template uses that this grammar does not know, for the mapping's validation. */
export function unknownPlaceholders(template: unknown): string[] {
  if (typeof template === 'string') {
    const braces = template.match(/\{[^{}]*\}/g) ?? [];
    return braces.filter((b) => !WHOLE.test(b));
  }
  if (Array.isArray(template)) return template.flatMap(unknownPlaceholders);
  if (template !== null && typeof template === 'object') return Object.values(template).flatMap(unknownPlaceholders);
  return [];
}
