import { caseFilter, type Rule } from '../rule.ts';

const startedAtOf = (payload: string) => `parseDateTime64BestEffortOrNull(JSONExtractString(${payload}, 'startedAt'), 3, 'UTC')`;

/**
 * IR15 (S30: checks on 真实、实时): timestamps that cannot be true.
 *   future      an event happened, by its own account, more than {futureToleranceMinutes} minutes
 *               after the supervision store received it;
 *   step-order  a step ended before it started: a StepCompleted whose 环节开始时间 (payload startedAt,
 *               GB/T 39046 Table 7) is later than its end, a StepStarted of the same step reported
 *               before the completion (lower seq) but dated after it, or the clock's
 *               'step-ends-before-start' anomaly.
 */
export const ir15BackdatedTimestamps: Rule = {
  id: 'IR15',
  level: 'yellow',
  version: 1,
  deterministic: true,
  description: {
    zh: '时间戳倒填或超前：事件发生时间晚于入库时间，或环节结束时间早于开始时间',
    en: 'Backdated or future timestamps: an event dated after it was recorded, or a step ending before it started',
  },
  sql: () => `
    WITH
      step_ends AS (
        SELECT case_id, event_id, seq, occurred_at, JSONExtractString(payload, 'stepCode') AS step_code, ${startedAtOf('payload')} AS started_at
        FROM events FINAL WHERE type = 'StepCompleted' AND ${caseFilter('case_id')}),
      reversed AS (
        SELECT c.case_id AS case_id, c.event_id AS completed_id, argMax(s.event_id, s.seq) AS started_id,
          argMax(s.occurred_at, s.seq) AS started_at, any(c.occurred_at) AS completed_at
        FROM step_ends AS c
        INNER JOIN (SELECT case_id, event_id, seq, occurred_at, JSONExtractString(payload, 'stepCode') AS step_code
                    FROM events FINAL WHERE type = 'StepStarted' AND ${caseFilter('case_id')}) AS s
          ON s.case_id = c.case_id AND s.step_code = c.step_code
        WHERE s.seq < c.seq
        GROUP BY c.case_id, c.event_id
        HAVING started_at > completed_at),
      flagged AS (
        SELECT case_id, event_id, 'future' AS clause, toInt64(dateDiff('second', recorded_at, occurred_at)) AS ahead_s
        FROM events FINAL
        WHERE ${caseFilter('case_id')} AND occurred_at > recorded_at + toIntervalMinute({futureToleranceMinutes:UInt32})
        UNION ALL
        SELECT case_id, event_id, 'step-order' AS clause, 0 AS ahead_s FROM step_ends WHERE started_at > occurred_at
        UNION ALL
        SELECT case_id, arrayJoin([started_id, completed_id]) AS event_id, 'step-order' AS clause, 0 AS ahead_s FROM reversed
        UNION ALL
        SELECT case_id, arrayJoin(arrayFlatten(arrayMap(x -> JSONExtract(x, 'eventIds', 'Array(String)'),
            arrayFilter(x -> JSONExtractString(x, 'code') = 'step-ends-before-start', JSONExtractArrayRaw(anomaly_details))))) AS event_id,
          'step-order' AS clause, 0 AS ahead_s
        FROM cases FINAL WHERE ${caseFilter('case_id')} AND has(anomalies, 'step-ends-before-start'))
    SELECT f.case_id AS case_id, argMax(ev.dept_code, ev.position) AS dept_code, 'yellow' AS level,
      arrayStringConcat(arrayFilter(x -> x != '', [
        if(countIf(f.clause = 'future') > 0, concat(toString(uniqExactIf(f.event_id, f.clause = 'future')), ' event(s) dated up to ',
           toDecimalString(maxIf(f.ahead_s, f.clause = 'future') / 60, 1), ' min after they were recorded'), ''),
        if(countIf(f.clause = 'step-order') > 0, 'a step ends before it starts', '')]), '; ') AS reason,
      arrayMap(x -> x.2, arraySort(groupArrayDistinct((ev.position, f.event_id)))) AS evidence,
      toJSONString(map('clauses', arrayStringConcat(arraySort(groupArrayDistinct(f.clause)), ','),
        'futureEvents', toString(uniqExactIf(f.event_id, f.clause = 'future')),
        'maxAheadMinutes', if(countIf(f.clause = 'future') > 0, toDecimalString(maxIf(f.ahead_s, f.clause = 'future') / 60, 1), ''),
        'toleranceMinutes', toString({futureToleranceMinutes:UInt32}),
        'stepOrderEvents', toString(uniqExactIf(f.event_id, f.clause = 'step-order')))) AS figures
    FROM flagged AS f
    INNER JOIN (SELECT event_id, position, dept_code FROM events FINAL WHERE ${caseFilter('case_id')}) AS ev ON ev.event_id = f.event_id
    GROUP BY f.case_id
    ORDER BY case_id`,
};
