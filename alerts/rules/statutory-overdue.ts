import { caseFilter, type Rule, type RuleContext } from '../rule.ts';
import { NOW, clockStartEvents, clockStartIds, foundOnly, wakeOf } from '../sql.ts';
import { isoInstant } from './working-days-sql.ts';

/**
 * RED on the statutory clock, domain.md §3.2 step 8 and IR09: statutory limit plus any approved
 * extension, run beside the promised one; exceeding it is "a separate, more serious flag" (S39
 * checked both). Open cases are red from the statutory overdue instant (an undecided case no
 * earlier than its deemed acceptance, which the clock guarantees); concluded or forwarded cases
 * (上报办结 is assessed like a conclusion) when they used more than the limit.
 */
/** Open past the statutory overdue instant, or ended after the statutory limit (not a deadline's doing: not in the scheduled run). */
const overdue = (ctx: RuleContext, c = '') => `((${c}status IN ('submitted', 'running', 'paused') AND ${c}statutory_overdue_at <= ${NOW})${
  ctx.deadlinesOnly ? '' : ` OR (${c}status IN ('concluded', 'forwarded') AND ${c}statutory_classification = 'overdue')`})`;

export const statutoryOverdue: Rule = {
  id: 'STATUTORY-OVERDUE',
  level: 'red',
  version: 1,
  deterministic: true,
  clock: true,
  timeDriven: true,
  description: {
    zh: '办件超过法定办结时限仍未办结，或超过法定时限办结（法定超期红灯）',
    en: 'Case open past its statutory limit, or concluded after it',
  },
  sql: (ctx) => `
    SELECT c.case_id AS case_id, c.dept_code AS dept_code, 'red' AS level,
      if(c.status IN ('concluded', 'forwarded'),
         concat(c.status, ' on ', toString(c.ended_on), ' after using ', toString(c.statutory_used_days), ' of ', toString(c.statutory_limit), ' statutory days'),
         concat('still open after its statutory due date ', toString(c.statutory_due_date))) AS reason,
      arrayConcat(${clockStartIds('s')}, if(c.status IN ('concluded', 'forwarded'), e.end_ids, [])) AS evidence,
      toJSONString(map('statutoryDueDate', toString(c.statutory_due_date), 'statutoryOverdueAt', ${isoInstant('c.statutory_overdue_at')},
                       'statutoryLimit', toString(c.statutory_limit), 'statutoryUsedDays', toString(c.statutory_used_days), 'status', c.status)) AS figures
    FROM cases AS c FINAL
    LEFT JOIN ${clockStartEvents(`${caseFilter('case_id')}${foundOnly(ctx, overdue(ctx))}`)} AS s ON s.case_id = c.case_id
    LEFT JOIN (
      -- The end the clock stopped at: the first conclusion or forwarding; a later rewrite is IR20's.
      SELECT case_id, [argMin(event_id, (occurred_at, seq))] AS end_ids
      FROM events FINAL WHERE type IN ('CaseConcluded', 'CaseForwarded') AND ${caseFilter('case_id')}${foundOnly(ctx, overdue(ctx))} GROUP BY case_id
    ) AS e ON e.case_id = c.case_id
    WHERE ${caseFilter('c.case_id')} AND ${overdue(ctx, 'c.')}`,
  // An open case turns red at its statutory overdue instant.
  wakes: () => `
    SELECT case_id, ${wakeOf('statutory_overdue_at')} AS wake FROM cases FINAL
    WHERE ${caseFilter('case_id')} AND status IN ('submitted', 'running', 'paused') AND statutory_overdue_at > ${NOW}`,
};
