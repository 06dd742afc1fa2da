import { caseFilter, type Rule } from '../rule.ts';

/**
 * IR02 (domain.md §2.4, §4): an order of events the process cannot produce.
 * - Handling (E7 steps, E8 special procedures, E11 fees, E13 conclusion) before acceptance, or with
 *   no acceptance at all. Acceptance is E3, or E6 completing supplements asked for before it (§2.4
 *   AwaitingSupplement → Accepted, S20). "Before" is the sender's sequence, as the exchange orders it.
 * - E13 before every step of the matter's catalogue version has completed.
 * - Business time running against the sequence: an event dated before one the sender sequenced
 *   earlier, shown with the latest-dated such earlier event. The clock's `seq-order-differs`
 *   anomaly picks the cases; the events name the pair.
 * - An approval step (role 批准) completed by someone whose role is not approver (S21), or (P) by the
 *   person who completed the handling step (承办) of the same case. The events read model keeps staff
 *   names, not staff numbers, so the same person is the same name.
 */
export const ir02ImpossibleSequence: Rule = {
  id: 'IR02',
  level: 'red',
  version: 1,
  deterministic: true,
  description: {
    zh: '办理顺序异常：受理前办理或收费、环节未完成即办结、业务时间与流水顺序倒置、非批准人审批或承办人自批',
    en: 'Impossible sequence: handling before acceptance, conclusion before all steps, time running against sequence, approval by a non-approver or by the handler',
  },
  sql: () => `
    WITH
      ev AS (
        SELECT case_id, event_id, type, seq, toString(dept_code) AS dept_code, actor_name, toString(actor_role) AS actor_role,
          JSONExtractString(payload, 'stepCode') AS step_code, JSONExtractString(payload, 'role') AS step_role
        FROM events FINAL
        WHERE ${caseFilter('case_id')}
          AND type IN ('CaseAccepted', 'SupplementReceived', 'StepStarted', 'StepCompleted', 'SpecialProcedureStarted', 'FeeCharged', 'CaseConcluded')
      ),
      acc AS (SELECT case_id, argMin(event_id, seq) AS acc_id, min(seq) AS acc_seq FROM ev WHERE type IN ('CaseAccepted', 'SupplementReceived') GROUP BY case_id),
      concl AS (SELECT case_id, argMin(event_id, seq) AS concl_id, min(seq) AS concl_seq, argMin(dept_code, seq) AS dept_code FROM ev WHERE type = 'CaseConcluded' GROUP BY case_id),
      done AS (
        SELECT s.case_id AS case_id, groupUniqArray(s.step_code) AS codes
        FROM ev AS s INNER JOIN concl AS k ON k.case_id = s.case_id
        WHERE s.type = 'StepCompleted' AND s.seq < k.concl_seq GROUP BY s.case_id
      )
    SELECT case_id, any(dept_code) AS dept_code, 'red' AS level,
      arrayStringConcat(groupArray(msg), '; ') AS reason,
      arrayDistinct(arrayFlatten(groupArray(ids))) AS evidence,
      toJSONString(map('clauses', arrayStringConcat(groupArray(clause), ','), 'missingSteps', arrayStringConcat(arrayFlatten(groupArray(missing)), ','))) AS figures
    FROM (
      SELECT e.case_id AS case_id, any(e.dept_code) AS dept_code, 'handled-before-acceptance' AS clause,
        concat(arrayStringConcat(groupArray(e.type), ', '), if(any(a.case_id) = '', ' with no acceptance', ' before the acceptance')) AS msg,
        arrayConcat(groupArray(e.event_id), if(any(a.case_id) = '', [], [any(a.acc_id)])) AS ids, CAST([], 'Array(String)') AS missing
      FROM ev AS e LEFT JOIN acc AS a ON a.case_id = e.case_id
      WHERE e.type IN ('StepStarted', 'StepCompleted', 'SpecialProcedureStarted', 'FeeCharged', 'CaseConcluded') AND (a.case_id = '' OR e.seq < a.acc_seq)
      GROUP BY e.case_id
      UNION ALL
      SELECT k.case_id, k.dept_code, 'concluded-before-steps',
        concat('concluded before steps ', arrayStringConcat(absent, ', '), ' of the catalogue completed'), [k.concl_id], absent
      FROM (
        SELECT k.case_id AS case_id, k.dept_code AS dept_code, k.concl_id AS concl_id, arrayFilter(x -> NOT has(d.codes, x), m.codes) AS absent
        FROM concl AS k
        INNER JOIN (SELECT case_id, matter_code, matter_version FROM cases FINAL WHERE ${caseFilter('case_id')}) AS c ON c.case_id = k.case_id
        INNER JOIN (SELECT matter_code, version, arrayMap(x -> JSONExtractString(x, 'code'), JSONExtractArrayRaw(steps)) AS codes FROM matters FINAL) AS m
          ON m.matter_code = c.matter_code AND m.version = c.matter_version
        LEFT JOIN done AS d ON d.case_id = k.case_id
      ) AS k
      WHERE notEmpty(absent)
      UNION ALL
      SELECT case_id, dept_code, 'time-against-sequence',
        concat(type, ' (seq ', toString(seq), ') is dated before ', w_type, ' (seq ', toString(w_seq), ')'), [w_id, event_id], []
      FROM (
        SELECT case_id, toString(dept_code) AS dept_code, event_id, toString(type) AS type, seq, occurred_at,
          max(occurred_at) OVER w AS w_at, argMax(event_id, (occurred_at, seq)) OVER w AS w_id,
          argMax(toString(type), (occurred_at, seq)) OVER w AS w_type, argMax(seq, (occurred_at, seq)) OVER w AS w_seq
        FROM events FINAL
        WHERE ${caseFilter('case_id')}
          AND case_id IN (SELECT case_id FROM cases FINAL WHERE ${caseFilter('case_id')} AND has(anomalies, 'seq-order-differs'))
        WINDOW w AS (PARTITION BY case_id ORDER BY seq RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
      )
      WHERE occurred_at < w_at
      UNION ALL
      SELECT case_id, dept_code, 'approver-role', concat('approval step ', step_code, ' completed by a ', actor_role), [event_id], []
      FROM ev WHERE type = 'StepCompleted' AND step_role = 'approver' AND actor_role != 'approver'
      UNION ALL
      SELECT p.case_id, p.dept_code, 'same-person', concat('approval step ', p.step_code, ' completed by the handler of step ', h.step_code), [h.event_id, p.event_id], []
      FROM (SELECT * FROM ev WHERE type = 'StepCompleted' AND step_role = 'approver') AS p
      INNER JOIN (SELECT case_id, event_id, step_code, actor_name FROM ev WHERE type = 'StepCompleted' AND step_role = 'handler') AS h
        ON h.case_id = p.case_id AND h.actor_name = p.actor_name
    )
    GROUP BY case_id`,
};
