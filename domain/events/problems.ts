import type { z } from 'zod';

/** One problem with one event of a request, located precisely enough for a clerk to fix it. */
export interface Problem {
  /** 0-based position of the event in the request (for NDJSON: line number − 1 of non-blank lines). */
  index?: number;
  /** 1-based line of an NDJSON body, when the request was NDJSON. */
  line?: number;
  eventId?: string;
  type?: string;
  /** Dotted path of the field, e.g. payload.applicant.idNumber. */
  path?: string;
  message: string;
}

/** Turns zod issues for one event into problems a clerk at a departmental system can act on. */
export function problemsOf(issues: z.core.$ZodIssue[], input: unknown, at: Pick<Problem, 'index' | 'line'>): Problem[] {
  const item = isObject(input) ? input : {};
  const where = {
    ...at,
    ...(typeof item.eventId === 'string' && { eventId: item.eventId }),
    ...(typeof item.type === 'string' && { type: item.type }),
  };
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ ...where, path: dotted([...issue.path, key]), message: 'is not a field of this event; check its spelling (the event was not stored, so nothing would be lost silently)' }));
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      return problemsOf(issue.errors.flat(), input, at);
    }
    const value = valueAt(input, issue.path);
    const message = value === undefined ? 'is missing; it is required' : `${issue.message}; got ${show(value)}`;
    return [{ ...where, path: dotted(issue.path), message }];
  });
}

export function dotted(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '[');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (!isObject(v) && !Array.isArray(v)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function show(value: unknown): string {
  const s = JSON.stringify(value) ?? String(value);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
