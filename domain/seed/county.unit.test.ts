import { describe, expect, it } from 'vitest';
import { isValidUscc } from '../events/common.ts';
import { referenceEventSchema, schemaForType } from '../events/catalogue.ts';
import { countyDepartments, countyMatters, countyWindows, seedReferenceEvents } from './county.ts';

describe('the 清河县 seed', () => {
  const events = seedReferenceEvents();

  it('every event parses with its own schema', () => {
    for (const e of events) {
      const r = schemaForType(e.type)!.safeParse(e);
      expect(r.success ? [] : r.error.issues, `${e.type} ${JSON.stringify(e.payload).slice(0, 60)}`).toEqual([]);
      expect(referenceEventSchema.safeParse(e).success).toBe(true);
    }
  });

  it('is deterministic, with unique event ids', () => {
    expect(seedReferenceEvents()).toEqual(events);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
  });

  it('registers departments with valid USCCs under the county government', () => {
    const depts = events.filter((e) => e.type === 'DepartmentRegistered');
    expect(depts).toHaveLength(9);
    expect(depts.every((d) => isValidUscc(d.payload.code))).toBe(true);
    expect(depts.filter((d) => d.payload.parentCode === undefined)).toHaveLength(1);
  });

  it('publishes about twenty matters of several kinds, from registered departments', () => {
    const deptCodes = new Set(Object.values(countyDepartments).map((d) => d.code));
    expect(countyMatters.length).toBeGreaterThanOrEqual(20);
    expect(countyMatters.every((m) => deptCodes.has(m.deptCode))).toBe(true);
    expect(countyMatters.some((m) => m.caseKind === 'instant' && m.promisedLimit.value === 0)).toBe(true);
    expect(countyMatters.some((m) => m.matterType === '01' && m.statutoryLimit.value === 20 && m.promisedLimit.value <= 10)).toBe(true);
    expect(countyMatters.some((m) => m.onlineRequired)).toBe(true);
    expect(countyMatters.filter((m) => m.charges).every((m) => m.feeItems.length > 0)).toBe(true);
    expect(countyMatters.every((m) => m.promisedLimit.value <= m.statutoryLimit.value)).toBe(true);
  });

  it('opens windows only for published matters and registered departments', () => {
    const matterCodes = new Set(countyMatters.map((m) => m.matterCode));
    const deptCodes = new Set(Object.values(countyDepartments).map((d) => d.code));
    for (const w of countyWindows) {
      expect(w.matterCodes.every((c) => matterCodes.has(c)), w.windowId).toBe(true);
      expect(w.deptCodes.every((c) => deptCodes.has(c)), w.windowId).toBe(true);
    }
    expect(countyWindows.filter((w) => w.level === '4')).toHaveLength(6);
    expect(new Set(countyWindows.filter((w) => w.level === '5').map((w) => w.centreName)).size).toBe(3);
  });

  it('does not publish a calendar', () => {
    expect(events.some((e) => e.type === 'CalendarPublished')).toBe(false);
  });
});
