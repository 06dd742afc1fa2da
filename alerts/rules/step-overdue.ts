import { caseFilter, type Rule, type RuleContext } from '../rule.ts';
import { NOW, stepEvents, wakeOf } from '../sql.ts';

/**
 * IR08 red (S12 item 3; domain.md §3.2 step 9, §3.3): a step still running in an open case after
 * its own overdue instant, or completed after using more working days than its catalogue limit,
 * even when the case as a whole is on time (§8 Ex 8). One row per case, naming every such step.
 */
/** Steps that may be over: completed over their limit (not a deadline's doing), or open past their overdue instant. */
const candidate = (ctx: RuleContext) => `${caseFilter('case_id')} AND ((completed_on IS NULL AND overdue_at <= ${NOW})${ctx.deadlinesOnly ? '' : ' OR overrun = 1'})`;

/**
 * A step's clock runs while its case does. The scheduled run looks up the cases and events of open
 * cases only: steps left open in cases that ended (refused, withdrawn) pile up over the years, and
 * looking up their events was half of the query's second at 1,000,000 cases.
 */
const OPEN = `('running', 'paused')`;

export const stepOverdue: Rule = {
  id: 'STEP-OVERDUE',
  level: 'red',
  version: 1,
  deterministic: true,
  clock: true,
  timeDriven: true,
  yellowSibling: 'STEP-YELLOW',
  description: {
    zh: '办理环节超过环节时限仍未完成，或超时完成（环节超时红灯）',
    en: 'A handling step open past its own limit, or completed after it',
  },
  sql: (ctx) => `
    SELECT s.case_id AS case_id, any(s.dept_code) AS dept_code, 'red' AS level,
      arrayStringConcat(groupArray(if(s.completed_on IS NULL,
        concat('step ', s.step_code, ' ', s.step_name, ' still open after its due date ', toString(s.due_date)),
        concat('step ', s.step_code, ' ', s.step_name, ' used ', toString(s.used_days), ' of ', toString(s.step_limit), ' working days'))), '; ') AS reason,
      arrayFlatten(groupArray(ifNull(e.ids, []))) AS evidence,
      toJSONString(map(
        'steps', arrayStringConcat(groupArray(concat(s.step_code, '#', toString(s.occurrence))), ','),
        'dueDate', arrayStringConcat(groupArray(toString(s.due_date)), ','),
        'limit', arrayStringConcat(groupArray(toString(s.step_limit)), ','),
        'usedDays', arrayStringConcat(groupArray(ifNull(toString(s.used_days), '')), ','),
        'overrunDays', arrayStringConcat(groupArray(if(s.overrun = 1, toString(toInt32(s.used_days) - s.step_limit), '')), ','))) AS figures
    FROM case_steps AS s FINAL
    INNER JOIN (SELECT case_id, status FROM cases FINAL WHERE ${caseFilter('case_id')}${ctx.deadlinesOnly ? ` AND status IN ${OPEN}` : ''}) AS c ON c.case_id = s.case_id
    LEFT JOIN ${stepEvents(`${ctx.deadlinesOnly ? `case_id IN (SELECT case_id FROM cases FINAL WHERE status IN ${OPEN}) AND ` : ''}case_id IN (SELECT case_id FROM case_steps FINAL WHERE ${candidate(ctx)})`)} AS e
      ON e.case_id = s.case_id AND e.step_code = s.step_code AND e.occurrence = s.occurrence
    WHERE ${caseFilter('s.case_id')}
      AND ((s.completed_on IS NULL AND c.status IN ${OPEN} AND s.overdue_at <= ${NOW})${ctx.deadlinesOnly ? '' : ' OR s.overrun = 1'})
    GROUP BY s.case_id`,
  // The first overdue instant of a step still open in an open case.
  wakes: () => `
    SELECT s.case_id AS case_id, min(${wakeOf('s.overdue_at')}) AS wake FROM case_steps AS s FINAL
    INNER JOIN (SELECT case_id FROM cases FINAL WHERE ${caseFilter('case_id')} AND status IN ${OPEN}) AS c ON c.case_id = s.case_id
    WHERE ${caseFilter('s.case_id')} AND s.completed_on IS NULL AND s.overdue_at > ${NOW}
    GROUP BY s.case_id`,
};
