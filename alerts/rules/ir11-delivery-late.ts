import { caseFilter, type Rule, type RuleContext } from '../rule.ts';
import { NOW, midnightAfter } from '../sql.ts';
import { localDate, nowDate, workdayByIndex, workdayIndex } from './working-days-sql.ts';

/**
 * In the scheduled run, the decisions whose delivery deadline may just have passed: those of the
 * last 2N + 14 calendar days (N working days cannot span more; the longest run of rest days is 9).
 * An older deadline passed under an earlier scheduled run, or under the sweep at start after a
 * longer stop; the months before are not read at all, the events being partitioned by month.
 */
const recent = (ctx: RuleContext) =>
  ctx.deadlinesOnly
    ? ` AND case_id IN (SELECT case_id FROM events WHERE type = 'CaseConcluded' AND ${caseFilter('case_id')}
        AND occurred_at >= ${NOW} - toIntervalDay(2 * {deliveryWorkingDays:UInt32} + 14))`
    : '';

/**
 * IR11 (ALL Art. 44 [S3]): a certificate is issued and delivered within {deliveryWorkingDays}
 * working days of the approval decision. The decision is the case's first CaseConcluded with
 * resultCode 0 (出证办结) or 6 (准予许可); a later rewrite of it is IR20's business. The deadline is
 * addWD(conclusion date, N), ending at 24:00 (Civil Code Art. 203 [S7]): a delivery on the rest
 * day right after it is already late.
 */
const decisions = (delivered: 'late' | 'missing', ctx: RuleContext) => `
    WITH cal AS ${workdayIndex}, due_day AS ${workdayByIndex}
    SELECT c.case_id AS case_id, c.dept_code AS dept_code, 'yellow' AS level,
      ${
        delivered === 'late'
          ? `concat('result delivered on ', toString(${localDate('d.delivered_at')}), ', after the delivery deadline ', toString(due.day)) AS reason,
      [c.concluded_id, d.delivered_id] AS evidence,`
          : `concat('no delivery of the result recorded by the delivery deadline ', toString(due.day)) AS reason,
      [c.concluded_id] AS evidence,`
      }
      toJSONString(map(
        'concludedOn', toString(${localDate('c.concluded_at')}), 'resultCode', c.result_code, 'deadline', toString(due.day),
        'limitWorkingDays', toString({deliveryWorkingDays:UInt32}),
        ${
          delivered === 'late'
            ? `'deliveredOn', toString(${localDate('d.delivered_at')}), 'workingDaysTaken', toString(dn.n - cd.n)`
            : `'workingDaysElapsed', if(nd.day = ${nowDate}, toString(nd.n - cd.n), '')`
        })) AS figures
    FROM (
      SELECT case_id, argMin(event_id, position) AS concluded_id, argMin(occurred_at, position) AS concluded_at,
        argMin(JSONExtractString(payload, 'resultCode'), position) AS result_code, argMin(dept_code, position) AS dept_code
      FROM events FINAL WHERE type = 'CaseConcluded' AND ${caseFilter('case_id')}${recent(ctx)} GROUP BY case_id
    ) AS c
    LEFT JOIN (
      SELECT case_id, 1 AS has, argMin(event_id, occurred_at) AS delivered_id, min(occurred_at) AS delivered_at
      FROM events FINAL WHERE type = 'ResultDelivered' AND ${caseFilter('case_id')}${recent(ctx)} GROUP BY case_id
    ) AS d ON d.case_id = c.case_id
    INNER JOIN cal AS cd ON cd.day = ${localDate('c.concluded_at')}
    INNER JOIN due_day AS due ON due.n = cd.n + {deliveryWorkingDays:UInt32}
    ${delivered === 'late' ? `INNER JOIN cal AS dn ON dn.day = ${localDate('d.delivered_at')}` : `LEFT JOIN cal AS nd ON nd.day = ${nowDate}`}
    WHERE c.result_code IN ('0', '6')
      AND ${delivered === 'late' ? `d.has = 1 AND ${localDate('d.delivered_at')} > due.day` : `d.has = 0 AND ${nowDate} > due.day`}
    ORDER BY case_id`;

/** Delivered (E14 领取登记/送达) after the deadline: domain.md §4's machine check. */
export const ir11DeliveryLate: Rule = {
  id: 'IR11',
  level: 'yellow',
  version: 1,
  deterministic: true,
  description: {
    zh: '证照送达超期：准予许可或出证办结后，超过规定工作日才送达（领取）证照',
    en: 'Certificate delivered more than the allowed working days after an approving conclusion',
  },
  sql: (ctx) => decisions('late', ctx),
};

/**
 * No delivery recorded by the deadline, judged at `now`. Not deterministic: departmental systems
 * do not report every 领取登记 (electronic certificates, results collected but not registered), so
 * a missing E14 is a reporting gap as often as a late delivery, and it resolves itself (this rule
 * goes silent) when a delivery arrives — IR11 then judges that delivery's date.
 */
export const ir11DeliveryMissing: Rule = {
  id: 'IR11-UNDELIVERED',
  level: 'yellow',
  version: 1,
  deterministic: false,
  timeDriven: true,
  description: {
    zh: '证照逾期未送达：准予许可或出证办结后，超过规定工作日仍无送达（领取）记录',
    en: 'No certificate delivery recorded within the allowed working days after an approving conclusion',
  },
  sql: (ctx) => decisions('missing', ctx),
  // Missing from the midnight after the deadline while no delivery (an event) is recorded. Only
  // cases concluded in the last 2N + 14 days can still have a deadline ahead.
  wakes: (ctx) => `
    WITH cal AS ${workdayIndex}, due_day AS ${workdayByIndex}
    SELECT c.case_id AS case_id, ${midnightAfter('due.day')} AS wake
    FROM (
      SELECT case_id, argMin(occurred_at, position) AS concluded_at, argMin(JSONExtractString(payload, 'resultCode'), position) AS result_code
      FROM events FINAL WHERE type = 'CaseConcluded' AND ${caseFilter('case_id')}${recent({ ...ctx, deadlinesOnly: true })} GROUP BY case_id
    ) AS c
    INNER JOIN cal AS cd ON cd.day = ${localDate('c.concluded_at')}
    INNER JOIN due_day AS due ON due.n = cd.n + {deliveryWorkingDays:UInt32}
    WHERE c.result_code IN ('0', '6') AND due.day >= ${nowDate}
      AND c.case_id NOT IN (SELECT case_id FROM events WHERE type = 'ResultDelivered' AND ${caseFilter('case_id')})`,
};
