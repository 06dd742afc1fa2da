import type { WindowRegistered } from '../../domain/events/reference/window-registered.ts';
import { COUNTY, TOWN_NAMES } from './county-catalogue.ts';
import type { SimMatter } from './county-matters.ts';

export type WindowRecord = WindowRegistered['payload'];

export interface DeptRef {
  code: string;
  name: string;
  divisionCode: string;
  level: '4' | '5';
}

/** County services that town centres take in on the county's behalf (一窗受理, 代办). */
const TOWN_PROXY_MATTERS = ['社会保障卡补换', '医保参保登记', '居民身份证换领', '个体工商户设立登记', '失业保险金申领', '最低生活保障审核确认', '高龄津贴发放', '耕地地力保护补贴'];

/**
 * The county 政务服务中心: one window per department plus four comprehensive windows that take
 * in the applied-for matters of several departments; every town 便民服务中心: a comprehensive
 * window and a social-affairs window. Agency-initiated matters have no window.
 */
export function buildWindows(depts: readonly DeptRef[], matters: readonly SimMatter[]): WindowRecord[] {
  const applied = matters.filter((m) => !m.agencyInitiated);
  const byDept = (codes: Set<string>) => applied.filter((m) => codes.has(m.version.deptCode));
  const countyDepts = depts.filter((d) => d.level === '4');
  const county = { centreName: COUNTY.centre, divisionCode: COUNTY.division, level: '4' as const };
  const windows: WindowRecord[] = countyDepts.map((d, i) =>
    record(`bl-c${pad(i + 1)}`, `${d.name.replace(COUNTY.name, '')}窗口`, county, false, [d], byDept(new Set([d.code]))),
  );
  for (let g = 0; g < 4; g++) {
    const group = countyDepts.filter((_, i) => i % 4 === g);
    windows.push(record(`bl-z${g + 1}`, `综合受理${'一二三四'[g]}窗`, county, true, group, byDept(new Set(group.map((d) => d.code)))));
  }
  const proxied = applied.filter((m) => m.version.level === '4' && TOWN_PROXY_MATTERS.includes(m.version.name));
  TOWN_NAMES.forEach((town, t) => {
    const dept = depts.find((d) => d.level === '5' && d.name.startsWith(town))!;
    const at = { centreName: `${town}便民服务中心`, divisionCode: dept.divisionCode, level: '5' as const };
    const own = byDept(new Set([dept.code]));
    const proxyDepts = depts.filter((d) => proxied.some((m) => m.version.deptCode === d.code));
    windows.push(record(`bl-t${pad(t + 1)}-1`, '综合窗口', at, true, [dept, ...proxyDepts], [...own, ...proxied]));
    windows.push(record(`bl-t${pad(t + 1)}-2`, '社会事务窗口', at, false, [dept], own.filter((m) => m.version.matterType !== '01')));
  });
  return windows;
}

function record(windowId: string, name: string, at: Pick<WindowRecord, 'centreName' | 'divisionCode' | 'level'>, comprehensive: boolean, depts: readonly DeptRef[], matters: readonly SimMatter[]): WindowRecord {
  return { windowId, name, ...at, comprehensive, deptCodes: depts.map((d) => d.code), matterCodes: matters.map((m) => m.version.matterCode) };
}

const pad = (n: number) => String(n).padStart(2, '0');
