import { isTimeZone } from '../../domain/calendar/time-zone.ts';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { caseEventTypes, type CaseEventType } from '../../domain/events/catalogue.ts';
import { actorRole, channel, department, divisionCode, matterCode, nonEmpty, positiveInt } from '../../domain/events/common.ts';
import { COUNTY_DIVISION, countyDepartments } from '../../domain/seed/county.ts';
import type { CountyDepartmentKey } from '../../domain/seed/county-departments.ts';
import { ImportError } from './log.ts';
import { unknownPlaceholders } from './template.ts';

/** Templates are JSON; their placeholder grammar is in template.ts. */
const checkPlaceholders = (value: unknown, ctx: z.RefinementCtx) => {
  for (const p of unknownPlaceholders(value)) ctx.addIssue({ code: 'custom', message: `unknown placeholder ${p}: use {trace.KEY}, {event.KEY}, {match.NAME}, {activity} or {caseId}, optionally with |int, |number or |date` });
};
const template = z.json().superRefine(checkPlaceholders);
const text = z.string().min(1);

const actorTemplate = z.strictObject({ name: text.optional(), staffNo: text.optional(), role: actorRole.optional() });

const eventType = z.enum(caseEventTypes as [CaseEventType, ...CaseEventType[]]);

/** The first rule that matches an event decides its type; `activity` is exact, `pattern` a regular expression. */
const rule = z
  .strictObject({
    activity: z.string().optional(),
    pattern: z.string().refine(isRegExp, 'is not a valid regular expression').optional(),
    /** XES lifecycle:transition (start, complete…) the rule is limited to; any when absent. */
    lifecycle: z.string().optional(),
    type: eventType,
    actor: actorTemplate.optional(),
    payload: z.record(z.string(), template).default({}),
  })
  .refine((r) => (r.activity === undefined) !== (r.pattern === undefined), 'give exactly one of "activity" or "pattern"');

/** An event made from a trace's own attributes (e.g. the application date), placed before the log's events. */
const traceEvent = z.strictObject({
  type: eventType,
  at: text.superRefine(checkPlaceholders).describe('template of the event time, e.g. {trace.startdate}'),
  actor: actorTemplate.optional(),
  payload: z.record(z.string(), template).default({}),
});

const channelSpec = z.union([
  channel,
  z.strictObject({ from: text, map: z.record(z.string(), channel), otherwise: channel }),
]);

const seedDepartment = z.enum(Object.keys(countyDepartments) as [CountyDepartmentKey, ...CountyDepartmentKey[]]).transform((k) => countyDepartments[k]);

export const mappingSchema = z.strictObject({
  $comment: z.unknown().optional(),
  case: z.strictObject({
    /** Trace attribute (XES) or column (CSV) holding the case id. */
    id: text,
    /** Keeps imported case ids apart from those of live systems. */
    prefix: z.string().regex(/^[A-Za-z0-9_-]*$/).default(''),
  }),
  event: z
    .strictObject({ activity: text.default('concept:name'), timestamp: text.default('time:timestamp'), lifecycle: text.default('lifecycle:transition') })
    .default({ activity: 'concept:name', timestamp: 'time:timestamp', lifecycle: 'lifecycle:transition' }),
  /** IANA zone for timestamps written without an offset. */
  timeZone: z.string().refine(isTimeZone, 'is not an IANA time zone, e.g. Europe/Amsterdam'),
  csv: z.strictObject({ delimiter: z.string().length(1).default(',') }).default({ delimiter: ',' }),
  envelope: z.strictObject({
    /** A department of the seed county by key (housing, market…), or { code, name }. */
    dept: z.union([seedDepartment, department]),
    matterCode,
    matterVersion: positiveInt.default(1),
    divisionCode: divisionCode.default(COUNTY_DIVISION),
    channel: channelSpec,
    /** Names the source system in every event and scopes the deterministic event ids. */
    sourceSystem: nonEmpty('source system'),
    dataVersion: positiveInt.default(1),
    actor: z.strictObject({ name: text, staffNo: text.optional(), role: actorRole }),
  }),
  fromTrace: z.array(traceEvent).default([]),
  rules: z.array(rule).min(1, 'needs at least one rule'),
  /** What to do with an event no rule matches: refuse the import (default) or leave the event out. */
  unmatched: z.enum(['error', 'skip']).default('error'),
});

export type Mapping = z.output<typeof mappingSchema>;
export type MappingRule = Mapping['rules'][number];
export type ActorTemplate = z.output<typeof actorTemplate>;

export async function loadMapping(path: string): Promise<Mapping> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ImportError(`cannot read the mapping ${path}: ${(error as Error).message}`);
  }
  return parseMapping(json, path);
}

export function parseMapping(json: unknown, name = 'mapping'): Mapping {
  const parsed = mappingSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new ImportError(`the mapping ${name} is not valid:\n${lines.join('\n')}`);
}

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}
