import { caseFilter, type Rule } from '../rule.ts';
import { trimmed } from '../sql.ts';

const CLAUSES = `arrayStringConcat(arrayFilter((x, on) -> on, ['late', 'too-long', 'no-reason'], [max(late), max(too_long), max(no_reason)]), ',')`;

/**
 * IR18 (ALL Art. 42 [S3]; domain.md §3.2 step 5): a type-1 special procedure (延长审批) that is
 *   late       started after the promised due date: the clock refused it ('extension-after-due-date')
 *              and its start is later than the due date; one started on the due date itself is
 *              refused by the clock too but is not "after" it;
 *   too-long   asks for more than {extensionMaxNormal} working days ({extensionMaxJoint} when the
 *              matter is handled jointly), or together with earlier extensions goes beyond the
 *              maximum ('extension-beyond-maximum' on the promised clock);
 *   no-reason  gives no reason (启动理由或依据): Art. 42 requires the reasons to be told to the applicant.
 */
export const ir18ExtensionIrregular: Rule = {
  id: 'IR18',
  level: 'red',
  version: 1,
  deterministic: true,
  description: {
    zh: '延长审批违规：超过办理期限后才申请延长、延长期限超过法定上限，或未说明延长理由',
    en: 'Irregular extension: requested after the due date, longer than the legal maximum, or without a reason',
  },
  sql: () => `
    WITH
      ext AS (
        SELECT case_id, event_id, position, JSONExtractString(payload, 'startedOn') AS started_on,
          JSONExtractUInt(payload, 'limit', 'value') AS days, ${trimmed(`JSONExtractString(payload, 'reason')`)} = '' AS no_reason
        FROM events FINAL
        WHERE type = 'SpecialProcedureStarted' AND JSONExtractString(payload, 'kind') = '1' AND ${caseFilter('case_id')}),
      judged AS (
        SELECT e.case_id AS case_id, c.dept_code AS dept_code, e.event_id AS event_id, e.position AS position, e.days AS days,
          e.started_on AS started_on, c.due_date AS due_date, e.no_reason AS no_reason,
          if(m.joint_handling = 1, {extensionMaxJoint:UInt32}, {extensionMaxNormal:UInt32}) AS max_days,
          arrayExists(x -> JSONExtractString(x, 'code') = 'extension-after-due-date' AND has(JSONExtract(x, 'eventIds', 'Array(String)'), e.event_id)
            AND JSONExtractString(x, 'on') > ifNull(toString(c.due_date), '9999-12-31'), c.anomalies_promised) AS late,
          e.days > max_days OR arrayExists(x -> JSONExtractString(x, 'code') = 'extension-beyond-maximum'
            AND has(JSONExtract(x, 'eventIds', 'Array(String)'), e.event_id), c.anomalies_promised) AS too_long
        FROM ext AS e
        INNER JOIN (
          SELECT case_id, dept_code, due_date, matter_code, ifNull(matter_version, 0) AS matter_version,
            arrayFilter(x -> JSONExtractString(x, 'clock') = 'promised', JSONExtractArrayRaw(anomaly_details)) AS anomalies_promised
          FROM cases FINAL WHERE ${caseFilter('case_id')}
        ) AS c ON c.case_id = e.case_id
        LEFT JOIN (SELECT matter_code, version, joint_handling FROM matters FINAL) AS m
          ON m.matter_code = c.matter_code AND m.version = c.matter_version)
    SELECT case_id, any(dept_code) AS dept_code, 'red' AS level,
      concat('irregular extension (', ${CLAUSES}, '): ', arrayStringConcat(groupArray(concat(toString(days), ' working days from ', started_on,
        if(late, concat(', after the due date ', toString(due_date)), ''), if(too_long, concat(', over the maximum of ', toString(max_days)), ''),
        if(no_reason, ', no reason given', ''))), '; ')) AS reason,
      arrayMap(x -> x.2, arraySort(groupArray((position, event_id)))) AS evidence,
      toJSONString(map('clauses', ${CLAUSES}, 'extensions', toString(count()), 'requestedDays', arrayStringConcat(groupArray(toString(days)), ','),
        'maxDays', toString(any(max_days)), 'startedOn', min(started_on), 'dueDate', ifNull(toString(any(due_date)), ''))) AS figures
    FROM judged
    WHERE late OR too_long OR no_reason
    GROUP BY case_id
    ORDER BY case_id`,
};
