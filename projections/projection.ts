import type { ClockConfig } from '../domain/clock/index.ts';
import type { EventStore, RecordedEvent } from '../infra/event-store/port.ts';
import type { PendingStreams } from './services/pending-streams.ts';
import { StreamHistories } from './services/stream-histories.ts';
import { ReferenceData } from './services/reference-data.ts';
import type { DdlContext } from '../infra/clickhouse/ddl.ts';

/** Rows to insert, by table base name. */
export type TableRows = Record<string, Record<string, unknown>[]>;

/**
 * A read model: its tables' DDL and a mapping from a batch of stored events to rows. Writes are
 * idempotent because every row carries a version (the global position of the newest event it
 * reflects) in a ReplacingMergeTree: replaying a range writes the same rows again.
 */
export interface Projection {
  name: string;
  /** CREATE TABLE statements for each table, given the table's actual name (a rebuild uses a suffix). */
  tables: Record<string, (ctx: DdlContext, name: string) => string>;
  rows(batch: RecordedEvent[], services: ProjectionServices): TableRows | Promise<TableRows>;
  /** The rows a rebuild held back (`ProjectionServices.pendingCases`), all of them, at its end. */
  flush?(services: ProjectionServices): TableRows | Promise<TableRows>;
}

/** What a mapping may consult besides the batch: reads of the log, never writes. */
export interface ProjectionServices {
  timeZone: string;
  clock: ClockConfig;
  reference: ReferenceData;
  /** Case streams' histories, for the case clock. */
  histories: StreamHistories;
  /** Alert streams' histories: only AlertRaised says which case and rule an alert is about. */
  alerts: StreamHistories;
  /** Set by a rebuild: case rows are computed once the case's history has stopped growing. */
  pendingCases?: PendingStreams;
}

/** Fresh services for one runner or one rebuild: their caches follow that reader's position. */
export function projectionServices(store: EventStore, clock: ClockConfig): ProjectionServices {
  return {
    timeZone: clock.timeZone,
    clock,
    reference: new ReferenceData(store),
    histories: new StreamHistories(store, 'case-'),
    alerts: new StreamHistories(store, 'alert-'),
  };
}

export const isCaseStream = (streamId: string) => streamId.startsWith('case-');
