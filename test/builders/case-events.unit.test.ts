import { describe, expect, it } from 'vitest';
import { caseEventSchema, caseEventTypes } from '../../domain/events/catalogue.ts';
import { isValidUscc } from '../../domain/events/common.ts';
import { seedReferenceEvents } from '../../domain/seed/county.ts';
import {
  aConcludedCaseHistory,
  anAcceptedEvent,
  aSubmittedEvent,
  BUILDER_MATTER,
  BUILDER_WINDOW_ID,
  caseEventOf,
  VALID_DEPT_USCC,
} from './case-events.ts';

describe('case event builders', () => {
  it.each(caseEventTypes)('caseEventOf(%s) builds a valid event for the given case', (type) => {
    const event = caseEventOf(type, 'QH-B-1');
    expect(caseEventSchema.parse(event)).toEqual(event);
    expect(event.caseId).toBe('QH-B-1');
  });

  it('merges payload overrides and replaces envelope fields', () => {
    const e = anAcceptedEvent({ caseId: 'QH-B-2', seq: 7, payload: { receiptNo: 'R-9' } });
    expect(e).toMatchObject({ caseId: 'QH-B-2', seq: 7, payload: { receiptNo: 'R-9', limit: { value: 10, unit: 'working-days' } } });
  });

  it('gives every event its own id and never shares default objects', () => {
    const a = aSubmittedEvent();
    const b = aSubmittedEvent();
    expect(a.eventId).not.toBe(b.eventId);
    a.payload.materials.push({ name: 'x' });
    expect(b.payload.materials).toHaveLength(2);
  });

  it('uses a department, matter and window that the seed county registers', () => {
    const seed = seedReferenceEvents();
    expect(isValidUscc(VALID_DEPT_USCC)).toBe(true);
    expect(seed.some((e) => e.type === 'DepartmentRegistered' && e.payload.code === VALID_DEPT_USCC)).toBe(true);
    expect(seed.some((e) => e.type === 'MatterVersionPublished' && e.payload.matterCode === BUILDER_MATTER.code)).toBe(true);
    expect(seed.some((e) => e.type === 'WindowRegistered' && e.payload.windowId === BUILDER_WINDOW_ID)).toBe(true);
  });

  it('builds a concluded case history in sequence and time order', () => {
    const history = aConcludedCaseHistory('QH-B-3');
    expect(history.map((e) => caseEventSchema.safeParse(e).success)).not.toContain(false);
    expect(history.map((e) => e.seq)).toEqual(history.map((_e, i) => i + 1));
    const times = history.map((e) => Date.parse(e.occurredAt));
    expect([...times].sort((x, y) => x - y)).toEqual(times);
  });
});
