import type { EventOf } from '../../domain/events/catalogue.ts';
import { chInstant } from '../../infra/clickhouse/insert.ts';
import { INSTANT, onCluster, replacingEngine, type DdlContext } from '../../infra/clickhouse/ddl.ts';
import type { Projection } from '../projection.ts';

/**
 * Complaints (E17), one row per filing or handling; a complaint's state is the latest row per
 * complaint_id. Kept as facts rather than merged, so a replay never has to read back a row.
 */
const complaintsTable = (ctx: DdlContext, name: string) => `
  CREATE TABLE IF NOT EXISTS ${name}${onCluster(ctx)} (
    position UInt64, event_id String, complaint_id String, case_id String, dept_code LowCardinality(String),
    kind LowCardinality(String), at ${INSTANT}, substantiated Nullable(UInt8), source LowCardinality(String)
  ) ENGINE = ${replacingEngine(ctx, name, 'position')} ORDER BY (complaint_id, event_id)`;

export const complaintsProjection: Projection = {
  name: 'complaints',
  tables: { complaints: complaintsTable },
  rows: (batch) => ({
    complaints: batch
      .filter((r) => (r.type === 'ComplaintFiled' || r.type === 'ComplaintHandled') && r.streamId.startsWith('case-'))
      .map((r) => {
        const e = r.data as EventOf<'ComplaintFiled'> | EventOf<'ComplaintHandled'>;
        const handled = e.type === 'ComplaintHandled' ? e.payload.substantiated : undefined;
        return {
          position: r.position.toString(), event_id: e.eventId, complaint_id: e.payload.complaintId, case_id: e.caseId, dept_code: e.dept.code,
          kind: e.type === 'ComplaintFiled' ? 'filed' : 'handled', at: chInstant(e.occurredAt),
          substantiated: handled === undefined ? null : handled ? 1 : 0, source: e.type === 'ComplaintFiled' ? (e.payload.source ?? '') : '',
        };
      }),
  }),
};
