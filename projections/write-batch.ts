import type { ClickHouse } from '../infra/clickhouse/client.ts';
import type { RecordedEvent } from '../infra/event-store/port.ts';
import { writeCheckpoint } from './checkpoint.ts';
import type { Projection, ProjectionServices, TableRows } from './projection.ts';

export const CHECKPOINT_NAME = 'main';

/**
 * One batch: every projection's rows, one insert per table, then the checkpoint. Shared by the
 * live runner and the rebuild, so both write exactly the same rows for the same events.
 */
export async function writeBatch(ch: ClickHouse, projections: Projection[], services: ProjectionServices, batch: RecordedEvent[], suffix: string): Promise<void> {
  const rows: TableRows = {};
  for (const p of projections) {
    for (const [table, list] of Object.entries(await p.rows(batch, services))) {
      const target = (rows[table] ??= []);
      for (const row of list) target.push(row);
    }
  }
  for (const [table, values] of Object.entries(rows)) {
    if (values.length > 0) await ch.client.insert({ table: `${table}${suffix}`, values, format: 'JSONEachRow' });
  }
  await writeCheckpoint(ch, `projection_checkpoints${suffix}`, CHECKPOINT_NAME, batch.at(-1)!.position);
}
