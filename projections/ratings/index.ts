import type { EventOf } from '../../domain/events/catalogue.ts';
import { chInstant } from '../../infra/clickhouse/insert.ts';
import { CASE_LOOKUP_SETTINGS, INSTANT, onCluster, replacingEngine, type DdlContext } from '../../infra/clickhouse/ddl.ts';
import type { Projection } from '../projection.ts';

/** 好差评 ratings (E16). The rater's identity is not kept here: evaluators stay confidential (S25). */
const ratingsTable = (ctx: DdlContext, name: string) => `
  CREATE TABLE IF NOT EXISTS ${name}${onCluster(ctx)} (
    position UInt64, event_id String, case_id String, dept_code LowCardinality(String), window_id LowCardinality(String),
    matter_code LowCardinality(String), channel LowCardinality(String), level UInt8, rated_at ${INSTANT}
  ) ENGINE = ${replacingEngine(ctx, name, 'position')} PARTITION BY toYYYYMM(rated_at) ORDER BY (case_id, event_id) ${CASE_LOOKUP_SETTINGS}`;

export const ratingsProjection: Projection = {
  name: 'ratings',
  tables: { ratings: ratingsTable },
  rows: (batch) => ({
    ratings: batch
      .filter((r) => r.type === 'RatingSubmitted' && r.streamId.startsWith('case-'))
      .map((r) => {
        const e = r.data as EventOf<'RatingSubmitted'>;
        return {
          position: r.position.toString(), event_id: e.eventId, case_id: e.caseId, dept_code: e.dept.code, window_id: e.windowId ?? '',
          matter_code: e.matterCode, channel: e.payload.channel, level: e.payload.level, rated_at: chInstant(e.occurredAt),
        };
      }),
  }),
};
