import { onCluster, type DdlContext } from '../../infra/clickhouse/ddl.ts';

/**
 * Administrative divisions (行政区划) as the reference data know them: every division code a
 * department or window is registered in, its level (6 digits county, 9 town, 12 village) and the
 * service centre that serves it. No event registers divisions on their own, so this is a view.
 */
export const divisionsView = (ctx: DdlContext) => `
  CREATE VIEW IF NOT EXISTS divisions${onCluster(ctx)} AS
  SELECT division_code,
    multiIf(length(division_code) = 6, 'county', length(division_code) = 9, 'town', 'village') AS level,
    anyIf(centre_name, centre_name != '') AS centre_name,
    uniqExact(dept_code) AS departments, uniqExact(window_id) AS windows
  FROM (
    SELECT division_code, '' AS centre_name, code AS dept_code, '' AS window_id FROM departments FINAL
    UNION ALL
    SELECT division_code, centre_name, '' AS dept_code, window_id FROM windows FINAL
  )
  GROUP BY division_code`;
