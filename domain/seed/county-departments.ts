import { usccCheckChar } from '../events/common.ts';

/** A fictional county: 3299xx is not assigned by GB/T 2260, so the seed can never be mistaken for real data. */
export const COUNTY_DIVISION = '329901';
export const COUNTY_NAME = '清河县';

export const TOWNS = {
  qingshi: { divisionCode: '329901100', centreName: '青石镇便民服务中心' },
  liuxi: { divisionCode: '329901101', centreName: '柳溪镇便民服务中心' },
  taoyuan: { divisionCode: '329901102', centreName: '桃源镇便民服务中心' },
} as const;

/**
 * USCC of a government agency (GB 32100: 登记管理部门 1 机构编制, 机构类别 1 机关), the county's
 * division code, a made-up organisation code, and the computed check character.
 */
export function agencyUscc(serial: number): string {
  const first17 = `11${COUNTY_DIVISION}MB${String(serial).padStart(7, '0')}`;
  return first17 + usccCheckChar(first17);
}

const dept = (serial: number, name: string) => ({ code: agencyUscc(serial), name });

export const countyGovernment = dept(1, '清河县人民政府');

export const countyDepartments = {
  market: dept(11, '清河县市场监督管理局'),
  land: dept(12, '清河县自然资源局'),
  housing: dept(13, '清河县住房和城乡建设局'),
  transport: dept(14, '清河县交通运输局'),
  health: dept(15, '清河县卫生健康委员会'),
  civil: dept(16, '清河县民政局'),
  labour: dept(17, '清河县人力资源和社会保障局'),
  police: dept(18, '清河县公安局'),
} as const;

export type CountyDepartmentKey = keyof typeof countyDepartments;
