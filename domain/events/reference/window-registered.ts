import { z } from 'zod';
import { divisionCode, matterCode, nonEmpty, uscc } from '../common.ts';
import { referenceEvent } from '../envelope.ts';

/** Window ids become stream names (`window-<id>`), so they are kept to URL-safe characters. */
export const windowId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, "-" or "_" (窗口编号)');

/** 窗口 level, GB/T 39046 A.2: county 政务服务中心, town or village 便民服务中心. */
export const windowLevel = z.enum(['4', '5', '6'], {
  error: 'must be one of 4 县级, 5 镇(乡、街道), 6 村(社区) (行使层级代码)',
});

/** Stream `window-<id>`. `matterCodes` is the 一窗受理 list: E3 from a window outside it is flagged. */
export const windowRegistered = referenceEvent(
  'WindowRegistered',
  z.object({
    windowId: windowId.describe('窗口编号'),
    name: nonEmpty('窗口名称').describe('窗口名称'),
    centreName: nonEmpty('服务中心名称').describe('所属政务/便民服务中心'),
    level: windowLevel.describe('层级'),
    divisionCode: divisionCode.describe('行政区划代码'),
    comprehensive: z.boolean().describe('是否综合窗口'),
    deptCodes: z.array(uscc).describe('进驻部门'),
    matterCodes: z.array(matterCode).describe('可受理事项 (一窗受理)'),
  }),
);

export type WindowRegistered = z.infer<typeof windowRegistered>;
