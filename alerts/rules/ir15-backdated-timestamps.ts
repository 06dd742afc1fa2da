import { caseFilter, type Rule } from '../rule.ts';

const startedAtOf = (payload: string) => `parseDateTime64BestEffortOrNull(JSONExtractString(${payload}, 'startedAt'), 3, 'UTC')`;
const ms = (instant: string) => `toInt64(toUnixTimestamp64Milli(${instant}))`;

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
      steps AS (
        SELECT case_id, argMax(dept_code, position) AS dept_code,
          arraySort(x -> x.2, groupArrayIf((JSONExtractString(payload, 'stepCode'), seq, ${ms('occurred_at')}, event_id, position),
            type = 'StepStarted')) AS starts,
          groupArrayIf((JSONExtractString(payload, 'stepCode'), seq, ${ms('occurred_at')}, event_id, position,
            ifNull(${ms(startedAtOf('payload'))}, 0)), type = 'StepCompleted') AS ends,
          -- the StepStarted each completion closes: the latest one of its step reported before it (lower seq)
          arrayMap(e -> arrayLast(x -> x.1 = e.1 AND x.2 < e.2, starts), ends) AS opened
        FROM events FINAL WHERE type IN ('StepStarted', 'StepCompleted') AND ${caseFilter('case_id')}
        GROUP BY case_id),
      step_order AS (
        SELECT s.case_id AS case_id, s.dept_code AS dept_code, arrayConcat(
            arrayMap(e -> (e.5, e.4), arrayFilter(e -> e.6 != 0 AND e.6 > e.3, s.ends)),
            arrayFlatten(arrayMap((e, o) -> if(o.4 != '' AND o.3 > e.3, [(o.5, o.4), (e.5, e.4)], []), s.ends, s.opened)),
            arrayMap(id -> (arrayFirst(x -> x.4 = id, arrayConcat(arrayMap(x -> (x.1, x.2, x.3, x.4, x.5), s.starts),
                                                                    arrayMap(x -> (x.1, x.2, x.3, x.4, x.5), s.ends))).5, id), a.ids)) AS bad
        FROM steps AS s
        LEFT JOIN (
          SELECT case_id, arrayFlatten(arrayMap(x -> JSONExtract(x, 'eventIds', 'Array(String)'),
            arrayFilter(x -> JSONExtractString(x, 'code') = 'step-ends-before-start', JSONExtractArrayRaw(anomaly_details)))) AS ids
          FROM cases FINAL WHERE ${caseFilter('case_id')} AND has(anomalies, 'step-ends-before-start')
        ) AS a ON a.case_id = s.case_id),
      flagged AS (
        SELECT case_id, dept_code, position, event_id, 'future' AS clause, toInt64(dateDiff('second', recorded_at, occurred_at)) AS ahead_s
        FROM events FINAL
        WHERE ${caseFilter('case_id')} AND occurred_at > recorded_at + toIntervalMinute({futureToleranceMinutes:UInt32})
        UNION ALL
        SELECT case_id, dept_code, b.1 AS position, b.2 AS event_id, 'step-order' AS clause, 0 AS ahead_s
        FROM step_order ARRAY JOIN bad AS b)
    SELECT case_id, argMax(dept_code, position) AS dept_code, 'yellow' AS level,
      arrayStringConcat(arrayFilter(x -> x != '', [
        if(countIf(clause = 'future') > 0, concat(toString(uniqExactIf(event_id, clause = 'future')), ' event(s) dated up to ',
           toDecimalString(maxIf(ahead_s, clause = 'future') / 60, 1), ' min after they were recorded'), ''),
        if(countIf(clause = 'step-order') > 0, 'a step ends before it starts', '')]), '; ') AS reason,
      arrayMap(x -> x.2, arraySort(groupArrayDistinct((position, event_id)))) AS evidence,
      toJSONString(map('clauses', arrayStringConcat(arraySort(groupArrayDistinct(clause)), ','),
        'futureEvents', toString(uniqExactIf(event_id, clause = 'future')),
        'maxAheadMinutes', if(countIf(clause = 'future') > 0, toDecimalString(maxIf(ahead_s, clause = 'future') / 60, 1), ''),
        'toleranceMinutes', toString({futureToleranceMinutes:UInt32}),
        'stepOrderEvents', toString(uniqExactIf(event_id, clause = 'step-order')))) AS figures
    FROM flagged
    GROUP BY case_id
    ORDER BY case_id`,
};
