import { caseFilter, type Rule } from '../rule.ts';
import { localDate, workdayIndex } from './working-days-sql.ts';

/**
 * IR14 (S13: data exchanged 实时、全面、准确、真实; S31: vertically managed units batch-enter cases
 * after completion): an event reached the supervision store more than {reportingLagWorkingDays}
 * working days after it happened, counted as wd(date(occurredAt), date(recordedAt)] in the
 * deployment's zone — a Friday event recorded on Monday is one working day late, not three.
 */
export const ir14ReportingLag: Rule = {
  id: 'IR14',
  level: 'yellow',
  version: 1,
  deterministic: true,
  description: {
    zh: '数据上报滞后：事件入库时间晚于发生时间超过规定工作日',
    en: 'Reporting lag: events recorded more than the allowed working days after they happened',
  },
  sql: () => `
    WITH cal AS ${workdayIndex}
    SELECT case_id, argMax(dept_code, position) AS dept_code, 'yellow' AS level,
      concat(toString(count()), ' event(s) recorded up to ', toString(max(lag)), ' working days after they happened (allowed ',
             toString({reportingLagWorkingDays:UInt32}), ')') AS reason,
      arrayMap(x -> x.2, arraySort(groupArray((position, event_id)))) AS evidence,
      toJSONString(map('laggingEvents', toString(count()), 'maxLagWorkingDays', toString(max(lag)),
        'allowedWorkingDays', toString({reportingLagWorkingDays:UInt32}),
        'firstOccurredOn', toString(${localDate('min(occurred_at)')}), 'lastRecordedOn', toString(${localDate('max(recorded_at)')}))) AS figures
    FROM (
      SELECT e.case_id AS case_id, e.dept_code AS dept_code, e.position AS position, e.event_id AS event_id,
        e.occurred_at AS occurred_at, e.recorded_at AS recorded_at, r.n - o.n AS lag
      FROM events AS e FINAL
      INNER JOIN cal AS o ON o.day = ${localDate('e.occurred_at')}
      INNER JOIN cal AS r ON r.day = ${localDate('e.recorded_at')}
      WHERE ${caseFilter('e.case_id')} AND r.n - o.n > {reportingLagWorkingDays:UInt32}
    )
    GROUP BY case_id
    ORDER BY case_id`,
};
