import { caseFilter, type Rule } from '../rule.ts';
import { localDate, nowDate, workdayByIndex, workdayIndex } from './working-days-sql.ts';

/**
 * IR11 (ALL Art. 44 [S3]): a certificate is issued and delivered within 10 working days of the
 * approval decision. The decision is the case's first CaseConcluded; a later rewrite of it is IR20's
 * business. Delivery on the next rest day after the last working day is already late (the period
 * ends at 24:00 of its last day, Civil Code Art. 203 [S7]).
 */
export const ir11DeliveryLate: Rule = {
  id: 'IR11',
  level: 'yellow',
  version: 1,
  deterministic: true,
  description: {
    zh: '准予许可或出证办结后，超过规定工作日未送达（领取）证照',
    en: 'Certificate delivered, or still undelivered, more than the allowed working days after an approving conclusion',
  },
  sql: () => `
    WITH cal AS ${workdayIndex}, due_day AS ${workdayByIndex}
    SELECT c.case_id AS case_id, c.dept_code AS dept_code, 'yellow' AS level,
      if(d.has = 1,
         concat('result delivered on ', toString(${localDate('d.delivered_at')}), ', after the delivery deadline ', toString(due.day)),
         concat('result not delivered by the delivery deadline ', toString(due.day))) AS reason,
      if(d.has = 1, [c.concluded_id, d.delivered_id], [c.concluded_id]) AS evidence,
      toJSONString(map(
        'concludedOn', toString(${localDate('c.concluded_at')}), 'resultCode', c.result_code, 'deadline', toString(due.day),
        'limitWorkingDays', toString({deliveryWorkingDays:UInt32}), 'delivered', if(d.has = 1, 'true', 'false'),
        'deliveredOn', if(d.has = 1, toString(${localDate('d.delivered_at')}), ''),
        'workingDaysTaken', toString(if(d.has = 1, dn.n, nd.n) - cd.n))) AS figures
    FROM (
      SELECT case_id, argMin(event_id, position) AS concluded_id, argMin(occurred_at, position) AS concluded_at,
        argMin(JSONExtractString(payload, 'resultCode'), position) AS result_code, argMin(dept_code, position) AS dept_code
      FROM events FINAL WHERE type = 'CaseConcluded' AND ${caseFilter('case_id')} GROUP BY case_id
    ) AS c
    LEFT JOIN (
      SELECT case_id, 1 AS has, argMin(event_id, occurred_at) AS delivered_id, min(occurred_at) AS delivered_at
      FROM events FINAL WHERE type = 'ResultDelivered' AND ${caseFilter('case_id')} GROUP BY case_id
    ) AS d ON d.case_id = c.case_id
    INNER JOIN cal AS cd ON cd.day = ${localDate('c.concluded_at')}
    INNER JOIN due_day AS due ON due.n = cd.n + {deliveryWorkingDays:UInt32}
    LEFT JOIN cal AS dn ON dn.day = ${localDate('d.delivered_at')}
    LEFT JOIN cal AS nd ON nd.day = ${nowDate}
    WHERE c.result_code IN ('0', '6')
      AND if(d.has = 1, ${localDate('d.delivered_at')} > due.day, ${nowDate} > due.day)
    ORDER BY case_id`,
};
