import { caseFilter, type Rule } from '../rule.ts';
import { trimmed } from '../sql.ts';

/**
 * Special procedures whose time does not count (ALL Art. 45 [S3]: 听证, 招标, 拍卖, 检验, 检测, 检疫,
 * 鉴定, 专家评审), plus the site inspections local systems use (实地核查 / 现场勘查, S8 T7 remark).
 */
export const LEGAL_SPECIAL_PROCEDURES = ['听证', '招标', '拍卖', '检验', '检测', '检疫', '鉴定', '专家评审', '实地核查', '现场勘查'] as const;

/**
 * IR06 (domain.md §4; ALL Arts. 42, 45): a special procedure (E8, either kind) or a suspension
 * (E10) without its reason (启动理由或依据 / 挂起原因) or its approver (批准人); or a special procedure
 * other than an extension (kind 2) whose name is not a legal one, or not among those the matter's
 * catalogue version allows (allowedSpecialProcedures). When the case's catalogue version is
 * unknown only the legal list applies.
 */
export const ir06PauseWithoutBasis: Rule = {
  id: 'IR06',
  level: 'red',
  version: 1,
  deterministic: true,
  description: {
    zh: '特别程序或挂起无理由、无批准人，或特别程序种类不合法、不在事项允许范围内',
    en: 'Special procedure or suspension without reason or approver, or a special procedure not allowed by law or by the matter',
  },
  sql: () => `
    SELECT case_id, any(dept_code) AS dept_code, 'red' AS level,
      arrayStringConcat(arrayMap(f -> concat(f.3, if(f.5 = '', '', concat(' ', f.5)), ': ', arrayStringConcat(f.6, ', ')), arraySort(groupArray((occurred_at, seq, type, event_id, name, problems)))), '; ') AS reason,
      arrayMap(f -> f.3, arraySort(groupArray((occurred_at, seq, event_id)))) AS evidence,
      toJSONString(map('problems', arrayStringConcat(arrayDistinct(arrayFlatten(groupArray(problems))), ','),
                       'procedures', arrayStringConcat(arrayFilter(n -> n != '', groupArray(name)), ','))) AS figures
    FROM (
      SELECT e.case_id AS case_id, e.dept_code AS dept_code, e.event_id AS event_id, e.occurred_at AS occurred_at, e.seq AS seq, toString(e.type) AS type,
        JSONExtractString(e.payload, 'name') AS name,
        e.type = 'SpecialProcedureStarted' AND JSONExtractString(e.payload, 'kind') = '2' AS other_kind,
        arrayFilter(p -> p != '', [
          if(${trimmed(`JSONExtractString(e.payload, 'reason')`)} = '', 'no-reason', ''),
          if(${trimmed(`JSONExtractString(e.payload, 'approver', 'name')`)} = '', 'no-approver', ''),
          if(other_kind AND NOT has([${LEGAL_SPECIAL_PROCEDURES.map((p) => `'${p}'`).join(', ')}], name), 'not-a-legal-procedure', ''),
          if(other_kind AND m.matter_code != '' AND NOT has(m.allowed, name), 'not-allowed-for-matter', '')]) AS problems
      FROM events AS e FINAL
      LEFT JOIN (SELECT case_id, matter_code, matter_version FROM cases FINAL WHERE ${caseFilter('case_id')}) AS c ON c.case_id = e.case_id
      LEFT JOIN (SELECT matter_code, version, allowed_special_procedures AS allowed FROM matters FINAL) AS m
        ON m.matter_code = c.matter_code AND m.version = c.matter_version
      WHERE e.type IN ('SpecialProcedureStarted', 'CaseSuspended') AND ${caseFilter('e.case_id')}
    )
    WHERE notEmpty(problems)
    GROUP BY case_id`,
};
