import { caseFilter, type Rule } from '../rule.ts';

/**
 * IR16 (S12 item 6: not handling a matter online as required). "是否网办 = 1" is read as the
 * catalogue's online-required flag (matters.online_required) of the version the case is bound to:
 * a matter that merely can be handled online may still be applied for at a window. Violations:
 * the case has no CaseSubmitted through the online or mobile channel, or its CaseAccepted or step
 * events were back-entered by hand (sourceSystem = 'manual').
 */
export const ir16NotHandledOnline: Rule = {
  id: 'IR16',
  level: 'red',
  version: 1,
  deterministic: true,
  description: {
    zh: '未按规定网上办理：必须网办事项未经网上或移动端申报，或受理、审批环节系手工补录',
    en: 'Not handled online as required: an online-only matter not submitted online or on mobile, or its acceptance or steps entered by hand',
  },
  sql: () => `
    SELECT c.case_id AS case_id, c.dept_code AS dept_code, 'red' AS level,
      arrayStringConcat(arrayFilter(x -> x != '', [
        if(e.not_online, if(e.has_submitted, concat('submitted through the ', e.submitted_channel, ' channel'), 'no submission on record'), ''),
        if(length(e.manual_ids) > 0, concat(toString(length(e.manual_ids)), ' acceptance or step event(s) entered by hand'), '')]), '; ')
        || ' on a matter that must be handled online' AS reason,
      arrayDistinct(arrayConcat(if(e.not_online, [if(e.has_submitted, e.submitted_id, e.first_id)], []), e.manual_ids)) AS evidence,
      toJSONString(map('clauses', arrayStringConcat(arrayFilter((x, on) -> on, ['channel', 'manual'], [e.not_online, length(e.manual_ids) > 0]), ','),
        'submittedChannel', if(e.has_submitted, e.submitted_channel, ''), 'manualEvents', toString(length(e.manual_ids)))) AS figures
    FROM (SELECT case_id, dept_code, matter_code, ifNull(matter_version, 0) AS matter_version FROM cases FINAL WHERE ${caseFilter('case_id')}) AS c
    INNER JOIN (SELECT matter_code, version FROM matters FINAL WHERE online_required = 1) AS m
      ON m.matter_code = c.matter_code AND m.version = c.matter_version
    INNER JOIN (
      SELECT case_id, argMin(event_id, position) AS first_id,
        countIf(type = 'CaseSubmitted') > 0 AS has_submitted,
        argMinIf(event_id, position, type = 'CaseSubmitted') AS submitted_id,
        argMinIf(channel, position, type = 'CaseSubmitted') AS submitted_channel,
        arrayMap(x -> x.2, arraySort(groupArrayIf((position, event_id),
          type IN ('CaseAccepted', 'StepStarted', 'StepCompleted') AND source_system = 'manual'))) AS manual_ids,
        NOT has_submitted OR submitted_channel NOT IN ('online', 'mobile') AS not_online
      FROM events FINAL WHERE ${caseFilter('case_id')} GROUP BY case_id
    ) AS e ON e.case_id = c.case_id
    WHERE e.not_online OR length(e.manual_ids) > 0
    ORDER BY case_id`,
};
