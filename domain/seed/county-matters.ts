import type { MatterVersion } from '../events/reference/matter-version-published.ts';
import { countyDepartments, type CountyDepartmentKey } from './county-departments.ts';

type Step = MatterVersion['steps'][number];
type FeeItem = MatterVersion['feeItems'][number];

/** 承办 / 审核 / 批准, the three roles of S21, with their working-day limits. */
const steps = (handler: number, reviewer: number, approver: number): Step[] => [
  { code: 'S1', name: '承办', role: 'handler', limitWorkingDays: handler },
  { code: 'S2', name: '审核', role: 'reviewer', limitWorkingDays: reviewer },
  { code: 'S3', name: '批准', role: 'approver', limitWorkingDays: approver },
];
const onTheSpot: Step[] = [{ code: 'S1', name: '受理即办', role: 'handler', limitWorkingDays: 0 }];

const certificateFee = (amount: number, legalBasis: string): FeeItem => ({
  code: 'F01',
  name: '工本费',
  unit: '证',
  standardAmount: amount,
  maxQuantity: 1,
  legalBasis,
});

interface Def {
  code: string;
  name: string;
  type: MatterVersion['matterType'];
  dept: CountyDepartmentKey;
  statutory: number;
  promised: number;
  steps: Step[];
  unit?: 'working-days' | 'calendar-days';
  fee?: FeeItem;
  online?: boolean;
  onlineRequired?: boolean;
  special?: string[];
  handlingOrg?: string;
}

function matter(d: Def): MatterVersion {
  const unit = d.unit ?? 'working-days';
  return {
    matterCode: d.code,
    version: 1,
    name: d.name,
    matterType: d.type,
    level: '4',
    deptCode: countyDepartments[d.dept].code,
    ...(d.handlingOrg ? { handlingOrg: d.handlingOrg } : {}),
    statutoryLimit: { value: d.statutory, unit },
    promisedLimit: { value: d.promised, unit },
    caseKind: d.promised === 0 ? 'instant' : 'commitment',
    charges: d.fee !== undefined,
    ...(d.fee ? { feeBasis: d.fee.legalBasis } : {}),
    feeItems: d.fee ? [d.fee] : [],
    online: d.online ?? true,
    ...(d.onlineRequired ? { onlineRequired: true } : {}),
    allowedSpecialProcedures: d.special ?? [],
    steps: d.steps,
    validFrom: '2026-01-01',
  };
}

const L = '01';
const SERVICE = '20';

/** Statutory vs promised limits follow the S39 pattern: a 20-day licence promised in 5–10. */
export const countyMatters: MatterVersion[] = [
  matter({ code: 'QH-SCJG-001', name: '个体工商户设立登记', type: L, dept: 'market', statutory: 15, promised: 3, steps: steps(1, 1, 1) }),
  matter({ code: 'QH-SCJG-002', name: '食品经营许可证核发', type: L, dept: 'market', statutory: 20, promised: 10, steps: steps(5, 3, 2), onlineRequired: true, special: ['实地核查', '专家评审'] }),
  matter({ code: 'QH-SCJG-003', name: '营业执照遗失补领', type: SERVICE, dept: 'market', statutory: 5, promised: 0, steps: onTheSpot }),
  matter({ code: 'QH-SCJG-004', name: '药品零售企业经营许可', type: L, dept: 'market', statutory: 20, promised: 15, steps: steps(8, 4, 3), special: ['检验', '实地核查', '专家评审'] }),
  matter({ code: 'QH-ZRZY-001', name: '建设用地规划许可证核发', type: L, dept: 'land', statutory: 20, promised: 10, steps: steps(5, 3, 2), special: ['听证', '专家评审', '实地核查'] }),
  matter({ code: 'QH-ZRZY-002', name: '不动产登记资料查询', type: SERVICE, dept: 'land', statutory: 0, promised: 0, steps: onTheSpot, handlingOrg: '不动产登记中心' }),
  matter({ code: 'QH-ZRZY-003', name: '不动产权证书遗失补发', type: '07', dept: 'land', statutory: 30, promised: 10, steps: steps(5, 3, 2), fee: certificateFee(10, '不动产登记收费标准 工本费每本10元'), special: ['实地核查'], handlingOrg: '不动产登记中心' }),
  matter({ code: 'QH-ZJ-001', name: '建筑工程施工许可证核发', type: L, dept: 'housing', statutory: 15, promised: 5, steps: steps(2, 2, 1), onlineRequired: true, special: ['实地核查'] }),
  matter({ code: 'QH-ZJ-002', name: '商品房预售许可', type: L, dept: 'housing', statutory: 20, promised: 10, steps: steps(5, 3, 2), special: ['实地核查', '听证'] }),
  matter({ code: 'QH-ZJ-003', name: '燃气经营许可证核发', type: L, dept: 'housing', statutory: 20, promised: 10, steps: steps(5, 3, 2), special: ['专家评审', '实地核查'] }),
  matter({ code: 'QH-JT-001', name: '道路货物运输经营许可', type: L, dept: 'transport', statutory: 20, promised: 5, steps: steps(2, 2, 1), onlineRequired: true }),
  matter({ code: 'QH-JT-002', name: '道路运输从业人员从业资格证补发', type: SERVICE, dept: 'transport', statutory: 5, promised: 0, steps: onTheSpot, fee: certificateFee(10, '道路运输从业资格证件工本费标准') }),
  matter({ code: 'QH-WJ-001', name: '医疗机构执业登记', type: L, dept: 'health', statutory: 45, promised: 20, steps: steps(10, 6, 4), special: ['检验', '专家评审', '实地核查'] }),
  matter({ code: 'QH-WJ-002', name: '公共场所卫生许可证核发', type: L, dept: 'health', statutory: 20, promised: 5, steps: steps(2, 2, 1), special: ['检测', '实地核查'] }),
  matter({ code: 'QH-MZ-001', name: '内地居民婚姻登记', type: '07', dept: 'civil', statutory: 0, promised: 0, steps: onTheSpot, online: false }),
  matter({ code: 'QH-MZ-002', name: '最低生活保障审核确认', type: '05', dept: 'civil', statutory: 30, promised: 20, steps: steps(10, 6, 4), online: false, special: ['实地核查'] }),
  matter({ code: 'QH-RS-001', name: '社会保障卡补换', type: SERVICE, dept: 'labour', statutory: 0, promised: 0, steps: onTheSpot }),
  matter({ code: 'QH-RS-002', name: '失业保险金申领', type: '05', dept: 'labour', statutory: 20, promised: 5, steps: steps(2, 2, 1), onlineRequired: true }),
  // 居民身份证法 Art. 11: ID cards are issued within 60 days, counted in calendar days.
  matter({ code: 'QH-GA-001', name: '居民身份证换领', type: SERVICE, dept: 'police', statutory: 60, promised: 30, unit: 'calendar-days', steps: steps(2, 3, 2), fee: certificateFee(20, '居民身份证工本费标准 每证20元'), handlingOrg: '户政管理大队' }),
  matter({ code: 'QH-GA-002', name: '临时居民身份证申领', type: SERVICE, dept: 'police', statutory: 3, promised: 0, steps: onTheSpot, fee: certificateFee(10, '临时居民身份证工本费标准 每证10元'), handlingOrg: '户政管理大队' }),
  matter({ code: 'QH-GA-003', name: '户口迁移（准迁证）核发', type: '07', dept: 'police', statutory: 20, promised: 5, steps: steps(2, 2, 1), online: false, handlingOrg: '户政管理大队' }),
];
