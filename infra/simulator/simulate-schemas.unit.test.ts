import { describe, expect, it } from 'vitest';
import { caseEventSchema, caseEventTypes, referenceEventSchema, schemaForType } from '../../domain/events/catalogue.ts';
import { isValidUscc } from '../../domain/events/common.ts';
import { INJECTIONS, parseRates } from './rates.ts';
import { simulateCounty } from './simulate.ts';

/** Every injection at 4.5 %: most cases carry a fault, so every odd shape of event appears. */
const everything = parseRates({ irregularities: Object.fromEntries(INJECTIONS.map((k) => [k, 0.045])) });

function problems(schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown): string[] {
  const r = schema.safeParse(JSON.parse(JSON.stringify(value)));
  return r.success ? [] : r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('given the simulated county', () => {
  const sim = simulateCounty({ seed: 11, cases: 10 });
  const types = (t: string) => sim.reference.filter((e) => e.type === t);

  it('every reference event validates against its schema', () => {
    for (const e of sim.reference) expect(problems(referenceEventSchema, e), `${e.type} ${e.eventId}`).toEqual([]);
  });

  it('has about 30 departments with valid USCCs, about 200 matters and a centre plus twelve town centres', () => {
    expect(types('DepartmentRegistered').length).toBeGreaterThanOrEqual(28);
    expect(sim.county.departments.every((d) => isValidUscc(d.code))).toBe(true);
    expect(sim.county.matters.length).toBeGreaterThanOrEqual(190);
    const towns = new Set(sim.county.windows.filter((w) => w.record.level === '5').map((w) => w.record.centreName));
    expect(towns.size).toBe(12);
    expect(sim.county.windows.filter((w) => w.record.level === '4').length).toBeGreaterThanOrEqual(18);
    expect(types('CalendarPublished').length).toBeGreaterThanOrEqual(1);
  });

  it('publishes every matter type of GB/T 39046 A.1, instant and commitment matters, fees and online-only matters', () => {
    const m = sim.county.matters.map((x) => x.version);
    expect(new Set(m.map((x) => x.matterType))).toEqual(new Set(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '20']));
    expect(m.some((x) => x.caseKind === 'instant' && x.promisedLimit.value === 0)).toBe(true);
    expect(m.filter((x) => x.caseKind === 'commitment').every((x) => x.promisedLimit.value < x.statutoryLimit.value)).toBe(true);
    expect(m.filter((x) => x.charges).every((x) => x.feeItems.length > 0)).toBe(true);
    expect(m.filter((x) => x.charges).length).toBeGreaterThan(10);
    expect(m.filter((x) => x.onlineRequired).length).toBeGreaterThan(5);
    expect(m.filter((x) => x.allowedSpecialProcedures.length > 0).length).toBeGreaterThan(20);
    expect(m.every((x) => x.steps.reduce((s, st) => s + st.limitWorkingDays, 0) <= x.promisedLimit.value)).toBe(true);
  });

  it('lets windows take in only published matters of registered departments', () => {
    const codes = new Set(sim.county.matters.map((m) => m.version.matterCode));
    const depts = new Set(sim.county.departments.map((d) => d.code));
    for (const w of sim.county.windows) {
      expect(w.record.matterCodes.every((c) => codes.has(c)), w.record.windowId).toBe(true);
      expect(w.record.deptCodes.every((c) => depts.has(c)), w.record.windowId).toBe(true);
    }
  });
});

describe('given a few thousand cases with every irregularity injected', () => {
  const cases = [...simulateCounty({ seed: 12, cases: 3000, rates: everything }).cases];

  it('every case event validates against the catalogue and its own type schema', () => {
    const invalid = cases.flatMap((c) =>
      c.events.flatMap((e) => [...problems(caseEventSchema, e), ...problems(schemaForType(e.type)! as never, e)].map((p) => `${c.truth.caseId} #${e.seq} ${e.type} ${p}`)),
    );
    expect(invalid).toEqual([]);
    expect(cases.reduce((n, c) => n + c.events.length, 0)).toBeGreaterThan(25_000);
  });

  it('every case event type of E1–E17 occurs', () => {
    const seen = new Set(cases.flatMap((c) => c.events.map((e) => e.type)));
    expect([...caseEventTypes].filter((t) => !seen.has(t))).toEqual([]);
  });
});
