import { caseFilter, type Rule } from '../rule.ts';
import { staffIdentity, staffLabel } from './staff-sql.ts';
import { isoInstant } from './working-days-sql.ts';

/** IR13: "all steps by one account within 5 min" — domain.md §4 gives no threshold name for it. */
const ONE_ACCOUNT_WINDOW_MS = 5 * 60_000;

/** Events E1–E13 of domain.md §2.2: everything up to the conclusion, not delivery, ratings or complaints. */
const HANDLING_TYPES = `('CaseSubmitted', 'CasePreReviewed', 'CaseAccepted', 'AcceptanceRefused', 'SupplementRequested', 'SupplementReceived',
  'StepStarted', 'StepCompleted', 'SpecialProcedureStarted', 'SpecialProcedureEnded', 'CaseSuspended', 'CaseResumed',
  'FeeCharged', 'CaseForwarded', 'CaseConcluded')`;

/** ms of the post-acceptance pauses that started before the conclusion and ended, each with its first matching end. */
const pausedMs = (starts: string, ends: string) =>
  `arraySum(arrayMap(s -> if(arrayFirst(x -> x >= s, ${ends}) = 0, 0, least(arrayFirst(x -> x >= s, ${ends}), concluded_ms) - s),
     arrayFilter(s -> s >= accepted_ms AND s < concluded_ms, ${starts})))`;

/**
 * IR13 (体外循环: handled off the system and back-filled; S30 checks on 真实、实时): on a commitment
 * case whose catalogue has at least two human steps (承办/审核/批准),
 *   fast     the net time from the first CaseAccepted to the first CaseConcluded, closed pauses
 *            (post-acceptance supplement, suspension, type-2 special procedure) taken out, is under
 *            max({fastFloorMinutes}, {fastMinutesPerStep} × human steps) minutes;
 *   account  every StepStarted/StepCompleted of the accepted and concluded case was reported by one
 *            account (its staff number, or its name where the events carry none) within 5 minutes;
 *   batch    every E1–E13 event, from CaseSubmitted to CaseConcluded, has the same recordedAt.
 * Instant cases are left out: a window posting an on-the-spot case at once is normal.
 * Yellow: sent for a spot audit (domain.md §4).
 */
