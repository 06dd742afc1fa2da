/**
 * Working-day arithmetic of domain.md §3.2 in SQL, over the published calendar (calendar_days), so
 * the rules count days exactly as the clock does without calling back into our code.
 *
 * `n` is the number of working days up to and including each day. Then
 *   wd(a, b]     = n(b) − n(a)
 *   addWD(d, k)  = the working day whose n is n(d) + k  (k ≥ 1)
 * Years without a published State Council notice count Mon–Fri only, as the clock's calendar does
 * (domain/calendar/working-calendar.ts), from three years before the first published year to three
 * after the last: a deadline set late in December falls in a year not yet published. A day
 * outside that span has no row, so a rule joining on it stays silent rather than guess.
 */
export const workdayIndex = `(
  SELECT day, working, toInt64(sum(working) OVER (ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) AS n
  FROM (
    SELECT day, working FROM calendar_days FINAL
    UNION ALL
    SELECT d AS day, toUInt8(toDayOfWeek(d) <= 5) AS working
    FROM (
      SELECT arrayJoin(arrayMap(i -> addDays(lo, i), range(toUInt32(dateDiff('day', lo, hi)) + 1))) AS d
      FROM (SELECT if(min(day) < toDate('1974-01-01'), min(day), addYears(toStartOfYear(min(day)), -3)) AS lo,
                   addYears(toStartOfYear(max(day)), 4) - 1 AS hi
            FROM calendar_days FINAL))
    WHERE d NOT IN (SELECT day FROM calendar_days FINAL)))`;

/** Only the working days, keyed by n: join `ON w.n = x.n + k` to get addWD(x.day, k). */
export const workdayByIndex = `(SELECT n, day FROM ${workdayIndex} WHERE working = 1)`;

/** The deployment's civil date of an instant column (instants are stored in UTC). */
export const localDate = (instant: string) => `toDate(${instant}, timezone())`;

/** The deployment's civil date of the evaluation instant. */
export const nowDate = `toDate({now:DateTime64(3, 'UTC')}, timezone())`;

/** An instant column as ISO-8601 in the deployment's zone, e.g. 2026-03-16T09:30:00+08:00 (seconds). */
export const isoInstant = (instant: string) =>
  `concat(formatDateTime(${instant}, '%Y-%m-%dT%H:%i:%S', timezone()), substring(formatDateTime(${instant}, '%z', timezone()), 1, 3), ':', substring(formatDateTime(${instant}, '%z', timezone()), 4, 2))`;
