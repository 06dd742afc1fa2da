import { caseFilter, type Rule } from '../rule.ts';
import { WORKING_DAYS, addWorkingDays, pastWorkingDays, wd } from '../sql.ts';
import { localDate } from './working-days-sql.ts';

/**
 * IR10 (S12 item 4; ALL Art. 43 [S3]): the preliminary review reaches the upper authority (E12
 * CaseForwarded) later than {forwardingWorkingDays} working days after acceptance, counted on the
 * published calendar from the case's legal acceptance date without subtracting pauses (Art. 43
 * counts plain days); or later than the limit of the step it closes (domain.md §4 "or later than
 * the step limit"): the due date of the last step run begun before it, by that step's own clock.
 * Forwarding on the last allowed day is in time; on the next day, rest day or not, it is late.
 */
export const ir10ForwardingLate: Rule = {
  id: 'IR10',
  level: 'red',
  version: 1,
  deterministic: true,
  description: {
    zh: '初审后转报（上报）上级机关超过规定工作日或超过环节时限',
    en: 'Preliminary review forwarded to the upper authority later than the allowed working days after acceptance, or after its step limit',
  },
  sql: () => `
    WITH ${WORKING_DAYS}
    SELECT case_id, dept_code, 'red' AS level,
      arrayStringConcat(arrayFilter(m -> m != '', [
        if(late_days, concat('forwarded on ', toString(f_day), ', ', toString(used), ' working days after acceptance on ', toString(a_day),
                             ' (allowed until ', toString(until_day), ')'), ''),
        if(late_step, concat('forwarded on ', toString(f_day), ', after step ', step_code, ' was due on ', toString(step_due)), '')]), '; ') AS reason,
      arrayConcat(acc_ids, [fwd_id]) AS evidence,
      toJSONString(map('acceptedOn', toString(a_day), 'forwardedOn', toString(f_day), 'workingDays', toString(used),
                       'limit', toString({forwardingWorkingDays:UInt32}), 'allowedUntil', toString(until_day),
                       'step', step_code, 'stepDueDate', if(step_code = '', '', toString(step_due)),
                       'clauses', arrayStringConcat(arrayFilter(x -> x != '', [if(late_days, 'days-after-acceptance', ''), if(late_step, 'step-limit', '')]), ','))) AS figures
    FROM (
      SELECT f.case_id AS case_id, f.dept_code AS dept_code, f.fwd_id AS fwd_id, ${localDate('f.fwd_at')} AS f_day, assumeNotNull(c.accepted_on) AS a_day,
        a.ids AS acc_ids, s.step_code AS step_code, s.step_due AS step_due,
        ${wd('a_day', 'f_day')} AS used, ${addWorkingDays('a_day', '{forwardingWorkingDays:UInt32}')} AS until_day,
        ${pastWorkingDays('a_day', '{forwardingWorkingDays:UInt32}', 'f_day')} AS late_days,
        s.step_code != '' AND f_day > s.step_due AS late_step
      FROM (
        SELECT case_id, toString(argMin(dept_code, (occurred_at, seq))) AS dept_code, argMin(event_id, (occurred_at, seq)) AS fwd_id, min(occurred_at) AS fwd_at
        FROM events FINAL WHERE type = 'CaseForwarded' AND ${caseFilter('case_id')} GROUP BY case_id
      ) AS f
      INNER JOIN (SELECT case_id, accepted_on FROM cases FINAL WHERE ${caseFilter('case_id')} AND accepted_on IS NOT NULL) AS c ON c.case_id = f.case_id
      LEFT JOIN (
        SELECT case_id, groupArray(event_id) AS ids FROM events FINAL WHERE type = 'CaseAccepted' AND ${caseFilter('case_id')} GROUP BY case_id
      ) AS a ON a.case_id = f.case_id
      LEFT JOIN (
        SELECT case_id, toString(argMax(step_code, (started_on, step_no, occurrence))) AS step_code, argMax(assumeNotNull(due_date), (started_on, step_no, occurrence)) AS step_due
        FROM case_steps FINAL WHERE ${caseFilter('case_id')} AND due_date IS NOT NULL GROUP BY case_id
      ) AS s ON s.case_id = f.case_id
    )
    WHERE late_days OR late_step`,
};
