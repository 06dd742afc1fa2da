import type { FastifyInstance } from 'fastify';
import { badRequest, type Problem } from './errors.ts';
import { describeJsonError } from './json-error-locator.ts';

/** A parsed request body: the events in order, with their NDJSON line numbers when there are lines. */
export interface EventBatchBody {
  items: unknown[];
  lines?: number[];
}

/**
 * JSON (one event or an array) and NDJSON (one event per line). Parsing errors name the line and
 * column, or the character position, so the sender can find the broken record.
 */
export function registerBodyParsers(app: FastifyInstance, bodyLimit: number): void {
  app.removeContentTypeParser(['application/json']);
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (_req, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.addContentTypeParser(['application/x-ndjson', 'application/ndjson', 'application/jsonl'], { parseAs: 'string', bodyLimit }, (_req, body, done) => {
    try {
      done(null, parseNdjsonBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

export function parseJsonBody(text: string): EventBatchBody | unknown {
  if (text.trim() === '') throw badRequest('The request body is empty. Nothing was stored.');
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON. Nothing was stored.', [{ message: describeJsonError(text) }]);
  }
}

export function parseNdjsonBody(text: string): EventBatchBody {
  const items: unknown[] = [];
  const lines: number[] = [];
  const problems: Problem[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    try {
      items.push(JSON.parse(line));
      lines.push(i + 1);
    } catch {
      problems.push({ line: i + 1, message: `line ${i + 1} is not valid JSON: ${describeJsonError(line).replace(/at line 1, /, 'at ')}` });
    }
  });
  if (problems.length > 0) throw badRequest('Some NDJSON lines are not valid JSON. Nothing was stored.', problems);
  if (items.length === 0) throw badRequest('The request body holds no event. Nothing was stored.');
  return { items, lines, ndjson: true } as EventBatchBody;
}

export function isNdjsonBody(body: unknown): body is EventBatchBody {
  return typeof body === 'object' && body !== null && (body as { ndjson?: boolean }).ndjson === true;
}
