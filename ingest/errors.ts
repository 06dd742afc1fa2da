import { AlertTransitionError } from '../domain/alerts/errors.ts';
import type { Problem } from '../domain/events/problems.ts';
import { ConcurrencyError, DuplicateEventIdConflict, StoreUnavailableError } from '../infra/event-store/errors.ts';

export type { Problem };

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly problems?: Problem[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string, problems?: Problem[]) => new HttpError(400, 'VALIDATION', message, problems);
export const unauthorized = (message: string) => new HttpError(401, 'UNAUTHORIZED', message);
export const forbidden = (message: string, problems?: Problem[]) => new HttpError(403, 'FORBIDDEN', message, problems);
export const notFound = (message: string) => new HttpError(404, 'NOT_FOUND', message);
export const tooLarge = (message: string) => new HttpError(413, 'TOO_LARGE', message);

const NOTHING_STORED = 'Nothing of this request was stored.';

/** The one table from every error kind to an HTTP status and a body. */
export function toHttp(error: unknown, limits: { maxBytes: number }): { status: number; body: Record<string, unknown> } {
  if (error instanceof HttpError) {
    return { status: error.statusCode, body: { error: error.code, message: error.message, ...(error.problems && { problems: error.problems }), ...error.extra } };
  }
  if (error instanceof ConcurrencyError) {
    return { status: 409, body: { error: error.code, message: `${error.message}. ${NOTHING_STORED}`, streamId: error.streamId, expected: error.expected, actual: error.actual } };
  }
  if (error instanceof DuplicateEventIdConflict) {
    return {
      status: 409,
      body: { error: error.code, message: `eventId ${error.eventId} was already used for a different event (in ${error.storedIn}). A corrected fact needs a new eventId. ${NOTHING_STORED}`, eventId: error.eventId },
    };
  }
  if (error instanceof AlertTransitionError) {
    const status = error.code === 'ROLE_NOT_ALLOWED' ? 403 : error.code === 'ALERT_NOT_FOUND' ? 404 : error.code === 'INVALID_COMMAND' ? 400 : 409;
    return { status, body: { error: error.code, message: error.message, alertStatus: error.status, allowed: error.allowed } };
  }
  if (error instanceof StoreUnavailableError) {
    return { status: 503, body: { error: error.code, message: `The event store is unavailable; try again shortly. ${NOTHING_STORED}` } };
  }
  const fastifyCode = (error as { code?: string }).code;
  if (fastifyCode === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return { status: 413, body: { error: 'TOO_LARGE', message: `The request body is larger than the limit of ${limits.maxBytes} bytes; split it into smaller batches. ${NOTHING_STORED}` } };
  }
  if (fastifyCode === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return { status: 415, body: { error: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send application/json (one event or an array) or application/x-ndjson (one event per line).' } };
  }
  if (fastifyCode === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return { status: 400, body: { error: 'VALIDATION', message: `The request body is empty. ${NOTHING_STORED}` } };
  }
  const status = (error as { statusCode?: number }).statusCode;
  if (status && status >= 400 && status < 500) {
    return { status, body: { error: 'BAD_REQUEST', message: (error as Error).message } };
  }
  return { status: 500, body: { error: 'INTERNAL', message: 'Internal error; it has been logged.' } };
}
