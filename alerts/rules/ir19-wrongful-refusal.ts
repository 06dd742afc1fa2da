import { CASE_IDS, caseFilter, type Rule } from '../rule.ts';
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
 * After a batch, the applications that can pair with a touched case: the touched cases themselves;
 * when a touched case was accepted (it may be the later application), the cases of its matter
 * refused in the time before that a resubmission has; and when a touched case was itself refused,
 * the cases of its matter accepted in that time after it. That time is N working days after the
 * refusal's date, which never span more than 2N + 14 calendar days (the longest run of rest days
 * is 9), a day more for the zone. This spares parsing nearly every submission in the county (the
 * rule was a third of a batch evaluation's time at 50,000 cases; at 1,000,000 cases, a full
 * evaluation asking it about 17 refused cases took 3.0–3.6 s reading every case of their matters,
 * and 0.4–0.5 s with the windows). Every case is a candidate in a full evaluation.
 */
const window = 'range(toUInt32(2 * {resubmissionWorkingDays:UInt32} + 16))';
const pairCandidates = `(empty({case_ids:Array(String)}) OR events.case_id IN (
  SELECT arrayJoin({case_ids:Array(String)})
  UNION ALL
  SELECT case_id FROM events WHERE type = 'AcceptanceRefused' AND (matter_code, toDate(occurred_at)) IN (
    SELECT matter_code, arrayJoin(arrayMap(i -> subtractDays(toDate(occurred_at), i), ${window}))
    FROM events WHERE case_id IN ${CASE_IDS} AND type = 'CaseAccepted')
  UNION ALL
  SELECT case_id FROM events WHERE type = 'CaseAccepted' AND (matter_code, toDate(occurred_at)) IN (
    SELECT matter_code, arrayJoin(arrayMap(i -> addDays(toDate(occurred_at), i), ${window}))
    FROM events WHERE case_id IN ${CASE_IDS} AND type = 'AcceptanceRefused')))`;

/**
 * Every case with a CaseSubmitted: its first submission (the applicant as the read model holds
 * it: a natural person's name and ID number masked, domain.md §7; an organisation's public),
 * its first acceptance and its refusal. One pass over the events, without FINAL: a replayed row
 * repeats its original exactly, and firsts, minima and "any" are the same with it or without it.
 */
const applications = `
  SELECT case_id, submitted_id, submitted_at, matter_code, accepted_id, accepted_at, accepted, refused_id, refused_at, refusing_dept, refused,
    JSONExtractString(p, 'originalCaseId') AS original_case_id,
    JSONExtractString(p, 'applicant', 'subjectId') AS subject_id,
    JSONExtractString(p, 'applicant', 'kind') AS kind,
    if(kind != 'natural-person', concat(kind, '|', JSONExtractString(p, 'applicant', 'idType'), '|', JSONExtractString(p, 'applicant', 'idNumber')), '') AS registration_key,
    if(kind = 'natural-person', concat(JSONExtractString(p, 'applicant', 'idType'), '|', JSONExtractString(p, 'applicant', 'idNumber'), '|',
       JSONExtractString(p, 'applicant', 'name')), '') AS masked_key,
    toString(arraySort(arrayMap(x -> if(JSONExtractString(x, 'code') != '', JSONExtractString(x, 'code'), JSONExtractString(x, 'name')),
      JSONExtractArrayRaw(p, 'materials')))) AS materials_key
  FROM (
    SELECT case_id,
      argMinIf(event_id, position, type = 'CaseSubmitted') AS submitted_id, argMinIf(occurred_at, position, type = 'CaseSubmitted') AS submitted_at,
      argMinIf(matter_code, position, type = 'CaseSubmitted') AS matter_code, argMinIf(payload, position, type = 'CaseSubmitted') AS p,
      argMinIf(event_id, occurred_at, type = 'CaseAccepted') AS accepted_id, minIf(occurred_at, type = 'CaseAccepted') AS accepted_at,
      countIf(type = 'CaseAccepted') > 0 AS accepted,
      argMinIf(event_id, position, type = 'AcceptanceRefused') AS refused_id, minIf(occurred_at, type = 'AcceptanceRefused') AS refused_at,
      argMinIf(dept_code, position, type = 'AcceptanceRefused') AS refusing_dept, countIf(type = 'AcceptanceRefused') > 0 AS refused
    FROM events WHERE type IN ('CaseSubmitted', 'CaseAccepted', 'AcceptanceRefused') AND ${pairCandidates} GROUP BY case_id
    HAVING countIf(type = 'CaseSubmitted') > 0)`;

/**
 * How a refused case's application (o) and a later accepted one (n) name the same applicant. Each
 * side is spread into identity keys; grouping by key, matter and materials pairs them without a
 * join of every case with every other.
 */
interface Identity {
  refusedKeys: string;
  laterKeys: string;
  /** A condition on the pair: `ref` and `later` are the tuples of `resubmissions`. */
  pairFilter: string;
}

