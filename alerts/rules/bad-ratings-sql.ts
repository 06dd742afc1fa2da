import { caseFilter } from '../rule.ts';
import { NOW } from '../sql.ts';
import { localDate, workdayByIndex, workdayIndex } from './working-days-sql.ts';

/**
 * Every 差评 (E16 满意度 4 不满意 or 5 非常不满意, S8 A.8) of the cases asked for, with the last
 * working day allowed for its 回告: the {ratingRectifyWorkingDays}-th working day after the rating's
 * date (S23: 15; S24: 5). IR17 judges that deadline and RATING-BAD announces it, so both read it
 * from here. Columns: case_id, event_id, dept_code, level, rated_at, reply_due_day. For the
 * deadline rule (IR17) the scheduled run reads only the ratings of the last 2N + 14 calendar days,
 * whose deadline may just have passed; an older one's passed under an earlier run, or the sweep at start.
 */
export const badRatings = (recentOnly = false) => `(
  SELECT r.case_id AS case_id, r.event_id AS event_id, r.dept_code AS dept_code, r.level AS level, r.rated_at AS rated_at,
    due.day AS reply_due_day
  FROM (SELECT case_id, event_id, dept_code, level, rated_at FROM ratings FINAL WHERE ${caseFilter('case_id')} AND level >= 4
        ${recentOnly ? `AND rated_at >= ${NOW} - toIntervalDay(2 * {ratingRectifyWorkingDays:UInt32} + 14)` : ''}) AS r
  INNER JOIN ${workdayIndex} AS rd ON rd.day = ${localDate('r.rated_at')}
  INNER JOIN ${workdayByIndex} AS due ON due.n = rd.n + {ratingRectifyWorkingDays:UInt32})`;
