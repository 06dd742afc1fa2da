import { caseFilter, type Rule } from '../rule.ts';

/**
 * IR04 (ALL Art. 32 [S2] 一次性告知): the agency tells the applicant everything to supplement in
 * one notice; a second SupplementRequested on the same case breaks that.
 */
export const ir04RepeatedSupplementNotice: Rule = {
  id: 'IR04',
  level: 'yellow',
  version: 1,
  deterministic: true,
  description: {
    zh: '补正材料未一次性告知（同一办件多次发出补正告知）',
    en: 'Supplements not requested in one notice: more than one supplement notice on a case',
  },
  sql: () => `
    SELECT case_id, dept_code, 'yellow' AS level,
      concat(toString(length(notices)), ' supplement notices, on ', arrayStringConcat(arrayMap(n -> toString(toDate(n.1, timezone())), notices), ', ')) AS reason,
      arrayMap(n -> n.3, notices) AS evidence,
      toJSONString(map('notices', toString(length(notices)))) AS figures
    FROM (
      SELECT case_id, any(dept_code) AS dept_code, arraySort(groupArray((occurred_at, seq, event_id))) AS notices
      FROM events FINAL
      WHERE type = 'SupplementRequested' AND ${caseFilter('case_id')}
      GROUP BY case_id
      HAVING count() > 1
    )`,
};