export const ir13ImplausiblyFast: Rule = {
  id: 'IR13',
  level: 'yellow',
  version: 2,
  deterministic: true,
  description: {
    zh: '办理过快或集中补录，疑似体外循环：承诺件净办理时间过短、全部环节由同一账号在5分钟内完成，或申报至办结各事件同一时刻入库',
    en: 'Implausibly fast or back-filled handling: net acceptance-to-conclusion time too short, all steps by one account within 5 minutes, or every event from submission to conclusion recorded at one instant',
  },
  sql: () => `
    WITH per_case AS (
      SELECT case_id,
        argMinIf(event_id, occurred_at, type = 'CaseAccepted') AS accepted_id,
        toInt64(toUnixTimestamp64Milli(minIf(occurred_at, type = 'CaseAccepted'))) AS accepted_ms,
        countIf(type = 'CaseAccepted') > 0 AS has_accepted,
        argMinIf(event_id, position, type = 'CaseConcluded') AS concluded_id,
        toInt64(toUnixTimestamp64Milli(argMinIf(occurred_at, position, type = 'CaseConcluded'))) AS concluded_ms,
        countIf(type = 'CaseConcluded') > 0 AS has_concluded,
        countIf(type = 'CaseSubmitted') > 0 AS has_submitted,
        arraySort(groupArrayIf(toInt64(toUnixTimestamp64Milli(occurred_at)), type = 'SupplementRequested')) AS supp_start,
        arraySort(groupArrayIf(toInt64(toUnixTimestamp64Milli(occurred_at)), type = 'SupplementReceived')) AS supp_end,
        arraySort(groupArrayIf(toInt64(toUnixTimestamp64Milli(occurred_at)), type = 'CaseSuspended')) AS susp_start,
        arraySort(groupArrayIf(toInt64(toUnixTimestamp64Milli(occurred_at)), type = 'CaseResumed')) AS susp_end,
        groupArrayIf((JSONExtractUInt(payload, 'procedureNo'), toInt64(toUnixTimestamp64Milli(occurred_at))),
          type = 'SpecialProcedureStarted' AND JSONExtractString(payload, 'kind') = '2') AS sp_start,
        arraySort(groupArrayIf((JSONExtractUInt(payload, 'procedureNo'), toInt64(toUnixTimestamp64Milli(occurred_at))), type = 'SpecialProcedureEnded')) AS sp_end,
        arrayMap(x -> x.2, arraySort(groupArrayIf((position, event_id), type IN ('StepStarted', 'StepCompleted')))) AS step_ids,
        uniqExactIf(${staffIdentity}, type IN ('StepStarted', 'StepCompleted')) AS step_accounts,
        anyIf(${staffLabel}, type IN ('StepStarted', 'StepCompleted')) AS step_account,
        toInt64(toUnixTimestamp64Milli(maxIf(occurred_at, type IN ('StepStarted', 'StepCompleted'))))
          - toInt64(toUnixTimestamp64Milli(minIf(occurred_at, type IN ('StepStarted', 'StepCompleted')))) AS step_span_ms,
        arrayMap(x -> x.2, arraySort(groupArrayIf((position, event_id), type IN ${HANDLING_TYPES}))) AS handling_ids,
        minIf(recorded_at, type IN ${HANDLING_TYPES}) AS first_recorded,
        maxIf(recorded_at, type IN ${HANDLING_TYPES}) AS last_recorded
      FROM events FINAL WHERE ${caseFilter('case_id')} GROUP BY case_id
    )
    SELECT case_id, dept_code, 'yellow' AS level,
      concat('implausible handling (', clauses, '): ',
        arrayStringConcat(arrayFilter(x -> x != '', [
          if(fast, concat('net ', net_minutes, ' min from acceptance to conclusion, under ', toString(threshold_minutes), ' min for ', toString(human_steps), ' human steps'), ''),
          if(one_account, concat('all ', toString(length(step_ids)), ' step events by ', step_account, ' within ', step_minutes, ' min'), ''),
          if(batch, concat('every event from submission to conclusion recorded at ', ${isoInstant('first_recorded')}), '')]), '; ')) AS reason,
      arrayDistinct(arrayConcat(if(fast, [accepted_id, concluded_id], []), if(one_account, step_ids, []), if(batch, handling_ids, []))) AS evidence,
      toJSONString(map('clauses', clauses, 'humanSteps', toString(human_steps), 'netMinutes', net_minutes, 'thresholdMinutes', toString(threshold_minutes),
        'stepAccounts', toString(step_accounts), 'stepSpanMinutes', step_minutes, 'recordedAt', if(batch, ${isoInstant('first_recorded')}, ''))) AS figures
    FROM (
      SELECT p.case_id AS case_id, c.dept_code AS dept_code, p.accepted_id AS accepted_id, p.concluded_id AS concluded_id,
        p.step_ids AS step_ids, p.handling_ids AS handling_ids, p.step_accounts AS step_accounts, p.step_account AS step_account,
        p.first_recorded AS first_recorded,
        length(arrayFilter(x -> JSONExtractString(x, 'role') IN ('handler', 'reviewer', 'approver'), JSONExtractArrayRaw(m.steps))) AS human_steps,
        greatest({fastFloorMinutes:UInt32}, {fastMinutesPerStep:UInt32} * human_steps) AS threshold_minutes,
        p.concluded_ms - p.accepted_ms - ${pausedMs('supp_start', 'supp_end')} - ${pausedMs('susp_start', 'susp_end')}
          - arraySum(arrayMap(s -> if(arrayFirst(x -> x.1 = s.1 AND x.2 >= s.2, sp_end).2 = 0, 0, least(arrayFirst(x -> x.1 = s.1 AND x.2 >= s.2, sp_end).2, concluded_ms) - s.2),
              arrayFilter(s -> s.2 >= accepted_ms AND s.2 < concluded_ms, sp_start))) AS net_ms,
        if(p.has_accepted AND p.has_concluded, toDecimalString(net_ms / 60000, 1), '') AS net_minutes,
        toDecimalString(p.step_span_ms / 60000, 1) AS step_minutes,
        p.has_accepted AND p.has_concluded AND net_ms < threshold_minutes * 60000 AS fast,
        p.has_accepted AND p.has_concluded AND length(step_ids) > 0 AND p.step_accounts = 1 AND p.step_span_ms <= ${ONE_ACCOUNT_WINDOW_MS} AS one_account,
        p.has_submitted AND p.has_concluded AND length(p.handling_ids) >= 2 AND p.first_recorded = p.last_recorded AS batch,
        arrayStringConcat(arrayFilter((x, on) -> on, ['fast', 'account', 'batch'], [fast, one_account, batch]), ',') AS clauses
      FROM per_case AS p
      INNER JOIN (SELECT case_id, dept_code, kind, matter_code, ifNull(matter_version, 0) AS matter_version FROM cases FINAL WHERE ${caseFilter('case_id')}) AS c
        ON c.case_id = p.case_id
      INNER JOIN (SELECT matter_code, version, steps FROM matters FINAL) AS m ON m.matter_code = c.matter_code AND m.version = c.matter_version
      WHERE c.kind = 'commitment'
    )
    WHERE human_steps >= 2 AND (fast OR one_account OR batch)
    ORDER BY case_id`,
};
