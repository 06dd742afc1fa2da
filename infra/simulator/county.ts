import type { ReferenceEvent } from '../../domain/events/catalogue.ts';
import { deterministicUuid } from '../../domain/ids.ts';
import { calendarEvents } from '../seed.ts';
import { AGENCY_INITIATED, COUNTY, countyDepartmentDefs, parseMatters, TOWN_MATTERS, TOWN_NAMES } from './county-catalogue.ts';
import { buildMatter, type SimMatter } from './county-matters.ts';
import { buildWindows, type DeptRef, type WindowRecord } from './county-windows.ts';
import { agencyUsccIn, personName } from './names.ts';
import { cumulative, Rng } from './rng.ts';

export interface Staff {
  name: string;
  staffNo: string;
}

export interface SimDepartment extends DeptRef {
  abbr: string;
  handlers: Staff[];
  reviewers: Staff[];
  approvers: Staff[];
}

export interface SimWindow {
  record: WindowRecord;
  clerks: Staff[];
}

export interface County {
  name: string;
  division: string;
  prefix: string;
  government: DeptRef;
  departments: SimDepartment[];
  matters: SimMatter[];
  windows: SimWindow[];
  /** Indexes into `windows` of the windows that take in each matter, by matter index. */
  windowsOfMatter: number[][];
  /** Cumulative matter popularity, for Rng.weighted. */
  popularity: number[];
}

/** The county is generated from its own seed, so different case seeds run over the same catalogue. */
export const DEFAULT_COUNTY_SEED = 2026;

export function buildCounty(countySeed: number = DEFAULT_COUNTY_SEED): County {
  const rng = new Rng(countySeed, 0xc0);
  const government: DeptRef = { code: agencyUsccIn(COUNTY.division, 1), name: `${COUNTY.name}人民政府`, divisionCode: COUNTY.division, level: '4' };
  const departments: SimDepartment[] = [
    ...countyDepartmentDefs.map((d, i) => department(rng, `${COUNTY.name}${d.name}`, d.abbr, agencyUsccIn(COUNTY.division, 11 + i), COUNTY.division, '4')),
    ...TOWN_NAMES.map((t, i) => department(rng, `${t}人民政府`, `T${String(i + 1).padStart(2, '0')}`, agencyUsccIn(COUNTY.division, 101 + i), `${COUNTY.division}${100 + i}`, '5')),
  ];
  const matters = departments.flatMap((d, deptIndex) => {
    const list = deptIndex < countyDepartmentDefs.length ? countyDepartmentDefs[deptIndex]!.matters : TOWN_MATTERS;
    return parseMatters(list).map((parsed, i) =>
      buildMatter(rng, parsed, {
        code: `${COUNTY.prefix}-${d.abbr}-${String(i + 1).padStart(3, '0')}`,
        deptIndex,
        deptCode: d.code,
        level: d.level,
        agencyInitiated: AGENCY_INITIATED.has(parsed.type),
      }),
    );
  });
  const windows = buildWindows(departments, matters).map((record, i) => ({ record, clerks: staff(rng, 2, `W${String(i + 1).padStart(2, '0')}`, 1) }));
  const windowsOfMatter = matters.map((m) => windows.flatMap((w, i) => (w.record.matterCodes.includes(m.version.matterCode) ? [i] : [])));
  return { name: COUNTY.name, division: COUNTY.division, prefix: COUNTY.prefix, government, departments, matters, windows, windowsOfMatter, popularity: cumulative(matters.map((m) => m.popularity)) };
}

function department(rng: Rng, name: string, abbr: string, code: string, divisionCode: string, level: '4' | '5'): SimDepartment {
  return { code, name, divisionCode, level, abbr, handlers: staff(rng, 6, abbr, 1), reviewers: staff(rng, 2, abbr, 101), approvers: staff(rng, 2, abbr, 201) };
}

function staff(rng: Rng, n: number, abbr: string, from: number): Staff[] {
  return Array.from({ length: n }, (_, i) => ({ name: personName(rng), staffNo: `${abbr}${String(from + i).padStart(3, '0')}` }));
}

const PUBLISHED_AT = '2025-12-31T09:00:00+08:00';
const SOURCE = 'bl-catalogue';

/** Calendars, departments, the matter catalogue and windows, with ids derived from their content keys. */
export function countyReferenceEvents(county: County, countySeed: number = DEFAULT_COUNTY_SEED): ReferenceEvent[] {
  const env = (key: string) => ({ eventId: deterministicUuid(`simulate/${countySeed}/${key}`), occurredAt: PUBLISHED_AT, sourceSystem: SOURCE });
  const depts = [county.government, ...county.departments].map(
    (d): ReferenceEvent => ({
      ...env(`dept/${d.code}`),
      type: 'DepartmentRegistered',
      payload: { code: d.code, name: d.name, divisionCode: d.divisionCode, ...(d === county.government ? {} : { parentCode: county.government.code }) },
    }),
  );
  const matters = county.matters.map((m): ReferenceEvent => ({ ...env(`matter/${m.version.matterCode}/${m.version.version}`), type: 'MatterVersionPublished', payload: m.version }));
  const windows = county.windows.map((w): ReferenceEvent => ({ ...env(`window/${w.record.windowId}`), type: 'WindowRegistered', payload: w.record }));
  return [...calendarEvents(), ...depts, ...matters, ...windows];
}
