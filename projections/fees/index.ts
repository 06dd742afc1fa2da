import type { EventOf } from '../../domain/events/catalogue.ts';
import { chInstant } from '../../infra/clickhouse/insert.ts';
import { CASE_LOOKUP_SETTINGS, INSTANT, onCluster, replacingEngine, type DdlContext } from '../../infra/clickhouse/ddl.ts';
import type { Projection } from '../projection.ts';

/** Every fee charged (E11), for fee-transparency checks (IR12) and the fee figures of rankings. */
const feesTable = (ctx: DdlContext, name: string) => `
  CREATE TABLE IF NOT EXISTS ${name}${onCluster(ctx)} (
    position UInt64, event_id String, case_id String, dept_code LowCardinality(String), window_id LowCardinality(String),
    matter_code LowCardinality(String), fee_item_code LowCardinality(String), quantity UInt32, amount Decimal(18, 2),
    receipt_no String, charged_at ${INSTANT}
  ) ENGINE = ${replacingEngine(ctx, name, 'position')} PARTITION BY toYYYYMM(charged_at) ORDER BY (case_id, event_id) ${CASE_LOOKUP_SETTINGS}`;

export const feesProjection: Projection = {
  name: 'fees',
  tables: { fees: feesTable },
  rows: (batch) => ({
    fees: batch
      .filter((r) => r.type === 'FeeCharged' && r.streamId.startsWith('case-'))
      .map((r) => {
        const e = r.data as EventOf<'FeeCharged'>;
        return {
          position: r.position.toString(), event_id: e.eventId, case_id: e.caseId, dept_code: e.dept.code, window_id: e.windowId ?? '',
          matter_code: e.matterCode, fee_item_code: e.payload.feeItemCode ?? '', quantity: e.payload.quantity ?? 1,
          amount: e.payload.amount.toFixed(2), receipt_no: e.payload.receiptNo, charged_at: chInstant(e.occurredAt),
        };
      }),
  }),
};
