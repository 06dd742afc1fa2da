import { caseFilter, type Rule, type RuleContext } from '../rule.ts';
import { WORKING_DAYS, addWorkingDays, midnightAfter, pastWorkingDays } from '../sql.ts';
import { localDate, nowDate } from './working-days-sql.ts';

const OPEN = `('running', 'paused')`;

/**
 * In the scheduled run only a pause still open in an open case can outlast its limit with no
 * event; a pause that ended, or a case that ended, was judged by the batch that brought the end.
 */
const scope = (ctx: RuleContext) => (ctx.deadlinesOnly ? ` AND case_id IN (SELECT case_id FROM cases FINAL WHERE ${caseFilter('case_id')} AND status IN ${OPEN})` : '');
/** The same for the cases joined for their status: a hash table of the open cases, not of the county. */
const openOnly = (ctx: RuleContext) => (ctx.deadlinesOnly ? ` AND status IN ${OPEN}` : '');

/**
 * IR07 (domain.md §4; ALL Art. 45 [S3], S27): a pause that outlasts what it may last. Severity is
 * "Y, then R when the limit passes"; this rule is the red: it fires once the limit has passed.
 * - A special procedure (kind 2) longer than its own announced limit (TBCXSX): the clock's
 *   `special-procedure-too-long` when it has ended, and while it is still open in an open case from
 *   the day after its last allowed day.
 * - A suspension longer than {suspensionMaxWorkingDays} working days [PROPOSED], ended or still
 *   open, counted here from the events so that the threshold is the rule's own. A suspension ends
 *   at the first CaseResumed after it; resumed on its last allowed day it is not too long.
 * - A pause still open when the case is concluded (E13, or 上报/转报办结, which the clock treats as
 *   a conclusion): the clock's `pause-open-at-end`. A withdrawal during a pause is not one.
 */
