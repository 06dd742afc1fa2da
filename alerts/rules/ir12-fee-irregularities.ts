import { caseFilter, type Rule } from '../rule.ts';

/** Fen (Int64) as yuan with two decimals, exactly. */
const cny = (fen: string) => `toDecimalString(toDecimal64(${fen}, 2) / 100, 2)`;

/**
 * IR12 (S12 item 7; ALL Arts. 58–59 [S5]; domain.md §8 Ex 10), against the catalogue version the
 * case is bound to (cases.matter_version):
 *   a  a fee on a matter that charges nothing (是否收费 = 0);
 *   b  a fee item the catalogue does not list, or a fee with no item code;
 *   c  amount > standard × quantity, or quantity > the item's maximum;
 *   d  ΣFeeCharged ≠ the first CaseConcluded's feeTotal (收费金额 SFJE; absent counts as 0).
 * Amounts are compared in fen so 10.01 against 10 is not lost to floating point.
 */
export const ir12FeeIrregularities: Rule = {
  id: 'IR12',
  level: 'red',
  version: 1,
  deterministic: true,
  description: {
    zh: '违规收费：不收费事项收费、收费项目不在目录内、超标准或超数量收费、收费合计与办结收费金额不符',
    en: 'Fee irregularity: fee on a free matter, item not in the catalogue, over the standard or maximum quantity, or fees not matching the conclusion total',
  },
  sql: () => `
    WITH
      items AS (
        SELECT matter_code, version, charges, 1 AS known, JSONExtractArrayRaw(fee_items) AS raw,
          arrayMap(x -> JSONExtractString(x, 'code'), raw) AS codes,
          arrayMap(x -> toInt64(round(JSONExtractFloat(x, 'standardAmount') * 100)), raw) AS std_fen,
          arrayMap(x -> toInt64(JSONExtractUInt(x, 'maxQuantity')), raw) AS max_qty
        FROM matters FINAL),
      fee AS (
        SELECT f.case_id AS case_id, f.event_id AS event_id, f.position AS position, toInt64(f.quantity) AS qty,
          toInt64(round(f.amount * 100)) AS fen, i.known = 1 AS known, indexOf(i.codes, f.fee_item_code) AS ix,
          known AND i.charges = 0 AS clause_a,
          known AND ix = 0 AS clause_b,
          known AND ix > 0 AND (qty > i.max_qty[ix] OR fen > i.std_fen[ix] * qty) AS clause_c,
          if(known AND ix > 0, greatest(0, fen - i.std_fen[ix] * qty), 0) AS over_fen
        FROM fees AS f FINAL
        LEFT JOIN (SELECT case_id, matter_code, ifNull(matter_version, 0) AS matter_version FROM cases FINAL WHERE ${caseFilter('case_id')}) AS cs
          ON cs.case_id = f.case_id
        LEFT JOIN items AS i ON i.matter_code = cs.matter_code AND i.version = cs.matter_version
        WHERE ${caseFilter('f.case_id')}),
      per_case AS (
        SELECT case_id, sum(fen) AS charged_fen, sum(over_fen) AS over_fen,
          max(clause_a) AS a, max(clause_b) AS b, max(clause_c) AS c,
          arrayMap(x -> x.2, arraySort(groupArray((position, event_id)))) AS fee_ids,
          arrayMap(x -> x.2, arraySort(groupArrayIf((position, event_id), clause_a OR clause_b OR clause_c))) AS bad_ids
        FROM fee GROUP BY case_id),
      concluded AS (
        SELECT case_id, argMin(event_id, position) AS concluded_id,
          argMin(toInt64(round(JSONExtractFloat(payload, 'feeTotal') * 100)), position) AS total_fen
        FROM events FINAL WHERE type = 'CaseConcluded' AND ${caseFilter('case_id')} GROUP BY case_id)
    SELECT case_id, dept_code, 'red' AS level,
      concat('fee irregularity (', clauses, '): charged ', charged, ' CNY',
             if(c, concat(', ', over, ' CNY over the catalogue standard or quantity'), ''),
             if(d, concat(', conclusion states ', stated, ' CNY'), '')) AS reason,
      arrayDistinct(arrayConcat(bad_ids, if(d, arrayConcat(fee_ids, [concluded_id]), []))) AS evidence,
      toJSONString(map('clauses', clauses, 'chargedCny', charged, 'overchargeCny', over, 'concludedFeeTotalCny', if(has_conclusion, stated, ''))) AS figures
    FROM (
      SELECT cs.case_id AS case_id, cs.dept_code AS dept_code, p.a AS a, p.b AS b, p.c AS c,
        co.case_id != '' AS has_conclusion, has_conclusion AND p.charged_fen != co.total_fen AS d,
        p.bad_ids AS bad_ids, p.fee_ids AS fee_ids, co.concluded_id AS concluded_id,
        arrayStringConcat(arrayFilter((x, on) -> on, ['a', 'b', 'c', 'd'], [a, b, c, d]), ',') AS clauses,
        ${cny('p.charged_fen')} AS charged, ${cny('p.over_fen')} AS over, ${cny('co.total_fen')} AS stated
      FROM (SELECT case_id, dept_code FROM cases FINAL WHERE ${caseFilter('case_id')}) AS cs
      LEFT JOIN per_case AS p ON p.case_id = cs.case_id
      LEFT JOIN concluded AS co ON co.case_id = cs.case_id
    )
    WHERE a OR b OR c OR d
    ORDER BY case_id`,
};
