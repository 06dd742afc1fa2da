import { z } from 'zod';
import { civilDate, matterCode, money, nonEmpty, nonNegativeInt, positiveInt, stepRole, timeLimit, uscc } from '../common.ts';
import { referenceEvent } from '../envelope.ts';

/** 事项类型代码, GB/T 39046 A.1. */
export const matterType = z.enum(['00', '01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '20'], {
  error:
    'must be one of 00 行政权力, 01 行政许可, 02 行政处罚, 03 行政强制, 04 行政征收, 05 行政给付, 06 行政检查, 07 行政确认, 08 行政奖励, 09 行政裁决, 10 其他, 20 公共服务 (事项类型代码)',
});

/** 行使层级代码, GB/T 39046 A.2. */
export const exerciseLevel = z.enum(['1', '2', '3', '4', '5', '6'], {
  error: 'must be one of 1 国家级, 2 省级, 3 市级, 4 县级, 5 镇(乡、街道), 6 村(社区) (行使层级代码)',
});

/** 办件类型, GB/T 39046 A.6. An instant case (即办件) is stored with a promised limit of 0 (S26). */
export const caseKind = z.enum(['instant', 'commitment', 'other'], {
  error: 'must be one of instant (1 即办件), commitment (2 承诺件), other (9 其他)',
});

export const feeItem = z.object({
  code: nonEmpty('收费项目编码').describe('收费项目编码'),
  name: nonEmpty('收费项目名称').describe('收费项目名称'),
  unit: nonEmpty('计费单位').describe('计费单位'),
  standardAmount: money.describe('收费标准 (元)'),
  maxQuantity: positiveInt.describe('最大数量'),
  legalBasis: z.string().optional().describe('收费依据'),
});

export const matterStep = z.object({
  code: nonEmpty('环节代码').describe('环节代码'),
  name: nonEmpty('环节名称').describe('环节名称'),
  role: stepRole.describe('环节角色'),
  limitWorkingDays: nonNegativeInt.describe('环节时限 (工作日)'),
});

const matterRecord = z.object({
  matterCode: matterCode.describe('事项编码 (实施编码)'),
  version: positiveInt.describe('事项版本号'),
  name: nonEmpty('事项名称').describe('事项名称'),
  matterType: matterType.describe('事项类型代码'),
  level: exerciseLevel.describe('行使层级代码'),
  deptCode: uscc.describe('实施主体统一社会信用代码'),
  handlingOrg: z.string().trim().max(100).optional().describe('承办机构'),
  statutoryLimit: timeLimit.describe('法定办结时限'),
  promisedLimit: timeLimit.describe('承诺办结时限'),
  caseKind: caseKind.describe('办件类型'),
  charges: z.boolean().describe('是否收费'),
  feeBasis: z.string().optional().describe('收费依据'),
  feeItems: z.array(feeItem).describe('收费项目'),
  online: z.boolean().describe('是否网办'),
  onlineRequired: z.boolean().optional().describe('是否必须网上办理'),
  allowedSpecialProcedures: z.array(nonEmpty('特别程序名称')).describe('允许的特别程序 (ALL Art. 45)'),
  steps: z.array(matterStep).describe('办理流程环节'),
  validFrom: civilDate.describe('生效日期'),
  validTo: civilDate.optional().describe('失效日期'),
  jointHandling: z.boolean().optional().describe('联合办理 (ALL Art. 42: 45 + 15 days)'),
});

function duplicates(values: readonly string[]): string[] {
  return [...new Set(values.filter((v, i) => values.indexOf(v) !== i))];
}

/**
 * A published catalogue version. Unlike case events this record comes from the catalogue admin,
 * so inconsistencies that would make every later check unreliable are refused at publication.
 */
export const matterVersion = matterRecord.superRefine((m, ctx) => {
  if (m.validTo !== undefined && m.validTo < m.validFrom) {
    ctx.addIssue({ code: 'custom', path: ['validTo'], message: `must not be before validFrom ${m.validFrom}` });
  }
  for (const code of duplicates(m.steps.map((s) => s.code))) {
    ctx.addIssue({ code: 'custom', path: ['steps'], message: `step code ${code} appears more than once` });
  }
  for (const code of duplicates(m.feeItems.map((f) => f.code))) {
    ctx.addIssue({ code: 'custom', path: ['feeItems'], message: `fee item code ${code} appears more than once` });
  }
  // S20 case-file review: step times added together must not exceed the promised completion date.
  const stepSum = m.steps.reduce((sum, s) => sum + s.limitWorkingDays, 0);
  if (m.promisedLimit.unit === 'working-days' && stepSum > m.promisedLimit.value) {
    ctx.addIssue({
      code: 'custom',
      path: ['steps'],
      message: `step limits add up to ${stepSum} working days, more than the promised limit of ${m.promisedLimit.value} (catalogue consistency rule: the catalogue admin must fix it before publishing)`,
    });
  }
});

/** Stream `matter-<matterCode>`; one event per catalogue version. */
export const matterVersionPublished = referenceEvent('MatterVersionPublished', matterVersion);

export type MatterVersion = z.infer<typeof matterVersion>;
export type MatterVersionPublished = z.infer<typeof matterVersionPublished>;
