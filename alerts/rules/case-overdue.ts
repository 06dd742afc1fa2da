import { caseFilter, type Rule, type RuleContext } from '../rule.ts';
import { NOW, foundOnly, wakeOf } from '../sql.ts';

/** Open past the overdue instant, or ended after the limit (not a deadline's doing: not in the scheduled run). */
const overdue = (ctx: RuleContext, c = '') => `((${c}status IN ('submitted', 'running', 'paused') AND ${c}overdue_at <= ${NOW})${
  ctx.deadlinesOnly ? '' : ` OR (${c}status IN ('concluded', 'forwarded') AND ${c}classification = 'overdue')`})`;

/**
 * RED (纠错) on the promised clock, domain.md §3.3 and IR09 (S12 item 2): a case still open after
 * its overdue instant (an undecided one counts from its deemed acceptance), or concluded or
 * forwarded after its limit; an instant case (即办件) concluded after its acceptance day counts too.
 * The red stays on record after conclusion.
 */
export const caseOverdue: Rule = {
  id: 'CASE-OVERDUE',
  level: 'red',
  version: 1,
  deterministic: true,
  clock: true,
  timeDriven: true,
  yellowSibling: 'CASE-YELLOW',
  description: {
    zh: '办件超过承诺时限仍未办结，或超期办结（超期红灯）',
    en: 'Case open past its promised limit, or concluded after it',
  },
  sql: (ctx) => `
    SELECT c.case_id AS case_id, c.dept_code AS dept_code, 'red' AS level,
      if(c.status = 'concluded',
         concat('concluded on ', toString(c.ended_on), ' after using ', toString(c.used_days), ' of ', toString(c.promised_limit + c.extension_days), ' working days'),
         concat('still open after its due date ', toString(c.due_date))) AS reason,
      ifNull(e.ids, []) AS evidence,
      toJSONString(map('dueDate', toString(c.due_date), 'overdueAt', toString(c.overdue_at), 'limit', toString(c.promised_limit + c.extension_days),
                       'usedDays', toString(c.used_days), 'overrunDays', toString(c.overrun_days), 'status', c.status)) AS figures
    FROM cases AS c FINAL
    LEFT JOIN (
      SELECT case_id, groupArray(event_id) AS ids FROM events FINAL
      WHERE type IN ('CaseSubmitted', 'CaseAccepted', 'CaseConcluded', 'CaseForwarded')
        AND ${caseFilter('case_id')}${foundOnly(ctx, overdue(ctx))}
      GROUP BY case_id
    ) AS e ON e.case_id = c.case_id
    WHERE ${caseFilter('c.case_id')} AND ${overdue(ctx, 'c.')}`,
  // An open case turns red at its overdue instant.
  wakes: () => `
    SELECT case_id, ${wakeOf('overdue_at')} AS wake FROM cases FINAL
    WHERE ${caseFilter('case_id')} AND status IN ('submitted', 'running', 'paused') AND overdue_at > ${NOW}`,
};
