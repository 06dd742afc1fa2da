import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Config } from '../config.ts';
import type { EventStore } from './port.ts';
import { createSqliteEventStore } from './sqlite.ts';

/** Picks the adapter from configuration; nothing else in the code knows which one runs. */
export async function openEventStore(config: Config): Promise<EventStore> {
  if (config.eventStore.kind === 'kurrentdb') {
    // Loaded only when used: the gRPC client is heavy and the embedded mode does not need it.
    const { createKurrentDbEventStore } = await import('./kurrentdb.ts');
    return createKurrentDbEventStore({ connectionString: config.eventStore.connectionString });
  }
  mkdirSync(dirname(config.eventStore.file), { recursive: true });
  return createSqliteEventStore({ file: config.eventStore.file, backgroundCheckpoint: true });
}
