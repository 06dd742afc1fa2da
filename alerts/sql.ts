/**
 * SQL fragments the rules share. Instants in the read models are UTC; domain.md §3.2 counts civil
 * dates of the deployment's zone, which ClickHouse knows as timezone() (pinned per session): take
 * them with `localDate` and `nowDate` of rules/working-days-sql.ts.
 */

import type { RuleContext } from './rule.ts';

/** The evaluation instant. */
export const NOW = `{now:DateTime64(3, 'UTC')}`;

/**
 * Over every case, a rule's event lookups can be limited to the cases its condition on `cases`
 * finds (` AND case_id IN (…)`); after a batch the case filter already limits them to a few cases,
 * and the extra pass would only cost time (some 5 ms a clock rule).
 */
export const foundOnly = (ctx: RuleContext, condition: string) => (ctx.caseIds ? '' : ` AND case_id IN (SELECT case_id FROM cases FINAL WHERE ${condition})`);

/** An instant column as a rule's wake (Unix ms; see Rule.wakes). */
export const wakeOf = (instant: string) => `toUnixTimestamp64Milli(assumeNotNull(${instant}))`;

/** 00:00 in the deployment's zone after the civil date `day`, as a wake: when a count of days past `day` moves on. */
export const midnightAfter = (day: string) => `toInt64(toUnixTimestamp(toDateTime(addDays(${day}, 1)))) * 1000`;

/** Leading and trailing spaces removed, the full-width 　 included: a blank reason is no reason. */
export const trimmed = (text: string) => `replaceRegexpAll(${text}, '^[[:space:]　]+|[[:space:]　]+$', '')`;

/**
 * Every working day (make-up days in, holidays out), sorted; bind it once per query as
 * `WITH ${WORKING_DAYS} ...` and count with `wd` or `pastWorkingDays`. Years without a published
 * calendar count Mon–Fri only, as the clock counts them (WorkingCalendar; cases flag it with
 * calendar_fallback), two years either side of the published ones, so a December case running
 * into an unpublished January is counted the way its clock was.
 */
export const WORKING_DAYS = `(
  SELECT arraySort(arrayConcat(days, arrayFilter(d -> NOT has(years, toYear(d)) AND toDayOfWeek(d) <= 5,
    arrayMap(i -> addDays(lo, i), range(toUInt32(dateDiff('day', lo, hi) + 1))))))
  FROM (
    SELECT groupArrayIf(day, working = 1) AS days, groupUniqArray(year) AS years,
      makeDate(toUInt16(min(year) - 2), 1, 1) AS lo, makeDate(toUInt16(max(year) + 2), 12, 31) AS hi
    FROM calendar_days FINAL
  )) AS working_days`;

/** §3.2 wd(a, b]: working days d with a < d ≤ b. */
export const wd = (a: string, b: string) => `arrayCount(d -> d > ${a} AND d <= ${b}, working_days)`;

/**
 * True when `day` lies after addWD(from, n), the last day a period of n working days allows:
 * at least n working days fall strictly between `from` and `day`. A period ending on a working day
 * is therefore still within it on that day, and past it from the next calendar day, rest day or not.
 */
export const pastWorkingDays = (from: string, n: string, day: string) =>
  `(${day} > ${from} AND arrayCount(d -> d > ${from} AND d < ${day}, working_days) >= ${n})`;

/**
 * addWD(from, n) of §3.2 as a date, for figures: the n-th working day after `from` (`from` itself
 * for n = 0). Beyond the counted years it is the zero date, so decide with `pastWorkingDays`.
 */
export const addWorkingDays = (from: string, n: string) => `if(${n} = 0, ${from}, arrayElement(arrayFilter(d -> d > ${from}, working_days), ${n}))`;

/**
 * The event each case's clocks start from, per case (case_id, ids), to join with `cases AS c`:
 * the submission when acceptance is deemed, pending or implied by handling (ALL Art. 32), the
 * first acceptance otherwise (§3.2 step 1). Pick with `clockStartIds('e')`.
 */
export const clockStartEvents = (filter: string) => `(
  SELECT case_id, groupArrayIf(event_id, type = 'CaseSubmitted') AS submitted_ids,
    arrayFilter(x -> x != '', [argMinIf(event_id, (occurred_at, seq), type = 'CaseAccepted')]) AS accepted_ids
  FROM events FINAL WHERE type IN ('CaseSubmitted', 'CaseAccepted') AND ${filter} GROUP BY case_id)`;

/** The clock-start ids of a `clockStartEvents` row aliased `alias`, for the case `c`. */
export const clockStartIds = (alias: string) =>
  `if(c.acceptance_basis IN ('deemed', 'deemed-if-undecided', 'implied') OR empty(${alias}.accepted_ids), ${alias}.submitted_ids, ${alias}.accepted_ids)`;

/**
 * The E7 events of each step run, keyed like case_steps (case_id, step_code, occurrence): the n-th
 * StepStarted and the n-th StepCompleted of a step code in business order make its n-th run, as
 * the clock pairs them (a completion closes the oldest open run). `filter` restricts the cases.
 */
export const stepEvents = (filter: string) => `(
  SELECT case_id, step_code, occurrence,
    arrayConcat(groupArrayIf(event_id, type = 'StepStarted'), groupArrayIf(event_id, type = 'StepCompleted')) AS ids
  FROM (
    SELECT case_id, JSONExtractString(payload, 'stepCode') AS step_code, type, event_id,
      toUInt16(row_number() OVER (PARTITION BY case_id, step_code, type ORDER BY occurred_at, seq, event_id)) AS occurrence
    FROM events FINAL WHERE type IN ('StepStarted', 'StepCompleted') AND ${filter}
  )
  GROUP BY case_id, step_code, occurrence)`;
