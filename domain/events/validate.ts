import { caseEventTypes, referenceEventTypes, schemaForType, type SunlightEvent } from './catalogue.ts';
import { problemsOf, type Problem } from './problems.ts';

const knownTypes = [...caseEventTypes, ...referenceEventTypes];

/**
 * Validates every item of a batch and collects every problem, so the sender fixes them all in one
 * round trip. The type is looked at first so the errors speak of that event type's own fields.
 */
export function validateEvents(items: unknown[], lines?: number[]): { events: SunlightEvent[]; problems: Problem[] } {
  const events: SunlightEvent[] = [];
  const problems: Problem[] = [];
  items.forEach((item, index) => {
    const at = lines ? { index, line: lines[index]! } : { index };
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      problems.push({ ...at, message: 'each event must be a JSON object' });
      return;
    }
    const type = (item as { type?: unknown }).type;
    const schema = typeof type === 'string' ? schemaForType(type) : undefined;
    if (!schema) {
      problems.push({ ...at, path: 'type', message: typeMessage(type), ...(typeof type === 'string' && { type }) });
      return;
    }
    const parsed = schema.safeParse(item);
    if (parsed.success) events.push(parsed.data as SunlightEvent);
    else problems.push(...problemsOf(parsed.error.issues, item, at));
  });
  return { events, problems };
}

function typeMessage(type: unknown): string {
  if (type === undefined) return `is missing; it names the event, one of: ${knownTypes.join(', ')}`;
  return `${JSON.stringify(type)} is not a known event type; known types: ${knownTypes.join(', ')}`;
}