export const ir07PauseTooLong: Rule = {
  id: 'IR07',
  level: 'red',
  version: 1,
  deterministic: true,
  timeDriven: true,
  description: {
    zh: '特别程序超过告知时限、挂起超过规定工作日，或办结时暂停仍未结束',
    en: 'Special procedure past its announced limit, suspension past the maximum, or a pause still open at conclusion',
  },
  sql: (ctx) => `
    WITH ${WORKING_DAYS}
    SELECT case_id, any(dept_code) AS dept_code, 'red' AS level,
      arrayStringConcat(groupArray(msg), '; ') AS reason,
      arrayDistinct(arrayFlatten(groupArray(ids))) AS evidence,
      toJSONString(map('clauses', arrayStringConcat(groupArray(clause), ','), 'from', arrayStringConcat(groupArray(from_day), ','),
                       'to', arrayStringConcat(groupArray(to_day), ','), 'limit', arrayStringConcat(groupArray(lim), ','),
                       'allowedUntil', arrayStringConcat(groupArray(until), ','))) AS figures
    FROM (
      SELECT case_id, dept_code, clause, ids,
        concat(if(clause = 'pause-open-at-end', 'a pause was still open when the case ended on ', 'a special procedure ran past its announced limit, ending on '), to_day) AS msg,
        '' AS from_day, to_day, '' AS lim, '' AS until
      FROM (
        SELECT c.case_id AS case_id, toString(c.dept_code) AS dept_code, toString(c.ended_by) AS ended_by, JSONExtractString(a, 'code') AS clause,
          JSONExtract(a, 'eventIds', 'Array(String)') AS ids, JSONExtractString(a, 'on') AS to_day
        FROM cases AS c FINAL ARRAY JOIN JSONExtractArrayRaw(c.anomaly_details) AS a
        WHERE ${caseFilter('c.case_id')} AND ${ctx.deadlinesOnly ? '0' : '1'} AND hasAny(c.anomalies, ['special-procedure-too-long', 'pause-open-at-end'])
      )
      WHERE clause = 'special-procedure-too-long' OR (clause = 'pause-open-at-end' AND ended_by IN ('CaseConcluded', 'CaseForwarded'))

      UNION ALL
      SELECT case_id, dept_code, if(closed, 'suspension-too-long', 'suspension-open-too-long'), if(closed, [s.3, r.3], [s.3]),
        concat('suspended from ', toString(s_day), if(closed, concat(' to ', toString(r_day)), ' and still suspended'), ', past the ',
               toString({suspensionMaxWorkingDays:UInt32}), ' working days allowed until ', toString(until_day)),
        toString(s_day), if(closed, toString(r_day), ''), toString({suspensionMaxWorkingDays:UInt32}), toString(until_day)
      FROM (
        SELECT p.case_id AS case_id, p.dept_code AS dept_code, p.s AS s, arrayFirst(x -> (x.1, x.2) > (p.s.1, p.s.2), p.res) AS r, r.3 != '' AS closed,
          ${localDate('s.1')} AS s_day, ${localDate('r.1')} AS r_day, ${addWorkingDays('s_day', '{suspensionMaxWorkingDays:UInt32}')} AS until_day, c.status AS status
        FROM (
          SELECT case_id, dept_code, s, res FROM (
            SELECT case_id, toString(any(dept_code)) AS dept_code,
              arraySort(groupArrayIf((occurred_at, seq, event_id), type = 'CaseSuspended')) AS susp,
              arraySort(groupArrayIf((occurred_at, seq, event_id), type = 'CaseResumed')) AS res
            FROM events FINAL WHERE type IN ('CaseSuspended', 'CaseResumed') AND ${caseFilter('case_id')}${scope(ctx)} GROUP BY case_id
          ) ARRAY JOIN susp AS s
        ) AS p
        INNER JOIN (SELECT case_id, status FROM cases FINAL WHERE ${caseFilter('case_id')}${openOnly(ctx)}) AS c ON c.case_id = p.case_id
      )
      WHERE if(closed, ${ctx.deadlinesOnly ? '0' : '1'} AND ${pastWorkingDays('s_day', '{suspensionMaxWorkingDays:UInt32}', 'r_day')},
                       status IN ${OPEN} AND ${pastWorkingDays('s_day', '{suspensionMaxWorkingDays:UInt32}', nowDate)})

      UNION ALL
      SELECT case_id, dept_code, 'special-procedure-open-too-long', [p.1],
        concat('special procedure ', p.6, ' open since ', toString(start), ', past its limit of ', toString(p.4), ' ', p.5, ' allowed until ', toString(until_day)),
        toString(start), '', concat(toString(p.4), ' ', p.5), toString(until_day)
      FROM (
        SELECT q.case_id AS case_id, q.dept_code AS dept_code, q.p AS p, toDate(p.3) AS start,
          if(p.5 = 'calendar-days', addDays(start, p.4), ${addWorkingDays('start', 'p.4')}) AS until_day, c.status AS status
        FROM (
          SELECT case_id, dept_code, p, ended FROM (
            SELECT case_id, toString(any(dept_code)) AS dept_code,
              groupArrayIf((event_id, JSONExtractUInt(payload, 'procedureNo'), JSONExtractString(payload, 'startedOn'),
                            JSONExtractUInt(payload, 'limit', 'value'), JSONExtractString(payload, 'limit', 'unit'), JSONExtractString(payload, 'name')),
                           type = 'SpecialProcedureStarted' AND JSONExtractString(payload, 'kind') = '2') AS started,
              groupArrayIf(JSONExtractUInt(payload, 'procedureNo'), type = 'SpecialProcedureEnded') AS ended
            FROM events FINAL WHERE type IN ('SpecialProcedureStarted', 'SpecialProcedureEnded') AND ${caseFilter('case_id')}${scope(ctx)} GROUP BY case_id
          ) ARRAY JOIN started AS p
          WHERE NOT has(ended, p.2)
        ) AS q
        INNER JOIN (SELECT case_id, status FROM cases FINAL WHERE ${caseFilter('case_id')}${openOnly(ctx)}) AS c ON c.case_id = q.case_id
      )
      WHERE status IN ${OPEN} AND if(p.5 = 'calendar-days', ${nowDate} > until_day, ${pastWorkingDays('start', 'p.4', nowDate)})
    )
    GROUP BY case_id`,
  // A suspension or special procedure still open in an open case outlasts its limit at some
  // midnight: every open case that ever paused so is asked about again at the next one.
  wakes: () => `
    SELECT DISTINCT case_id, ${midnightAfter(nowDate)} AS wake FROM events
    WHERE type IN ('CaseSuspended', 'SpecialProcedureStarted') AND ${caseFilter('case_id')}
      AND case_id IN (SELECT case_id FROM cases FINAL WHERE ${caseFilter('case_id')} AND status IN ${OPEN})`,
};
