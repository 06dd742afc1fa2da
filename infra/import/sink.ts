import type { Config } from '../config.ts';
import { openEventStore } from '../event-store/open.ts';
import { DuplicateEventIdConflict } from '../event-store/errors.ts';
import type { AppendRequest, EventStore } from '../event-store/port.ts';
import { runningServer } from '../server-lock.ts';
import { ImportError } from './log.ts';
import type { StagedCase } from './staging.ts';

export interface AppendOutcome {
  appended: number;
  duplicates: number;
}

/** Where validated cases go. Each `append` is atomic; cases are never split across two calls. */
export interface ImportSink {
  /** Shown in the summary: the store file or the server's URL. */
  target: string;
  /** The most events one atomic append takes. */
  maxEventsPerAppend: number;
  append(cases: StagedCase[]): Promise<AppendOutcome>;
  close(): Promise<void>;
}

/**
 * One atomic appendMany takes the whole import up to this many events (receipt.xes: ~10k). A
 * larger log is appended in chunks of whole cases: a failure between chunks leaves the earlier
 * chunks stored, and running the same import again stores only the rest, since the ids repeat.
 */
export const DIRECT_MAX_EVENTS = 200_000;

export function storeSink(store: EventStore, target: string, now: () => Date = () => new Date()): ImportSink {
  return {
    target,
    maxEventsPerAppend: DIRECT_MAX_EVENTS,
    async append(cases) {
      const recordedAt = now().toISOString();
      const requests = cases.map((c): AppendRequest => ({
        streamId: c.streamId,
        // Facts are appended whatever the stream holds, as the HTTP ingest does.
        expectedRevision: 'any',
        events: c.events.map((e) => ({ eventId: e.eventId, type: e.type, data: undefined, dataJson: e.dataJson, recordedAt })),
      }));
      const results = await store.appendMany(requests).catch((error: unknown) => {
        if (!(error instanceof DuplicateEventIdConflict)) throw error;
        throw new ImportError(
          `${error.message}. Event ids follow each case's event positions, so this log was imported before from a different file version or with a different mapping; import it under another sourceSystem or case prefix`,
        );
      });
      return { appended: results.reduce((n, r) => n + r.appended, 0), duplicates: results.reduce((n, r) => n + r.duplicates.length, 0) };
    },
    close: () => store.close(),
  };
}

export interface Destination {
  /** A running Sunlight server to send the events to, with a token that may append them. */
  to?: string;
  token?: string;
}

/**
 * The embedded engines allow one process per data directory, so the import writes to the store
 * directly only when no server runs on it; otherwise it must go through that server's API.
 */
export async function openSink(config: Config, destination: Destination): Promise<ImportSink> {
  if (destination.to !== undefined) {
    if (!destination.token) throw new ImportError('--to needs --token: a token of the administrator or of the department the events belong to');
    const { httpSink } = await import('./http-sink.ts');
    return httpSink(destination.to, destination.token, config.ingest.maxEvents);
  }
  const server = runningServer(config.dataDir);
  if (server) {
    throw new ImportError(
      `a Sunlight server (pid ${server.pid}) is running on ${config.dataDir} at ${server.url}; ` +
        `import through it with --to ${server.url} --token <token>, or stop it first`,
    );
  }
  const store = await openEventStore(config);
  return storeSink(store, config.eventStore.kind === 'sqlite' ? config.eventStore.file : 'KurrentDB');
}
