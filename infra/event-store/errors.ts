/** Errors of the event store, one class per kind, each with a stable code for the HTTP error table. */

export class ConcurrencyError extends Error {
  readonly code = 'CONCURRENCY';
  constructor(
    readonly streamId: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`stream ${streamId}: expected revision ${expected}, actual ${actual}`);
    this.name = 'ConcurrencyError';
  }
}

/** The same event id was already used for an event with different content. */
export class DuplicateEventIdConflict extends Error {
  readonly code = 'EVENT_ID_CONFLICT';
  constructor(
    readonly eventId: string,
    readonly storedIn: string,
  ) {
    super(`event id ${eventId} is already stored (in ${storedIn}) with different content`);
    this.name = 'DuplicateEventIdConflict';
  }
}

/** The store cannot be reached or cannot write; nothing of the request was stored. */
export class StoreUnavailableError extends Error {
  readonly code = 'STORE_UNAVAILABLE';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}
