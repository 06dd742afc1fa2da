import { describe, expect, it } from 'vitest';
import { agencyUscc, countyMatters } from '../../seed/county.ts';
import { referenceEventSchema } from '../catalogue.ts';
import type { MatterVersion } from './matter-version-published.ts';

const envelope = { eventId: '6f1c2c0e-8d1a-4b7e-9c3d-2a5b6c7d8e9f', occurredAt: '2026-01-01T08:00:00+08:00', sourceSystem: 'catalogue-admin' };

function issuesOf(value: unknown) {
  const r = referenceEventSchema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

const licence: MatterVersion = countyMatters.find((m) => m.matterCode === 'QH-ZRZY-003')!;
const published = (changes: Partial<MatterVersion>) => ({ ...envelope, type: 'MatterVersionPublished', payload: { ...licence, ...changes } });

const calendar2026 = {
  year: 2026,
  holidays: [
    { name: '元旦', from: '2026-01-01', to: '2026-01-03' },
    { name: '春节', from: '2026-02-15', to: '2026-02-23' },
    { name: '国庆节', from: '2026-10-01', to: '2026-10-07' },
  ],
  extraWorkdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-09-20', '2026-10-10'],
  source: '国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)',
};
const calendar = (changes: Partial<typeof calendar2026>) => ({ ...envelope, type: 'CalendarPublished', payload: { ...calendar2026, ...changes } });

describe('MatterVersionPublished', () => {
  it('a catalogue version with fee items and steps parses', () => {
    expect(issuesOf(published({}))).toEqual([]);
  });

  it('an unknown matter type code is refused with the code list', () => {
    const issues = issuesOf(published({ matterType: '11' as never }));
    expect(issues.map((i) => i.path)).toEqual(['payload.matterType']);
    expect(issues[0]?.message).toContain('20 公共服务');
  });

  it('validTo before validFrom is refused', () => {
    expect(issuesOf(published({ validTo: '2025-12-31' })).map((i) => i.path)).toEqual(['payload.validTo']);
  });

  it('a duplicate step code is refused', () => {
    const steps = [...licence.steps, { ...licence.steps[0]!, limitWorkingDays: 0 }];
    expect(issuesOf(published({ steps })).map((i) => i.message)).toEqual(['step code S1 appears more than once']);
  });

  it('step limits adding up to more than the promised limit are refused as a catalogue consistency rule', () => {
    const issues = issuesOf(published({ promisedLimit: { value: 9, unit: 'working-days' } }));
    expect(issues.map((i) => i.path)).toEqual(['payload.steps']);
    expect(issues[0]?.message).toMatch(/add up to 10 .* promised limit of 9 \(catalogue consistency rule/);
  });

  it('a promised limit in calendar days is not compared with working-day step limits', () => {
    expect(issuesOf(published({ promisedLimit: { value: 5, unit: 'calendar-days' } }))).toEqual([]);
  });

  it('a fee item with a bad amount names its path', () => {
    const feeItems = [{ ...licence.feeItems[0]!, standardAmount: -1 }];
    expect(issuesOf(published({ feeItems })).map((i) => i.path)).toEqual(['payload.feeItems.0.standardAmount']);
  });
});

describe('DepartmentRegistered and WindowRegistered', () => {
  const dept = { code: agencyUscc(99), name: '清河县测试局', divisionCode: '329901' };

  it('a department parses; a bad parent USCC is refused', () => {
    expect(issuesOf({ ...envelope, type: 'DepartmentRegistered', payload: dept })).toEqual([]);
    const bad = { ...dept, parentCode: `${dept.code.slice(0, 17)}I` };
    expect(issuesOf({ ...envelope, type: 'DepartmentRegistered', payload: bad }).map((i) => i.path)).toEqual(['payload.parentCode']);
  });

  const window = { windowId: 'qh-c01', name: '综合受理一窗', centreName: '清河县政务服务中心', level: '4', divisionCode: '329901', comprehensive: true, deptCodes: [dept.code], matterCodes: ['QH-ZRZY-003'] };

  it('a window parses; a window id unfit for a stream name and an unknown level are refused', () => {
    expect(issuesOf({ ...envelope, type: 'WindowRegistered', payload: window })).toEqual([]);
    const bad = { ...window, windowId: '窗口 1', level: '3' };
    expect(issuesOf({ ...envelope, type: 'WindowRegistered', payload: bad }).map((i) => i.path)).toEqual(['payload.windowId', 'payload.level']);
  });
});

describe('CalendarPublished', () => {
  it('the 2026 State Council calendar parses', () => {
    expect(issuesOf(calendar({}))).toEqual([]);
  });

  it('a New Year run starting in the previous December belongs to the year', () => {
    expect(issuesOf(calendar({ year: 2019, holidays: [{ name: '元旦', from: '2018-12-30', to: '2019-01-01' }], extraWorkdays: ['2018-12-29'] }))).toEqual([]);
  });

  it('a holiday in another year is refused', () => {
    expect(issuesOf(calendar({ holidays: [{ name: '春节', from: '2025-01-28', to: '2025-02-04' }] })).map((i) => i.path)).toEqual(['payload.holidays.0']);
  });

  it('a holiday longer than 15 days is refused', () => {
    const issues = issuesOf(calendar({ holidays: [{ name: '春节', from: '2026-02-01', to: '2026-02-16' }], extraWorkdays: [] }));
    expect(issues.map((i) => i.message)).toEqual(['a holiday may last at most 15 days']);
  });

  it('a holiday ending before it starts is refused', () => {
    expect(issuesOf(calendar({ holidays: [{ name: '清明', from: '2026-04-06', to: '2026-04-04' }] })).map((i) => i.path)).toEqual(['payload.holidays.0.to']);
  });

  it('a make-up working day inside a holiday or outside the year is refused', () => {
    expect(issuesOf(calendar({ extraWorkdays: ['2026-02-16', '2027-03-01'] })).map((i) => i.path)).toEqual(['payload.extraWorkdays.0', 'payload.extraWorkdays.1']);
  });
});
