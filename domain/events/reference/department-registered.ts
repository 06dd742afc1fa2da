import { z } from 'zod';
import { divisionCode, nonEmpty, uscc } from '../common.ts';
import { referenceEvent } from '../envelope.ts';

/** Stream `dept-<uscc>`. A department (实施主体) is a legal-person agency with a USCC. */
export const departmentRegistered = referenceEvent(
  'DepartmentRegistered',
  z.object({
    code: uscc.describe('统一社会信用代码'),
    name: nonEmpty('部门名称').describe('部门名称'),
    divisionCode: divisionCode.describe('行政区划代码'),
    parentCode: uscc.optional().describe('上级部门统一社会信用代码'),
  }),
);

export type DepartmentRegistered = z.infer<typeof departmentRegistered>;
