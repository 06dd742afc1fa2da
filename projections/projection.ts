import type { RecordedEvent } from '../infra/event-store/port.ts';
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
}

/** What a mapping may consult besides the batch: kept small, and pure apart from reads. */
export interface ProjectionServices {
  timeZone: string;
}

export const isCaseStream = (streamId: string) => streamId.startsWith('case-');
