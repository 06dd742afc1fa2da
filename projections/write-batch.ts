import type { ClickHouse } from '../infra/clickhouse/client.ts';
import { insertRows } from '../infra/clickhouse/insert.ts';
import type { RecordedEvent } from '../infra/event-store/port.ts';
import { writeCheckpoint } from './checkpoint.ts';
import type { Projection, ProjectionServices, TableRows } from './projection.ts';

export const CHECKPOINT_NAME = 'main';

/**
 * One batch: every projection's rows, one insert per table, then the checkpoint. Shared by the
 * live runner and the rebuild, so both write exactly the same rows for the same events.
 */
export async function writeBatch(ch: ClickHouse, projections: Projection[], services: ProjectionServices, batch: RecordedEvent[], suffix: string): Promise<void> {
  await writeRows(ch, await rowsFor(projections, services, batch), batch.at(-1)!.position, suffix);
}

export async function rowsFor(projections: Projection[], services: ProjectionServices, batch: RecordedEvent[]): Promise<TableRows> {
  const rows: TableRows = {};
  for (const p of projections) {
    for (const [table, list] of Object.entries(await p.rows(batch, services))) {
      const target = (rows[table] ??= []);
      for (const row of list) target.push(row);
    }
  }
  return rows;
}

export async function writeRows(ch: ClickHouse, rows: TableRows, upTo: bigint, suffix: string, alsoBefore: (() => Promise<void>)[] = []): Promise<void> {
  // The tables are written side by side: each insert waits mostly on ClickHouse writing its part,
  // and the rows are idempotent whatever the order. Only the checkpoint must come after them all
  // (and after `alsoBefore`, rows prepared elsewhere).
  await Promise.all([...Object.entries(rows).map(([table, values]) => insertRows(ch, `${table}${suffix}`, values)), ...alsoBefore.map((load) => load())]);
  await writeCheckpoint(ch, `projection_checkpoints${suffix}`, CHECKPOINT_NAME, upTo);
}
