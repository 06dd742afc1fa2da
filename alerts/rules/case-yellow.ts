import { caseFilter, type Rule } from '../rule.ts';
import { NOW, clockStartEvents, clockStartIds, foundOnly, wakeOf } from '../sql.ts';
import { isoInstant } from './working-days-sql.ts';

/**
 * YELLOW (预警) on the promised clock, domain.md §3.3 [PROPOSED, after S16]: the case runs and has
 * reached its warn instant (at most Y working days left) but not yet its overdue instant. A paused
 * clock warns nobody (§3.2 steps 2–3): its warn and overdue instants are null while it is paused.
 * An undecided case warns only once acceptance is deemed (ALL Art. 32): the clock never puts its
 * pending instants earlier than that.
 */
/** A commitment case still open between its warning and overdue instants. */
const warned = (c = '') => `(${c}kind = 'commitment' AND ${c}status IN ('submitted', 'running', 'paused') AND ${c}promised_state IN ('pending', 'running')
  AND ${c}warn_at <= ${NOW} AND ${NOW} < ${c}overdue_at)`;

export const caseYellow: Rule = {
  id: 'CASE-YELLOW',
  level: 'yellow',
  version: 1,
  deterministic: true,
  clock: true,
  timeDriven: true,
  description: {
    zh: '办件临近承诺办结时限（剩余不超过1个工作日），尚未办结（预警黄灯）',
    en: 'Case still open with at most one working day left before its promised due date',
  },
  sql: (ctx) => `
    SELECT c.case_id AS case_id, c.dept_code AS dept_code, 'yellow' AS level,
      concat('open with its promised limit nearly used: due ', toString(c.due_date), ', warned from ', ${isoInstant('c.warn_at')}) AS reason,
      ${clockStartIds('e')} AS evidence,
      toJSONString(map('dueDate', toString(c.due_date), 'warnAt', ${isoInstant('c.warn_at')}, 'overdueAt', ${isoInstant('c.overdue_at')},
                       'limit', toString(c.promised_limit + c.extension_days), 'consumedDays', toString(c.consumed_days), 'status', c.status)) AS figures
    FROM cases AS c FINAL
    LEFT JOIN ${clockStartEvents(`${caseFilter('case_id')}${foundOnly(ctx, warned())}`)} AS e
      ON e.case_id = c.case_id
    WHERE ${caseFilter('c.case_id')} AND ${warned('c.')}`,
  // Yellow from the warn instant, no longer at the overdue one (CASE-OVERDUE's red then).
  wakes: () => `
    SELECT case_id, ${wakeOf(`if(warn_at > ${NOW}, warn_at, overdue_at)`)} AS wake FROM cases FINAL
    WHERE ${caseFilter('case_id')} AND kind = 'commitment' AND status IN ('submitted', 'running', 'paused')
      AND promised_state IN ('pending', 'running') AND overdue_at > ${NOW}`,
};
