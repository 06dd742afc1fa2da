import { caseFilter, type Rule, type RuleContext } from '../rule.ts';
import { NOW, wakeOf } from '../sql.ts';
import { isoInstant, localDate } from './working-days-sql.ts';

/**
 * In the scheduled run only a case still open can have its window close with no decision: a case
 * that ended after its window was judged by the batch that brought its end. Those few are all the
 * event lookups need to read.
 */
const scope = (ctx: RuleContext) =>
  ctx.deadlinesOnly ? ` AND case_id IN (SELECT case_id FROM cases FINAL WHERE ${caseFilter('case_id')} AND ended_at IS NULL AND deemed_at <= ${NOW})` : '';

/**
 * IR03 (ALL Art. 32 [S2]; S20): no accept, refuse or supplement-notice decision (E3, E4, E5) within
 * 5 working days after the day of submission. The clock computes that window and stores its end
 * as `deemed_at` (00:00 after the last day, the instant acceptance is deemed, §3.2 step 1), so a
 * decision is late when it comes at or after `deemed_at`, and an undecided case is late from then.
 * A case withdrawn before the window closed had nothing left to decide.
 */
export const ir03AcceptanceLate: Rule = {
  id: 'IR03',
  level: 'red',
  version: 1,
  deterministic: true,
  timeDriven: true,
  description: {
    zh: '收到申请后5个工作日内未作出受理、不予受理或补正告知决定（视为受理）',
    en: 'No decision to accept, refuse or request supplements within 5 working days of submission (acceptance deemed)',
  },
  sql: (ctx) => `
    SELECT c.case_id AS case_id, c.dept_code AS dept_code, 'red' AS level,
      if(d.case_id = '',
         concat('no acceptance decision by ', toString(addDays(${localDate('c.deemed_at')}, -1)), '; acceptance is deemed from ', toString(c.submitted_on)),
         concat(d.first_type, ' on ', toString(${localDate('d.first_at')}), ', after the decision was due on ', toString(addDays(${localDate('c.deemed_at')}, -1)))) AS reason,
      arrayConcat(s.ids, if(d.case_id = '', [], [d.first_id])) AS evidence,
      toJSONString(map('submittedOn', toString(c.submitted_on), 'decisionDueOn', toString(addDays(${localDate('c.deemed_at')}, -1)),
                       'deemedAt', ${isoInstant('c.deemed_at')}, 'decision', d.first_type,
                       'decidedOn', if(d.case_id = '', '', toString(${localDate('d.first_at')})))) AS figures
    FROM cases AS c FINAL
    LEFT JOIN (
      SELECT case_id, argMin(event_id, (occurred_at, seq)) AS first_id, toString(argMin(type, (occurred_at, seq))) AS first_type, min(occurred_at) AS first_at
      FROM events FINAL
      WHERE type IN ('CaseAccepted', 'AcceptanceRefused', 'SupplementRequested') AND ${caseFilter('case_id')}${scope(ctx)} GROUP BY case_id
    ) AS d ON d.case_id = c.case_id
    LEFT JOIN (
      SELECT case_id, groupArray(event_id) AS ids FROM events FINAL WHERE type = 'CaseSubmitted' AND ${caseFilter('case_id')}${scope(ctx)} GROUP BY case_id
    ) AS s ON s.case_id = c.case_id
    WHERE ${caseFilter('c.case_id')} AND c.deemed_at IS NOT NULL${ctx.deadlinesOnly ? ' AND c.ended_at IS NULL' : ''}
      AND if(d.case_id = '',
             c.deemed_at <= ${NOW} AND (c.ended_at IS NULL OR c.ended_at >= c.deemed_at),
             ${ctx.deadlinesOnly ? '0' : 'd.first_at >= c.deemed_at'})`,
  // A case not ended is late from `deemed_at` unless a decision came first (an event: asked then).
  wakes: () => `
    SELECT case_id, ${wakeOf('deemed_at')} AS wake FROM cases FINAL
    WHERE ${caseFilter('case_id')} AND ended_at IS NULL AND deemed_at > ${NOW}`,
};