const keys = (list: string[]) => `arrayFilter(k -> k != '', [${list.join(', ')}])`;

/** 原申办流水号 naming the refused case, the same vault subjectId, or an organisation's public registration. */
const exactIdentity: Identity = {
  refusedKeys: keys([`concat('originalCaseId:', case_id)`, `if(subject_id != '', concat('subjectId:', subject_id), '')`, `if(registration_key != '', concat('registration:', registration_key), '')`]),
  laterKeys: keys([`if(original_case_id != '', concat('originalCaseId:', original_case_id), '')`, `if(subject_id != '', concat('subjectId:', subject_id), '')`, `if(registration_key != '', concat('registration:', registration_key), '')`]),
  pairFilter: '1',
};

/**
 * Natural persons by masked name + ID type + masked ID number (first 3 and last 4 characters),
 * when the later application names no original case and the two do not both carry a subjectId
 * (which would decide the question exactly).
 */
const maskedIdentity: Identity = {
  refusedKeys: keys([`if(masked_key != '', concat('maskedApplicant:', masked_key), '')`]),
  laterKeys: keys([`if(masked_key != '' AND original_case_id = '', concat('maskedApplicant:', masked_key), '')`]),
  pairFilter: `NOT (ref.5 != '' AND later.6 != '')`,
};

/** Pairs (refused case, resubmission accepted in time), one row per pair. */
const resubmissions = (id: Identity) => `
  SELECT case_id, any(dept_code) AS dept_code, any(refused_at) AS refused_at, arrayStringConcat(arraySort(groupUniqArray(matched_by)), '+') AS matched_by,
    resubmitted_case_id, any(ids) AS ids, any(accepted_at) AS accepted_at, any(deadline) AS deadline
  FROM (
    SELECT ref.1 AS case_id, ref.4 AS dept_code, ref.3 AS refused_at, splitByChar(':', key)[1] AS matched_by, later.1 AS resubmitted_case_id,
      [ref.2, later.2, later.4] AS ids, later.5 AS accepted_at, due.day AS deadline
    FROM (
      SELECT key, groupArrayIf((case_id, refused_id, refused_at, refusing_dept, subject_id), role = 'o') AS os,
        groupArrayIf((case_id, submitted_id, submitted_at, accepted_id, accepted_at, subject_id), role = 'n') AS ns
      FROM (
        SELECT *, rk.1 AS role, rk.2 AS key FROM (${applications})
        ARRAY JOIN arrayConcat(if(refused, arrayMap(k -> ('o', k), ${id.refusedKeys}), []),
                               if(accepted, arrayMap(k -> ('n', k), ${id.laterKeys}), [])) AS rk)
      GROUP BY key, matter_code, materials_key
      HAVING notEmpty(os) AND notEmpty(ns)
    )
    ARRAY JOIN os AS ref
    ARRAY JOIN ns AS later
    INNER JOIN cal AS rd ON rd.day = ${localDate('ref.3')}
    INNER JOIN due_day AS due ON due.n = rd.n + {resubmissionWorkingDays:UInt32}
    WHERE later.1 != ref.1 AND (${caseFilter('ref.1')} OR ${caseFilter('later.1')}) AND ${id.pairFilter}
      AND later.3 >= ref.3 AND ${localDate('later.5')} <= due.day)
  GROUP BY case_id, resubmitted_case_id`;

const upheldComplaints = `
  SELECT r.case_id AS case_id, r.refusing_dept AS dept_code, r.refused_at AS refused_at, 'upheldComplaint' AS matched_by, '' AS resubmitted_case_id,
    [r.refused_id, h.event_id] AS ids, toDateTime64(0, 3, 'UTC') AS accepted_at, toDate(0) AS deadline
  FROM (SELECT case_id, argMin(event_id, at) AS event_id, min(at) AS handled_at FROM complaints FINAL
        WHERE kind = 'handled' AND substantiated = 1 AND ${caseFilter('case_id')} GROUP BY case_id) AS h
  INNER JOIN (
    SELECT case_id, argMin(event_id, position) AS refused_id, min(occurred_at) AS refused_at, argMin(dept_code, position) AS refusing_dept
    FROM events FINAL
    WHERE type = 'AcceptanceRefused' AND case_id IN (SELECT case_id FROM complaints FINAL WHERE kind = 'handled' AND substantiated = 1 AND ${caseFilter('case_id')})
    GROUP BY case_id) AS r ON r.case_id = h.case_id
  WHERE h.handled_at >= r.refused_at`;

const select = (found: string) => `
  WITH cal AS ${workdayIndex}, due_day AS ${workdayByIndex}
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
  sql: () => select(`${resubmissions(exactIdentity)} UNION ALL ${upheldComplaints}`),
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
  sql: () => select(resubmissions(maskedIdentity)),
};
