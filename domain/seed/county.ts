import type { ReferenceEvent } from '../events/catalogue.ts';
import { deterministicUuid } from '../ids.ts';
import { COUNTY_DIVISION, countyDepartments, countyGovernment } from './county-departments.ts';
import { countyMatters } from './county-matters.ts';
import { countyWindows } from './county-windows.ts';

export { COUNTY_DIVISION, COUNTY_NAME, TOWNS, agencyUscc, countyDepartments, countyGovernment } from './county-departments.ts';
export { countyMatters } from './county-matters.ts';
export { countyWindows } from './county-windows.ts';

const SEEDED_AT = '2026-01-01T08:00:00+08:00';
const SOURCE = 'seed';

function envelope(key: string) {
  return { eventId: deterministicUuid(`seed/${COUNTY_DIVISION}/${key}`), occurredAt: SEEDED_AT, sourceSystem: SOURCE };
}

/**
 * Reference data of the fictional 清河县 (329901): departments, matter catalogue, windows.
 * Deterministic, so seeding twice appends nothing new. The calendar is published separately.
 */
export function seedReferenceEvents(): ReferenceEvent[] {
  const depts = [countyGovernment, ...Object.values(countyDepartments)].map(
    (d): ReferenceEvent => ({
      ...envelope(`dept/${d.code}`),
      type: 'DepartmentRegistered',
      payload: {
        code: d.code,
        name: d.name,
        divisionCode: COUNTY_DIVISION,
        ...(d === countyGovernment ? {} : { parentCode: countyGovernment.code }),
      },
    }),
  );
  const matters = countyMatters.map(
    (m): ReferenceEvent => ({ ...envelope(`matter/${m.matterCode}/${m.version}`), type: 'MatterVersionPublished', payload: structuredClone(m) }),
  );
  const windows = countyWindows.map(
    (w): ReferenceEvent => ({ ...envelope(`window/${w.windowId}`), type: 'WindowRegistered', payload: structuredClone(w) }),
  );
  return [...depts, ...matters, ...windows];
}
