import { caseFilter, type Rule } from '../rule.ts';

const MATERIALS = `JSONExtract(payload, 'materials', 'Array(Tuple(code String, name String))')`;

/**
 * IR05 (S20; ALL Art. 32 一次性告知): supplements received (E6) include a material no earlier notice
 * (E5) asked for. A material matches a requested one by its code when both carry one, or by name.
 * Every notice up to the receipt counts, so materials asked for in two notices (IR04's business)
 * are not a mismatch here; a receipt with no notice before it matches nothing.
 */
export const ir05SupplementMismatch: Rule = {
  id: 'IR05',
  level: 'yellow',
  version: 1,
  deterministic: true,
  description: {
    zh: '补交材料与补正告知清单不符（收取了告知清单以外的材料）',
    en: 'Supplements received include materials the supplement notice did not ask for',
  },
  sql: () => `
    SELECT case_id, any(dept_code) AS dept_code, 'yellow' AS level,
      arrayStringConcat(groupArray(concat('received ', arrayStringConcat(arrayMap(x -> x.2, extra), '、'), ' on ', toString(toDate(received_at, timezone())), ', not in the notice')), '; ') AS reason,
      arrayDistinct(arrayFlatten(groupArray(arrayPushBack(arrayMap(q -> q.3, arraySort(asked)), received_id)))) AS evidence,
      toJSONString(map('unrequested', arrayStringConcat(arrayFlatten(groupArray(arrayMap(x -> x.2, extra))), ','),
                       'notices', toString(max(length(asked))))) AS figures
    FROM (
      SELECT r.case_id AS case_id, r.dept_code AS dept_code, r.event_id AS received_id, r.occurred_at AS received_at,
        arrayFilter(q -> (q.1, q.2) <= (r.occurred_at, r.seq), n.notices) AS asked,
        arrayFlatten(arrayMap(q -> arrayFilter(c -> c != '', arrayMap(m -> m.1, q.4)), asked)) AS codes,
        arrayFlatten(arrayMap(q -> arrayMap(m -> m.2, q.4), asked)) AS names,
        arrayFilter(m -> NOT ((m.1 != '' AND has(codes, m.1)) OR has(names, m.2)), r.materials) AS extra
      FROM (
        SELECT case_id, dept_code, event_id, occurred_at, seq, ${MATERIALS} AS materials
        FROM events FINAL WHERE type = 'SupplementReceived' AND ${caseFilter('case_id')}
      ) AS r
      LEFT JOIN (
        SELECT case_id, groupArray((occurred_at, seq, event_id, ${MATERIALS})) AS notices
        FROM events FINAL WHERE type = 'SupplementRequested' AND ${caseFilter('case_id')} GROUP BY case_id
      ) AS n ON n.case_id = r.case_id
    )
    WHERE notEmpty(extra)
    GROUP BY case_id`,
};
