import type { WindowRegistered } from '../events/reference/window-registered.ts';
import { COUNTY_DIVISION, COUNTY_NAME, countyDepartments, TOWNS, type CountyDepartmentKey } from './county-departments.ts';

type Window = WindowRegistered['payload'];

const COUNTY_CENTRE = `${COUNTY_NAME}政务服务中心`;

function windowAt(
  windowId: string,
  name: string,
  at: { centreName: string; divisionCode: string; level: Window['level'] },
  comprehensive: boolean,
  depts: CountyDepartmentKey[],
  matterCodes: string[],
): Window {
  return { windowId, name, ...at, comprehensive, deptCodes: depts.map((d) => countyDepartments[d].code), matterCodes };
}

const county = { centreName: COUNTY_CENTRE, divisionCode: COUNTY_DIVISION, level: '4' } as const;
const town = (t: keyof typeof TOWNS) => ({ ...TOWNS[t], level: '5' }) as const;

/** Town windows accept county matters and forward them (代办, E12); the county windows decide. */
export const countyWindows: Window[] = [
  windowAt('qh-c01', '综合受理一窗', county, true, ['market', 'housing'], ['QH-SCJG-001', 'QH-SCJG-002', 'QH-SCJG-003', 'QH-SCJG-004', 'QH-ZJ-001', 'QH-ZJ-002', 'QH-ZJ-003']),
  windowAt('qh-c02', '综合受理二窗', county, true, ['transport', 'health'], ['QH-JT-001', 'QH-JT-002', 'QH-WJ-001', 'QH-WJ-002']),
  windowAt('qh-c03', '不动产登记窗口', county, false, ['land'], ['QH-ZRZY-001', 'QH-ZRZY-002', 'QH-ZRZY-003']),
  windowAt('qh-c04', '人社窗口', county, false, ['labour'], ['QH-RS-001', 'QH-RS-002']),
  windowAt('qh-c05', '户政窗口', county, false, ['police'], ['QH-GA-001', 'QH-GA-002', 'QH-GA-003']),
  windowAt('qh-c06', '民政窗口', county, false, ['civil'], ['QH-MZ-001', 'QH-MZ-002']),
  windowAt('qh-t1-01', '综合窗口', town('qingshi'), true, ['labour', 'civil', 'market'], ['QH-RS-001', 'QH-RS-002', 'QH-MZ-002', 'QH-SCJG-001']),
  windowAt('qh-t1-02', '户政代办窗口', town('qingshi'), false, ['police'], ['QH-GA-001', 'QH-GA-002']),
  windowAt('qh-t2-01', '综合窗口', town('liuxi'), true, ['labour', 'civil', 'market'], ['QH-RS-001', 'QH-MZ-002', 'QH-SCJG-001']),
  windowAt('qh-t3-01', '综合窗口', town('taoyuan'), true, ['labour', 'civil'], ['QH-RS-001', 'QH-RS-002', 'QH-MZ-002']),
  windowAt('qh-t3-02', '社保窗口', town('taoyuan'), false, ['labour'], ['QH-RS-001', 'QH-RS-002']),
];
