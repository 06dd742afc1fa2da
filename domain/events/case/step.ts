import { z } from 'zod';
import { instant, nonEmpty, positiveInt, stepRole } from '../common.ts';
import { caseEvent } from '../envelope.ts';

const stepFields = {
  stepCode: nonEmpty('审批环节代码').describe('审批环节代码'),
  stepName: nonEmpty('审批环节名称').describe('审批环节名称'),
  stepNo: positiveInt.describe('审批步骤号'),
  role: stepRole.describe('环节角色 (承办/审核/批准/其他)'),
  positionCode: z.string().trim().max(32).optional().describe('职务代码'),
  positionName: z.string().trim().max(64).optional().describe('职务名称'),
};

/** GB/T 39046 Table 7 业务动作. */
export const stepAction = z.enum(['pass', 'return', 'other'], {
  error: 'must be one of pass (通过), return (退回), other (其他)',
});

/** E7 环节开始 (办理状态 1 待办). */
export const stepStarted = caseEvent('StepStarted', z.object(stepFields));

/** E7 环节办理完成 (办理状态 2 已办). An end before the start is IR15, not malformed. */
export const stepCompleted = caseEvent(
  'StepCompleted',
  z.object({
    ...stepFields,
    action: stepAction.describe('业务动作'),
    opinion: z.string().optional().describe('审批意见'),
    startedAt: instant.optional().describe('环节开始时间'),
  }),
);

export type StepStarted = z.infer<typeof stepStarted>;
export type StepCompleted = z.infer<typeof stepCompleted>;
