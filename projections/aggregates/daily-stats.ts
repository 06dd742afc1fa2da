import { onCluster, type DdlContext } from '../../infra/clickhouse/ddl.ts';

/**
 * Per-day figures for performance rankings, by department, window and division. A view over the
 * read models rather than a summing table: it is idempotent by construction (a replayed batch can
 * never count twice), survives a rebuild unchanged, and a month of a county is a small query.
 * Each figure is dated by its own event: received on submission, concluded on conclusion, and so on.
 * Instants are stored in UTC, and toDate() of a UTC column takes the column's zone, not the
 * session's: the day must be asked for in timezone() (the deployment's zone) explicitly.
 */
export const dailyStatsView = (ctx: DdlContext) => `
  CREATE VIEW IF NOT EXISTS daily_stats${onCluster(ctx)} AS
  SELECT day, dept_code, window_id, division_code,
    sum(received) AS received, sum(accepted) AS accepted, sum(concluded) AS concluded,
    sum(early) AS early, sum(on_time) AS on_time, sum(overdue) AS overdue, sum(instant) AS instant,
    sum(used_days) AS used_working_days, sum(online) AS online, sum(fees) AS fees_charged,
    sum(rating_1) AS rating_1, sum(rating_2) AS rating_2, sum(rating_3) AS rating_3, sum(rating_4) AS rating_4, sum(rating_5) AS rating_5,
    sum(complaints) AS complaints
  FROM (
    SELECT submitted_on AS day, dept_code, window_id, division_code, 1 AS received, 0 AS accepted, 0 AS concluded,
      0 AS early, 0 AS on_time, 0 AS overdue, 0 AS instant, 0 AS used_days, online, toDecimal64(0, 2) AS fees,
      0 AS rating_1, 0 AS rating_2, 0 AS rating_3, 0 AS rating_4, 0 AS rating_5, 0 AS complaints
    FROM cases FINAL WHERE submitted_on IS NOT NULL
    UNION ALL
    SELECT accepted_on, dept_code, window_id, division_code, 0, 1, 0, 0, 0, 0, 0, 0, 0, toDecimal64(0, 2), 0, 0, 0, 0, 0, 0
    FROM cases FINAL WHERE accepted_on IS NOT NULL AND acceptance_basis != 'deemed-if-undecided'
    UNION ALL
    SELECT ended_on, dept_code, window_id, division_code, 0, 0, 1,
      classification = 'early', classification = 'on-time', classification = 'overdue', classification = 'instant',
      ifNull(used_days, 0), 0, toDecimal64(0, 2), 0, 0, 0, 0, 0, 0
    FROM cases FINAL WHERE status = 'concluded' AND ended_on IS NOT NULL
    UNION ALL
    SELECT toDate(charged_at, timezone()), dept_code, window_id, '', 0, 0, 0, 0, 0, 0, 0, 0, 0, toDecimal64(amount, 2), 0, 0, 0, 0, 0, 0
    FROM fees FINAL
    UNION ALL
    SELECT toDate(rated_at, timezone()), dept_code, window_id, '', 0, 0, 0, 0, 0, 0, 0, 0, 0, toDecimal64(0, 2),
      level = 1, level = 2, level = 3, level = 4, level = 5, 0
    FROM ratings FINAL
    UNION ALL
    SELECT toDate(at, timezone()), dept_code, '', '', 0, 0, 0, 0, 0, 0, 0, 0, 0, toDecimal64(0, 2), 0, 0, 0, 0, 0, 1
    FROM complaints FINAL WHERE kind = 'filed'
  )
  GROUP BY day, dept_code, window_id, division_code`;
