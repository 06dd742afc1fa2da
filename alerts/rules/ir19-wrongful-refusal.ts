import { caseFilter, type Rule } from '../rule.ts';
import { localDate, workdayByIndex, workdayIndex } from './working-days-sql.ts';

/**
 * IR19 (S12 item 1: refusing an application that meets the legal conditions; a proxy): a case
 * refused (AcceptanceRefused), after which the same applicant applied again for the same matter
 * with the same materials and was accepted within {resubmissionWorkingDays} working days of the
 * refusal date (accepted on or before addWD(refusal date, N)), or a complaint about the refused
 * case was upheld (ComplaintHandled.substantiated) after the refusal. The alert belongs to the
 * refused case and its department; it is found whichever of the two cases was touched.
 *
 * "Same materials" compares the sorted material codes (the name where there is no code) of the
 * two CaseSubmitted events.
 */

/**
 * The first CaseSubmitted of every case, with the applicant as the read model holds it: a natural
 * person's name and ID number are masked there (domain.md §7), an organisation's are public.
 */
const applications = `(
  SELECT case_id, event_id, submitted_at, matter_code,
    JSONExtractString(p, 'originalCaseId') AS original_case_id,
    JSONExtractString(p, 'applicant', 'subjectId') AS subject_id,
    JSONExtractString(p, 'applicant', 'kind') AS kind,
    if(kind != 'natural-person', concat(kind, '|', JSONExtractString(p, 'applicant', 'idType'), '|', JSONExtractString(p, 'applicant', 'idNumber')), '') AS registration_key,
    if(kind = 'natural-person', concat(JSONExtractString(p, 'applicant', 'idType'), '|', JSONExtractString(p, 'applicant', 'idNumber'), '|',
       JSONExtractString(p, 'applicant', 'name')), '') AS masked_key,
    toString(arraySort(arrayMap(x -> if(JSONExtractString(x, 'code') != '', JSONExtractString(x, 'code'), JSONExtractString(x, 'name')),
      JSONExtractArrayRaw(p, 'materials')))) AS materials_key
  FROM (
    SELECT case_id, argMin(event_id, position) AS event_id, argMin(occurred_at, position) AS submitted_at,
      argMin(matter_code, position) AS matter_code, argMin(payload, position) AS p
    FROM events FINAL WHERE type = 'CaseSubmitted' GROUP BY case_id))`;

const refusals = `(
  SELECT case_id, argMin(event_id, position) AS refused_id, min(occurred_at) AS refused_at, argMin(dept_code, position) AS dept_code
  FROM events FINAL WHERE type = 'AcceptanceRefused' GROUP BY case_id)`;

/**
 * Pairs (refused case, later application) that name the same applicant, as `r_case, n_case, matched_by`.
 * Each path is an equi-join on an identity key, so a popular matter does not pair every case with every other.
 */
const exactPairs = `
  SELECT r.case_id AS r_case, n.case_id AS n_case, 'originalCaseId' AS matched_by
  FROM refused AS r INNER JOIN apps AS n ON n.original_case_id = r.case_id
  UNION ALL
  SELECT r.case_id, n.case_id, 'subjectId'
  FROM refused AS r INNER JOIN apps AS o ON o.case_id = r.case_id INNER JOIN apps AS n ON n.subject_id = o.subject_id
  WHERE o.subject_id != ''
  UNION ALL
  SELECT r.case_id, n.case_id, 'registration'
  FROM refused AS r INNER JOIN apps AS o ON o.case_id = r.case_id INNER JOIN apps AS n ON n.registration_key = o.registration_key
  WHERE o.registration_key != ''`;

/**
 * Natural persons compared by masked name + ID type + masked ID number (first 3 and last 4
 * characters), where neither the resubmission names its original case nor both carry a vault
 * subjectId: different people can share all three masked values.
 */
const maskedPairs = `
  SELECT r.case_id AS r_case, n.case_id AS n_case, 'maskedApplicant' AS matched_by
  FROM refused AS r INNER JOIN apps AS o ON o.case_id = r.case_id
  INNER JOIN apps AS n ON n.masked_key = o.masked_key AND n.matter_code = o.matter_code
  WHERE o.masked_key != '' AND n.original_case_id = '' AND NOT (o.subject_id != '' AND n.subject_id != '')`;

