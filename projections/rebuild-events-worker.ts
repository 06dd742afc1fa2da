import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { tsvBody } from '../infra/clickhouse/insert.ts';
import { toRecorded } from '../infra/event-store/sqlite.ts';
import type { EventRow } from '../infra/event-store/sqlite-schema.ts';
import { eventsProjection } from './events/index.ts';
import type { ProjectionServices } from './projection.ts';

/**
 * The events table of a rebuild, on its own thread: it reads a range of the log through its own
 * connection, maps and masks each case event, and writes the rows as an insert file for the main
 * thread to load. See rebuild-events.ts.
 */
const { file } = workerData as { file: string };
const db = new Database(file, { readonly: true });
db.defaultSafeIntegers(true);
const range = db.prepare('SELECT * FROM events WHERE position > ? AND position <= ? ORDER BY position');

export interface EventsJob {
  id: number;
  after: string;
  upTo: string;
  columns: string[];
  table: string;
  out: string;
}

parentPort!.on('message', (job: EventsJob) => {
  try {
    const batch = (range.all(BigInt(job.after), BigInt(job.upTo)) as EventRow[]).map(toRecorded);
    // The events mapping reads nothing but the batch.
    const rows = (eventsProjection.rows(batch, undefined as unknown as ProjectionServices) as { events: Record<string, unknown>[] }).events;
    if (rows.length > 0) writeFileSync(job.out, tsvBody(job.columns, job.table, rows));
    parentPort!.postMessage({ id: job.id, rows: rows.length });
  } catch (error) {
    parentPort!.postMessage({ id: job.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
