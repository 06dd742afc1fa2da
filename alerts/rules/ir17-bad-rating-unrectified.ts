import { caseFilter, type Rule } from '../rule.ts';
import { midnightAfter } from '../sql.ts';
import { badRatings } from './bad-ratings-sql.ts';
import { localDate, nowDate } from './working-days-sql.ts';

/**
 * Rectification replies (回告, RectificationReplied, domain.md §2.2 E18) per case, from the alert
 * read model: a reply on any alert of the case counts, typically the RATING-BAD notice raised on the
 * rating itself, and its own IR17 alert included (see docs/decisions.md). The alert's occurredAt is the supervision clock's time, which is what a
 * rating's business time is compared with; recordedAt can run ahead of it while the demo replays
 * the past. A ComplaintHandled is not counted: it answers a complaint (E17), not the rating.
 */
const rectificationReplies = `(
  SELECT case_id, groupArray(occurred_at) AS replied_at FROM alert_events FINAL
  WHERE type = 'RectificationReplied' AND ${caseFilter('case_id')} GROUP BY case_id)`;

/**
 * IR17: a 差评 must be rectified and replied to by the last working day bad-ratings-sql.ts allows
 * (S23: 15 working days; S24: 5). Fires from 00:00 after that day while no reply dated within the
 * period exists: a reply counts when it came after the rating and on or before that last day. A
 * late reply cures nothing: the violation stays on record.
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
  sql: (ctx) => `
    WITH bad AS ${badRatings(ctx.deadlinesOnly === true)}, rectification_replies AS ${rectificationReplies}
    SELECT r.case_id AS case_id, argMax(r.dept_code, r.rated_at) AS dept_code, 'yellow' AS level,
      concat(toString(count()), ' bad rating(s), the first on ', toString(${localDate('min(r.rated_at)')}),
             ', not rectified by ', toString(min(r.reply_due_day))) AS reason,
      arrayMap(x -> x.2, arraySort(groupArray((r.rated_at, r.event_id)))) AS evidence,
      toJSONString(map('badRatings', toString(count()), 'worstLevel', toString(max(r.level)),
        'ratedOn', toString(${localDate('min(r.rated_at)')}), 'replyDueDate', toString(min(r.reply_due_day)),
        'allowedWorkingDays', toString({ratingRectifyWorkingDays:UInt32}))) AS figures
    FROM bad AS r
    LEFT JOIN rectification_replies AS rr ON rr.case_id = r.case_id
    WHERE ${nowDate} > r.reply_due_day AND NOT arrayExists(t -> t >= r.rated_at AND ${localDate('t')} <= r.reply_due_day, rr.replied_at)
    GROUP BY r.case_id
    ORDER BY case_id`,
  // Late from the midnight after the reply's last day, unless a reply came in time; a reply is an
  // alert event, not the case's, so the case is asked about then whether one came or not.
  wakes: () => `
    WITH bad AS ${badRatings(true)}
    SELECT case_id, min(${midnightAfter('reply_due_day')}) AS wake FROM bad WHERE reply_due_day >= ${nowDate} GROUP BY case_id`,
};
