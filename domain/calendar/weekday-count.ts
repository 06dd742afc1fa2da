/**
 * Closed-form Mon–Fri counting, used outside the years a calendar table covers. Counts are
 * signed prefix sums from day 0 (1970-01-01, a Thursday), so the difference of two counts is
 * the number of weekdays between them for any pair of dates, before 1970 included.
 */

// Weekdays among the first r days of a week that starts on Thursday: Thu, Fri, Sat, Sun, Mon, Tue, Wed.
const PREFIX_IN_WEEK = [0, 1, 2, 2, 2, 3, 4, 5] as const;
// Smallest r at which PREFIX_IN_WEEK[r] reaches k, for k = 0..4.
const FIRST_R_REACHING = [0, 1, 2, 5, 6] as const;

/** Mon–Fri days d with 0 ≤ d < n (negative when n < 0). */
export function weekdaysBefore(n: number): number {
  const weeks = Math.floor(n / 7);
  return 5 * weeks + PREFIX_IN_WEEK[n - 7 * weeks]!;
}

/** The smallest n with weekdaysBefore(n) ≥ target: the inverse used to add working days in O(1). */
export function firstDayReachingWeekdays(target: number): number {
  const weeks = Math.floor(target / 5);
  return 7 * weeks + FIRST_R_REACHING[target - 5 * weeks]!;
}