const resubmissions = (pairs: string) => `
  SELECT r.case_id AS case_id, r.dept_code AS dept_code, r.refused_at AS refused_at, p.matched_by AS matched_by, n.case_id AS resubmitted_case_id,
    [r.refused_id, n.event_id, a.accepted_id] AS ids, a.accepted_at AS accepted_at, due.day AS deadline
  FROM (SELECT r_case, n_case, min(matched_by) AS matched_by FROM (${pairs}) WHERE r_case != n_case GROUP BY r_case, n_case) AS p
  INNER JOIN refused AS r ON r.case_id = p.r_case
  INNER JOIN apps AS o ON o.case_id = p.r_case
  INNER JOIN apps AS n ON n.case_id = p.n_case
  INNER JOIN (SELECT case_id, argMin(event_id, occurred_at) AS accepted_id, min(occurred_at) AS accepted_at FROM events FINAL WHERE type = 'CaseAccepted' GROUP BY case_id) AS a
    ON a.case_id = p.n_case
  INNER JOIN cal AS rd ON rd.day = ${localDate('r.refused_at')}
  INNER JOIN due_day AS due ON due.n = rd.n + {resubmissionWorkingDays:UInt32}
  WHERE (${caseFilter('p.r_case')} OR ${caseFilter('p.n_case')})
    AND n.matter_code = o.matter_code AND n.materials_key = o.materials_key
    AND n.submitted_at >= r.refused_at AND ${localDate('a.accepted_at')} <= due.day`;

const upheldComplaints = `
  SELECT r.case_id AS case_id, r.dept_code AS dept_code, r.refused_at AS refused_at, 'upheldComplaint' AS matched_by, '' AS resubmitted_case_id,
    [r.refused_id, h.event_id] AS ids, toDateTime64(0, 3, 'UTC') AS accepted_at, toDate(0) AS deadline
  FROM refused AS r
  INNER JOIN (SELECT case_id, argMin(event_id, at) AS event_id, min(at) AS handled_at FROM complaints FINAL
              WHERE kind = 'handled' AND substantiated = 1 AND ${caseFilter('case_id')} GROUP BY case_id) AS h ON h.case_id = r.case_id
  WHERE ${caseFilter('r.case_id')} AND h.handled_at >= r.refused_at`;

const select = (found: string) => `
  WITH cal AS ${workdayIndex}, due_day AS ${workdayByIndex}, apps AS ${applications}, refused AS ${refusals}
  SELECT case_id, any(dept_code) AS dept_code, 'yellow' AS level,
    concat('refused on ', toString(${localDate('any(refused_at)')}), ', then ',
      arrayStringConcat(groupArray(if(matched_by = 'upheldComplaint', 'a complaint about the refusal was upheld',
        concat('the same application (', resubmitted_case_id, ', matched by ', matched_by, ') was accepted on ', toString(${localDate('accepted_at')}),
               ', within the deadline ', toString(deadline)))), '; ')) AS reason,
    arrayDistinct(arrayFlatten(groupArray(ids))) AS evidence,
    toJSONString(map('matchedBy', arrayStringConcat(arraySort(groupUniqArray(matched_by)), ','),
      'resubmittedCaseIds', arrayStringConcat(arraySort(groupUniqArrayIf(resubmitted_case_id, resubmitted_case_id != '')), ','),
      'refusedOn', toString(${localDate('any(refused_at)')}),
      'acceptedOn', if(countIf(resubmitted_case_id != '') > 0, toString(${localDate("minIf(accepted_at, resubmitted_case_id != '')")}), ''),
      'deadline', if(countIf(resubmitted_case_id != '') > 0, toString(maxIf(deadline, resubmitted_case_id != '')), ''))) AS figures
  FROM (${found})
  GROUP BY case_id
  ORDER BY case_id`;

export const ir19WrongfulRefusal: Rule = {
  id: 'IR19',
  level: 'yellow',
  version: 1,
  // Exact identities only: the resubmission names the refused case (原申办流水号), both carry the
  // same vault subjectId, or the applicant is an organisation whose registration number is public.
  deterministic: true,
  description: {
    zh: '疑似错误不予受理：不予受理后，同一申请人以相同材料重新申请同一事项并在规定工作日内被受理，或对该不予受理的投诉经查属实',
    en: 'Suspected wrongful refusal: after a refusal, the same applicant was accepted for the same matter with the same materials within the allowed working days, or a complaint about the refusal was upheld',
  },
  sql: () => select(`${resubmissions(exactPairs)} UNION ALL ${upheldComplaints}`),
};

/**
 * The same check for natural persons known only by their masked identity. Not deterministic: the
 * masked values are not unique, so two people with the same surname, ID type and the same first 3
 * and last 4 ID characters applying for the same matter with the standard materials are taken
 * for one. A separate rule so that IR19 itself stays exact.
 */
export const ir19WrongfulRefusalMaskedApplicant: Rule = {
  id: 'IR19-MASKED',
  level: 'yellow',
  version: 1,
  deterministic: false,
  description: {
    zh: '疑似错误不予受理（按脱敏身份比对）：不予受理后，脱敏姓名、证件类型和证件号码相同的申请人以相同材料重新申请同一事项并在规定工作日内被受理',
    en: 'Suspected wrongful refusal matched on the masked identity: an applicant with the same masked name, ID type and ID number was accepted for the same matter with the same materials within the allowed working days',
  },
  sql: () => select(resubmissions(maskedPairs)),
};
