import type { FastifyInstance } from 'fastify';
import { badRequest, type Problem } from './errors.ts';
import { describeJsonError } from './json-error-locator.ts';

/**
 * A request body kept as bytes: decoding and parsing belong to batch preparation, which may run on
 * a worker thread; the bytes are moved there, not copied.
 */
export interface RawBody {
  raw: Buffer;
  kind: 'json' | 'ndjson';
}

/**
 * JSON (one event or an array) and NDJSON (one event per line) arrive as text. Other routes get
 * their JSON parsed here as usual.
 */
export function registerBodyParsers(app: FastifyInstance, bodyLimit: number): void {
  app.removeContentTypeParser(['application/json']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit }, (req, body, done) => {
    if (req.routeOptions.config?.rawEventBody) return done(null, { raw: body as Buffer, kind: 'json' } satisfies RawBody);
    try {
      done(null, parseJsonBody((body as Buffer).toString('utf8')));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.addContentTypeParser(['application/x-ndjson', 'application/ndjson', 'application/jsonl'], { parseAs: 'buffer', bodyLimit }, (_req, body, done) => {
    done(null, { raw: body as Buffer, kind: 'ndjson' } satisfies RawBody);
  });
}

export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') throw badRequest('The request body is empty. Nothing was stored.');
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON. Nothing was stored.', [{ message: describeJsonError(text) }]);
  }
}

export function parseNdjsonBody(text: string): { items: unknown[]; lines: number[] } {
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
  return { items, lines };
}

export function isRawBody(body: unknown): body is RawBody {
  return typeof body === 'object' && body !== null && Buffer.isBuffer((body as RawBody).raw) && ((body as RawBody).kind === 'json' || (body as RawBody).kind === 'ndjson');
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route takes event batches and wants the body as text (see RawBody). */
    rawEventBody?: boolean;
  }
}
