import { caseFilter, type Rule } from '../rule.ts';
import { localDate, nowDate, workdayByIndex, workdayIndex } from './working-days-sql.ts';

/**
 * Rectification replies (回告, RectificationReplied, domain.md §2.2 E18) per case, from the alert
 * read model: a reply on any alert of the case counts, its own IR17 alert included (see
 * docs/decisions.md). The alert's occurredAt is the supervision clock's time, which is what a
 * rating's business time is compared with; recordedAt can run ahead of it while the demo replays
 * the past. A ComplaintHandled is not counted: it answers a complaint (E17), not the rating.
 */
const rectificationReplies = `(
  SELECT case_id, groupArray(occurred_at) AS replied_at FROM alert_events FINAL
  WHERE type = 'RectificationReplied' AND ${caseFilter('case_id')} GROUP BY case_id)`;

/**
 * IR17: a 差评 (满意度 4 不满意 or 5 非常不满意, S8 A.8) must be rectified and replied to within
 * {ratingRectifyWorkingDays} working days (S23: 15; S24: 5). Fires from 00:00 after the last
 * working day of that period while no reply dated within it exists: a reply counts when it came
 * after the rating and on or before that last day. A late reply cures nothing: the violation stays
 * on record.
 */
export const ir17BadRatingUnrectified: Rule = {
  id: 'IR17',
  level: 'yellow',
  version: 2,
  deterministic: true,
  timeDriven: true,
  description: {
    zh: '差评未在规定工作日内整改回告',
    en: 'Bad rating (dissatisfied or very dissatisfied) not rectified and replied to within the allowed working days',
  },
  sql: () => `
    WITH cal AS ${workdayIndex}, due_day AS ${workdayByIndex}, rectification_replies AS ${rectificationReplies}
    SELECT r.case_id AS case_id, argMax(r.dept_code, r.rated_at) AS dept_code, 'yellow' AS level,
      concat(toString(count()), ' bad rating(s), the first on ', toString(${localDate('min(r.rated_at)')}),
             ', not rectified by ', toString(min(due.day))) AS reason,
      arrayMap(x -> x.2, arraySort(groupArray((r.rated_at, r.event_id)))) AS evidence,
      toJSONString(map('badRatings', toString(count()), 'worstLevel', toString(max(r.level)),
        'ratedOn', toString(${localDate('min(r.rated_at)')}), 'replyDueDate', toString(min(due.day)),
        'allowedWorkingDays', toString({ratingRectifyWorkingDays:UInt32}))) AS figures
    FROM (SELECT case_id, event_id, dept_code, level, rated_at FROM ratings FINAL WHERE ${caseFilter('case_id')} AND level >= 4) AS r
    INNER JOIN cal AS rd ON rd.day = ${localDate('r.rated_at')}
    INNER JOIN due_day AS due ON due.n = rd.n + {ratingRectifyWorkingDays:UInt32}
    LEFT JOIN rectification_replies AS rr ON rr.case_id = r.case_id
    WHERE ${nowDate} > due.day AND NOT arrayExists(t -> t >= r.rated_at AND ${localDate('t')} <= due.day, rr.replied_at)
    GROUP BY r.case_id
    ORDER BY case_id`,
};
