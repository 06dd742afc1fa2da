import { caseFilter, type Rule } from '../rule.ts';
import { staffIdentity } from './staff-sql.ts';

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
 *   person who completed the handling step (承办) of the same case: the same staff number, or the
 *   same name where the events carry no number (staff-sql.ts).
 */
export const ir02ImpossibleSequence: Rule = {
  id: 'IR02',
  level: 'red',
  version: 2,
  deterministic: true,
  description: {
    zh: '办理顺序异常：受理前办理或收费、环节未完成即办结、业务时间与流水顺序倒置、非批准人审批或承办人自批',
    en: 'Impossible sequence: handling before acceptance, conclusion before all steps, time running against sequence, approval by a non-approver or by the handler',
  },
  sql: () => `
    SELECT case_id, dept_code, level, reason, evidence, figures FROM (
    SELECT p.case_id AS case_id, p.dept_code AS dept_code, 'red' AS level,
      if(p.has_concl AND notEmpty(k.codes),
         arrayFilter(x -> NOT has(arrayMap(c -> c.2, arrayFilter(c -> c.1 < p.concl_seq, p.completions)), x), k.codes), []) AS absent,
      arrayStringConcat(arrayFilter(m -> m != '', [
        if(notEmpty(early), concat(arrayStringConcat(arrayMap(g -> g.2, early), ', '), if(p.has_acc, ' before the acceptance', ' with no acceptance')), ''),
        if(notEmpty(absent), concat('concluded before steps ', arrayStringConcat(absent, ', '), ' of the catalogue completed'), ''),
        arrayStringConcat(t.msgs, '; '),
        arrayStringConcat(arrayMap(a -> concat('approval step ', a.2, ' completed by a ', a.4), wrong_role), '; '),
        arrayStringConcat(arrayMap(a -> concat('approval step ', a.2, ' completed by the handler of step ', a.5.2), same_person), '; ')]), '; ') AS reason,
      arrayDistinct(arrayConcat(
        arrayMap(g -> g.3, early), if(notEmpty(early) AND p.has_acc, [p.acc_id], []),
        if(notEmpty(absent), [p.concl_id], []),
        t.ids,
        arrayMap(a -> a.1, wrong_role),
        arrayFlatten(arrayMap(a -> [a.5.1, a.1], same_person)))) AS evidence,
      toJSONString(map(
        'clauses', arrayStringConcat(arrayFilter(x -> x != '', [
          if(notEmpty(early), 'handled-before-acceptance', ''), if(notEmpty(absent), 'concluded-before-steps', ''),
          if(notEmpty(t.ids), 'time-against-sequence', ''), if(notEmpty(wrong_role), 'approver-role', ''), if(notEmpty(same_person), 'same-person', '')]), ','),
        'missingSteps', arrayStringConcat(absent, ','))) AS figures
    FROM (
      -- One pass over the case's events: what each clause needs, as arrays.
      SELECT case_id, toString(any(dept_code)) AS dept_code,
        countIf(type IN ('CaseAccepted', 'SupplementReceived')) > 0 AS has_acc,
        minIf(seq, type IN ('CaseAccepted', 'SupplementReceived')) AS acc_seq,
        argMinIf(event_id, seq, type IN ('CaseAccepted', 'SupplementReceived')) AS acc_id,
        countIf(type = 'CaseConcluded') > 0 AS has_concl,
        minIf(seq, type = 'CaseConcluded') AS concl_seq,
        argMinIf(event_id, seq, type = 'CaseConcluded') AS concl_id,
        arraySort(groupArrayIf((seq, type, event_id), type IN ('StepStarted', 'StepCompleted', 'SpecialProcedureStarted', 'FeeCharged', 'CaseConcluded'))) AS handling,
        arrayFilter(g -> NOT has_acc OR g.1 < acc_seq, handling) AS early,
        groupArrayIf((seq, step_code), type = 'StepCompleted') AS completions,
        groupArrayIf((event_id, step_code, staff, actor_role), type = 'StepCompleted' AND step_role = 'handler') AS handled,
        arrayMap(a -> (a.1, a.2, a.3, a.4, arrayFirst(x -> x.3 = a.3, handled)),
                 groupArrayIf((event_id, step_code, staff, actor_role), type = 'StepCompleted' AND step_role = 'approver')) AS approvals,
        arrayFilter(a -> a.4 != 'approver', approvals) AS wrong_role,
        arrayFilter(a -> a.5.1 != '', approvals) AS same_person
      FROM (
        SELECT case_id, dept_code, event_id, toString(type) AS type, seq, ${staffIdentity} AS staff, toString(actor_role) AS actor_role,
          if(type = 'StepCompleted', JSONExtractString(payload, 'stepCode'), '') AS step_code,
          if(type = 'StepCompleted', JSONExtractString(payload, 'role'), '') AS step_role
        FROM events FINAL
        WHERE ${caseFilter('case_id')}
          AND type IN ('CaseAccepted', 'SupplementReceived', 'StepStarted', 'StepCompleted', 'SpecialProcedureStarted', 'FeeCharged', 'CaseConcluded')
      )
      GROUP BY case_id
    ) AS p
    LEFT JOIN (
      SELECT c.case_id AS case_id, m.codes AS codes
      FROM (SELECT case_id, matter_code, matter_version FROM cases FINAL WHERE ${caseFilter('case_id')} AND ended_by = 'CaseConcluded') AS c
      INNER JOIN (SELECT matter_code, version, arrayMap(x -> JSONExtractString(x, 'code'), JSONExtractArrayRaw(steps)) AS codes FROM matters FINAL) AS m
        ON m.matter_code = c.matter_code AND m.version = c.matter_version
    ) AS k ON k.case_id = p.case_id
    LEFT JOIN (
      SELECT case_id, groupArray(concat(type, ' (seq ', toString(seq), ') is dated before ', w_type, ' (seq ', toString(w_seq), ')')) AS msgs,
        arrayDistinct(arrayFlatten(groupArray([w_id, event_id]))) AS ids
      FROM (
        SELECT case_id, event_id, toString(type) AS type, seq, occurred_at,
          max(occurred_at) OVER w AS w_at, argMax(event_id, (occurred_at, seq)) OVER w AS w_id,
          argMax(toString(type), (occurred_at, seq)) OVER w AS w_type, argMax(seq, (occurred_at, seq)) OVER w AS w_seq
        FROM events FINAL
        WHERE ${caseFilter('case_id')}
          AND case_id IN (SELECT case_id FROM cases FINAL WHERE ${caseFilter('case_id')} AND has(anomalies, 'seq-order-differs'))
        WINDOW w AS (PARTITION BY case_id ORDER BY seq RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
      )
      WHERE occurred_at < w_at
      GROUP BY case_id
    ) AS t ON t.case_id = p.case_id
    WHERE notEmpty(early) OR notEmpty(absent) OR notEmpty(t.ids) OR notEmpty(wrong_role) OR notEmpty(same_person)
    )`,
};
