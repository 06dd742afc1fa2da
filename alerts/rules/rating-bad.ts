import type { Rule } from '../rule.ts';
import { badRatings } from './bad-ratings-sql.ts';
import { localDate } from './working-days-sql.ts';

/**
 * 差评整改通知: a bad rating asks for rectification and a 回告 (§5: unsatisfactory evaluations lead
 * to a notice with a deadline for rectification [S16]; agencies correct and reply [S12]). Raised as
 * soon as the rating is projected, so the department has an alert to reply on before IR17 judges
 * the same deadline; IR17 counts a reply on any alert of the case. It is about the case's latest
 * bad rating: a later one is a new finding, raised once the notice before it is closed.
 */
export const ratingBad: Rule = {
  id: 'RATING-BAD',
  level: 'yellow',
  version: 1,
  deterministic: true,
  // Only a RatingSubmitted can make it hold; no deadline passing does.
  timeDriven: false,
  description: {
    zh: '差评整改通知：办件收到不满意或非常不满意评价，须在规定工作日内整改并回告',
    en: 'Bad rating (dissatisfied or very dissatisfied): rectify and reply (回告) on this alert within the allowed working days',
  },
  // rating_level, not level: the output column `level` would shadow it in ClickHouse.
  sql: () => `
    WITH bad AS ${badRatings()}
    SELECT case_id, dept_code, 'yellow' AS level,
      concat('bad rating (level ', toString(rating_level), ') on ', toString(rated_on),
             ': rectify and reply (回告) on this alert by ', toString(reply_due_day)) AS reason,
      [event_id] AS evidence,
      toJSONString(map('ratingLevel', toString(rating_level), 'ratedOn', toString(rated_on), 'replyDueDate', toString(reply_due_day),
        'allowedWorkingDays', toString({ratingRectifyWorkingDays:UInt32}), 'badRatings', toString(bad_ratings))) AS figures
    FROM (
      SELECT case_id, event_id, dept_code, level AS rating_level, ${localDate('rated_at')} AS rated_on, reply_due_day,
        count() OVER (PARTITION BY case_id) AS bad_ratings
      FROM bad
      ORDER BY case_id, rated_at DESC, event_id DESC
      LIMIT 1 BY case_id)
    ORDER BY case_id`,
};
