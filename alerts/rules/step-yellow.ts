import { caseFilter, type Rule } from '../rule.ts';
import { NOW, stepEvents, wakeOf } from '../sql.ts';
import { isoInstant } from './working-days-sql.ts';

/**
 * IR08 yellow (S12 item 3; domain.md §3.2 step 9, §3.3): a step still running in an open case has
 * reached its warn instant (at most Y working days of its own limit left) but not its overdue one.
 * A step paused with its case has no warn instant, so it warns nobody.
 */
/** Open steps between their warn and overdue instants. */
const CANDIDATE = `${caseFilter('case_id')} AND completed_on IS NULL AND warn_at <= ${NOW} AND ${NOW} < overdue_at`;

export const stepYellow: Rule = {
  id: 'STEP-YELLOW',
  level: 'yellow',
  version: 1,
  deterministic: true,
  clock: true,
  timeDriven: true,
  description: {
    zh: '办理环节临近环节时限（剩余不超过1个工作日），尚未完成（环节预警黄灯）',
    en: 'A handling step still open with at most one working day of its own limit left',
  },
  sql: () => `
    SELECT s.case_id AS case_id, any(s.dept_code) AS dept_code, 'yellow' AS level,
      arrayStringConcat(groupArray(concat('step ', s.step_code, ' ', s.step_name, ' nearly used its ', toString(s.step_limit), ' working days: due ', toString(s.due_date))), '; ') AS reason,
      arrayFlatten(groupArray(ifNull(e.ids, []))) AS evidence,
      toJSONString(map(
        'steps', arrayStringConcat(groupArray(concat(s.step_code, '#', toString(s.occurrence))), ','),
        'dueDate', arrayStringConcat(groupArray(toString(s.due_date)), ','),
        'warnAt', arrayStringConcat(groupArray(${isoInstant('assumeNotNull(s.warn_at)')}), ','),
        'limit', arrayStringConcat(groupArray(toString(s.step_limit)), ','))) AS figures
    FROM case_steps AS s FINAL
    INNER JOIN (SELECT case_id, status FROM cases FINAL WHERE ${caseFilter('case_id')}) AS c ON c.case_id = s.case_id
    LEFT JOIN ${stepEvents(`case_id IN (SELECT case_id FROM case_steps FINAL WHERE ${CANDIDATE})`)} AS e
      ON e.case_id = s.case_id AND e.step_code = s.step_code AND e.occurrence = s.occurrence
    WHERE ${caseFilter('s.case_id')} AND s.completed_on IS NULL AND c.status IN ('running', 'paused')
      AND s.warn_at <= ${NOW} AND ${NOW} < s.overdue_at
    GROUP BY s.case_id`,
  // Each step open in an open case: yellow from its warn instant, no longer at its overdue one.
  wakes: () => `
    SELECT s.case_id AS case_id, min(${wakeOf(`if(s.warn_at > ${NOW}, s.warn_at, s.overdue_at)`)}) AS wake FROM case_steps AS s FINAL
    INNER JOIN (SELECT case_id FROM cases FINAL WHERE ${caseFilter('case_id')} AND status IN ('running', 'paused')) AS c ON c.case_id = s.case_id
    WHERE ${caseFilter('s.case_id')} AND s.completed_on IS NULL AND s.overdue_at > ${NOW}
    GROUP BY s.case_id`,
};
