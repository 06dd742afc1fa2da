import { caseFilter, type Rule } from '../rule.ts';
import { isoInstant } from './working-days-sql.ts';

/** Records a case has at most one of: a new version of one of these replaces it whatever its seq. */
const ONCE_PER_CASE = `('CaseSubmitted', 'CasePreReviewed', 'CaseAccepted', 'AcceptanceRefused', 'CaseConcluded', 'ResultDelivered', 'CaseWithdrawn')`;

/**
 * IR20 (domain.md §2.1: a correction is a new event, never an update in place; S11 数据版本号 SJBBH):
 * a silent rewrite of a concluded case. After the case's first CaseConcluded was recorded (log
 * position), an event arrives with a higher dataVersion than the version before it of the same
 * record, and changes that record's occurredAt or, for a conclusion, its resultCode (办结结果代码).
 * "The same record" is the same type and seq, or the same type alone for the records a case has
 * once (submission, acceptance or refusal, conclusion, delivery, withdrawal): senders renumber a
 * re-sent conclusion. The version compared with is the highest lower version recorded before it.
 */
export const ir20SilentRewrite: Rule = {
  id: 'IR20',
  level: 'yellow',
  version: 1,
  deterministic: true,
  description: {
    zh: '办结后静默改写：办结后以更高数据版本号重报记录，改变了关键时间或办结结果',
    en: 'Silent rewrite after conclusion: a record re-sent with a higher data version changes a key timestamp or the result',
  },
  sql: () => `
    WITH
      ev AS (
        SELECT case_id, event_id, position, type, data_version, occurred_at, dept_code,
          if(type = 'CaseConcluded', JSONExtractString(payload, 'resultCode'), '') AS result_code,
          if(type IN ${ONCE_PER_CASE}, 0, toInt64(seq)) AS record
        FROM events FINAL
        WHERE ${caseFilter('case_id')} AND case_id IN (SELECT case_id FROM events FINAL WHERE data_version > 1 AND ${caseFilter('case_id')})),
      rewrites AS (
        SELECT l.case_id AS case_id, l.event_id AS later_id, l.position AS position, l.type AS type, l.dept_code AS dept_code,
          l.data_version AS to_version, l.occurred_at AS to_at, l.result_code AS to_result,
          argMax(p.event_id, (p.data_version, p.position)) AS before_id, max(p.data_version) AS from_version,
          argMax(p.occurred_at, (p.data_version, p.position)) AS from_at, argMax(p.result_code, (p.data_version, p.position)) AS from_result
        FROM ev AS l
        INNER JOIN (SELECT case_id, min(position) AS concluded_at_position FROM ev WHERE type = 'CaseConcluded' GROUP BY case_id) AS c
          ON c.case_id = l.case_id
        INNER JOIN ev AS p ON p.case_id = l.case_id AND p.type = l.type AND p.record = l.record
        WHERE l.position > c.concluded_at_position AND p.position < l.position AND p.data_version < l.data_version
        GROUP BY l.case_id, l.event_id, l.position, l.type, l.dept_code, l.data_version, l.occurred_at, l.result_code
        HAVING from_at != to_at OR from_result != to_result)
    SELECT case_id, argMax(dept_code, position) AS dept_code, 'yellow' AS level,
      concat('after the conclusion, ', arrayStringConcat(groupArray(concat(type, ' re-sent as version ', toString(to_version),
        if(from_at != to_at, concat(', occurredAt ', ${isoInstant('from_at')}, ' → ', ${isoInstant('to_at')}), ''),
        if(from_result != to_result, concat(', result ', from_result, ' → ', to_result), ''))), '; ')) AS reason,
      arrayDistinct(arrayFlatten(arrayMap(x -> [x.2, x.3], arraySort(groupArray((position, before_id, later_id)))))) AS evidence,
      toJSONString(map('rewrites', toString(count()), 'types', arrayStringConcat(arraySort(groupUniqArray(type)), ','),
        'fromVersion', toString(argMin(from_version, position)), 'toVersion', toString(argMin(to_version, position)),
        'occurredBefore', ${isoInstant('argMin(from_at, position)')}, 'occurredAfter', ${isoInstant('argMin(to_at, position)')},
        'resultBefore', argMin(from_result, position), 'resultAfter', argMin(to_result, position))) AS figures
    FROM rewrites
    GROUP BY case_id
    ORDER BY case_id`,
};
