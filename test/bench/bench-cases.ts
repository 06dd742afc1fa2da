import { randomUUID } from 'node:crypto';
import type { CaseEvent } from '../../domain/events/catalogue.ts';
import { aConcludedCaseHistory } from '../builders/case-events.ts';

/**
 * `total` case events in batches of `size`, as whole concluded case histories. Benchmarks use it
 * where the county simulator is not needed; events are built from one template for speed.
 */
export function* benchCases(total: number, size: number): Generator<CaseEvent[]> {
  const template = aConcludedCaseHistory('TEMPLATE');
  let batch: CaseEvent[] = [];
  let made = 0;
  for (let c = 0; made < total; c++) {
    const caseId = `BENCH-${c}`;
    for (const t of template) {
      if (made === total) break;
      batch.push({ ...t, eventId: randomUUID(), caseId });
      made++;
      if (batch.length === size) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}
