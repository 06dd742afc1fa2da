import {
  DeadlineExceededError, NotLeaderError, TimeoutError, UnavailableError, WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import type { CurrentStreamState } from '@kurrent/kurrentdb-client';
import { StoreUnavailableError } from './errors.ts';

/** gRPC status codes that mean "the server could not be reached or did not answer in time". */
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;
const NETWORK_FAILURE = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|No connection established|Failed to discover/;

/**
 * The client reports an unreachable server in several shapes: its own UnavailableError from reads
 * and subscriptions, but a raw gRPC ServiceError (code 14, "connect ECONNREFUSED") from appends,
 * whose channel fails before the client converts the error. All of them mean "retry later".
 */
export function isUnavailable(error: unknown): boolean {
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    // Raised while a cluster elects a new leader: transient, like an outage.
    error instanceof NotLeaderError
  ) {
    return true;
  }
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (code === GRPC_UNAVAILABLE || code === GRPC_DEADLINE_EXCEEDED || code === 'ECONNREFUSED') return true;
  return NETWORK_FAILURE.test(error.message);
}

/** Maps connection failures to the port's StoreUnavailableError and passes every other error on. */
export function translateError(error: unknown): unknown {
  if (error instanceof StoreUnavailableError || !isUnavailable(error)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new StoreUnavailableError(`event store unavailable: ${message}`, { cause: error });
}

export interface RevisionConflict {
  streamName: string;
  actual: string;
}

/** The server refused an append because the stream moved since we read it. */
export function asRevisionConflict(error: unknown): RevisionConflict | null {
  if (!(error instanceof WrongExpectedVersionError)) return null;
  return { streamName: error.streamName, actual: describeRevision(error.actualState) };
}

/** Renders a stream's state the way ConcurrencyError reports it: 'no_stream' or the last revision. */
export function describeRevision(state: CurrentStreamState | bigint): string {
  return state === 'no_stream' || state < 0n ? 'no_stream' : String(state);
}
