import { caseFilter, type Rule } from '../rule.ts';
import { localDate, nowDate, workdayByIndex, workdayIndex } from './working-days-sql.ts';

/**
 * Rectification replies (回告, RectificationReplied, domain.md §2.2 E18) to a bad rating. They are
 * alert-lifecycle events, and no read model holds them yet: this relation has the shape the rule
 * needs and is empty, so every bad rating past its deadline counts as unrectified. Replace it with
 * the alert read model when that exists. A ComplaintHandled is not counted: it answers a complaint
 * (E17), not the rating.
 */
const ratingRectifications = `(
  SELECT '' AS case_id, '' AS rating_event_id, toDateTime64(0, 3, 'UTC') AS replied_at WHERE 0)`;

/**
 * IR17: a 差评 (满意度 4 不满意 or 5 非常不满意, S8 A.8) must be rectified and replied to within
 * {ratingRectifyWorkingDays} working days (S23: 15; S24: 5). Fires from 00:00 after the last
 * working day of that period while no reply dated within it exists; it stays on record after a
 * late reply.
 */
export const ir17BadRatingUnrectified: Rule = {
  id: 'IR17',
  level: 'yellow',
  version: 1,
  deterministic: true,
  timeDriven: true,
  description: {
    zh: '差评未在规定工作日内整改回告',
    en: 'Bad rating (dissatisfied or very dissatisfied) not rectified and replied to within the allowed working days',
  },
  sql: () => `
    WITH cal AS ${workdayIndex}, due_day AS ${workdayByIndex}, rating_rectifications AS ${ratingRectifications}
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
    LEFT JOIN (SELECT rating_event_id, 1 AS has, min(replied_at) AS replied_at FROM rating_rectifications GROUP BY rating_event_id) AS rr
      ON rr.rating_event_id = r.event_id
    WHERE ${nowDate} > due.day AND NOT (rr.has = 1 AND ${localDate('rr.replied_at')} <= due.day)
    GROUP BY r.case_id
    ORDER BY case_id`,
};
