import { caseFilter, type Rule } from '../rule.ts';
import { trimmed } from '../sql.ts';

/**
 * IR01 (S12 item 5; ALL Art. 38 [S6]): a refusal to accept without its reason (不受理原因 BSLYY),
 * or one shorter than {minReasonChars} characters, which is no reason; or a conclusion returned,
 * voided, deleted, closed for missing supplements or denied (BJJGDM 1, 2, 3, 5, 7, S11) without its
 * 作废或退回原因 (ZFHTHYY). Characters are counted as code points, so 不予受理 is four.
 */
export const ir01ReasonsMissing: Rule = {
  id: 'IR01',
  level: 'red',
  version: 1,
  deterministic: true,
  description: {
    zh: '不予受理或不予许可、退回、作废等办结未说明理由',
    en: 'Refusal to accept, or a denial, return or voiding, without stated reasons',
  },
  sql: () => `
    SELECT case_id, dept_code, 'red' AS level,
      arrayStringConcat(arrayMap(f -> if(f.3 = 'AcceptanceRefused',
        concat('refused with a reason of ', toString(f.5), ' characters (at least ', toString({minReasonChars:UInt32}), ' required)'),
        concat('concluded with result code ', f.6, ' and no reason')), found), '; ') AS reason,
      arrayMap(f -> f.4, found) AS evidence,
      toJSONString(map(
        'events', arrayStringConcat(arrayMap(f -> f.3, found), ','),
        'reasonChars', arrayStringConcat(arrayMap(f -> toString(f.5), found), ','),
        'resultCode', arrayStringConcat(arrayMap(f -> f.6, found), ','),
        'minReasonChars', toString({minReasonChars:UInt32}))) AS figures
    FROM (
      SELECT case_id, any(dept_code) AS dept_code, arraySort(groupArray((occurred_at, seq, toString(type), event_id, chars, result_code))) AS found
      FROM (
        SELECT case_id, dept_code, type, event_id, occurred_at, seq,
          lengthUTF8(${trimmed(`JSONExtractString(payload, if(type = 'AcceptanceRefused', 'refusalReason', 'reason'))`)}) AS chars,
          JSONExtractString(payload, 'resultCode') AS result_code
        FROM events FINAL
        WHERE type IN ('AcceptanceRefused', 'CaseConcluded') AND ${caseFilter('case_id')}
      )
      WHERE (type = 'AcceptanceRefused' AND chars < {minReasonChars:UInt32})
         OR (type = 'CaseConcluded' AND result_code IN ('1', '2', '3', '5', '7') AND chars = 0)
      GROUP BY case_id
    )`,
};
