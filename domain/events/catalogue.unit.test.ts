import { describe, expect, it } from 'vitest';
import { caseEventOf } from '../../test/builders/case-events.ts';
import { seedReferenceEvents } from '../seed/county.ts';
import {
  caseEventSchema,
  caseEventTypes,
  caseStream,
  isCaseEvent,
  referenceEventSchema,
  referenceEventTypes,
  schemaForType,
  streamFor,
  sunlightEventSchema,
  sunlightEventTypes,
  type SunlightEvent,
} from './catalogue.ts';

describe('the event catalogue', () => {
  it('lists the twenty case event types of E1–E17 and the four reference types', () => {
    expect(caseEventTypes).toHaveLength(20);
    expect(new Set(caseEventTypes).size).toBe(20);
    expect(referenceEventTypes).toEqual(['MatterVersionPublished', 'DepartmentRegistered', 'WindowRegistered', 'CalendarPublished']);
    expect(sunlightEventTypes).toEqual([...caseEventTypes, ...referenceEventTypes]);
  });

  it('finds the schema of a known type and nothing for an unknown one', () => {
    expect(schemaForType('CaseAccepted')).toBeDefined();
    expect(schemaForType('CaseApproved')).toBeUndefined();
    expect(schemaForType('constructor')).toBeUndefined();
  });

  it('keeps case and reference events apart', () => {
    const accepted = caseEventOf('CaseAccepted', 'C1');
    const [dept] = seedReferenceEvents();
    expect(caseEventSchema.safeParse(accepted).success).toBe(true);
    expect(referenceEventSchema.safeParse(accepted).success).toBe(false);
    expect(sunlightEventSchema.safeParse(dept).success).toBe(true);
    expect(isCaseEvent(accepted)).toBe(true);
    expect(isCaseEvent(dept!)).toBe(false);
  });
});

describe('streamFor', () => {
  it('puts a case event in case-<caseId>', () => {
    expect(streamFor(caseEventOf('StepStarted', 'QH-2026-0042'))).toBe('case-QH-2026-0042');
    expect(caseStream('QH-2026-0042')).toBe('case-QH-2026-0042');
  });

  it('puts each reference event in its own stream', () => {
    const streams = seedReferenceEvents().map(streamFor);
    expect(streams).toContain('matter-QH-ZRZY-003');
    expect(streams).toContain('window-qh-c01');
    expect(streams.filter((s) => s.startsWith('dept-'))).toHaveLength(9);
    expect(new Set(streams).size).toBe(streams.length);
    const calendar: SunlightEvent = {
      eventId: '6f1c2c0e-8d1a-4b7e-9c3d-2a5b6c7d8e9f',
      occurredAt: '2025-11-04T12:00:00+08:00',
      sourceSystem: 'calendar-admin',
      type: 'CalendarPublished',
      payload: { year: 2026, holidays: [], extraWorkdays: [], source: '国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)' },
    };
    expect(streamFor(calendar)).toBe('calendar-2026');
  });

  it('builds dept streams from the USCC', () => {
    const dept = seedReferenceEvents().find((e) => e.type === 'DepartmentRegistered')!;
    expect(streamFor(dept)).toMatch(/^dept-[0-9A-Z]{18}$/);
  });
});
