import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteEventStore } from '../../infra/event-store/sqlite.ts';
import { ReferenceData } from './reference-data.ts';

const store = createSqliteEventStore({ file: join(mkdtempSync(join(tmpdir(), 'sunlight-reference-')), 'events.db') });
afterAll(() => store.close());

/** A 2031 calendar (no calendar ships for it) with one holiday; 2031-05-05 is a Monday. */
const calendar2031 = (holiday: string, n: number) => ({
  eventId: `7f1c2c0e-8d1a-4b7e-9c3d-2a5b6c7d8e0${n}`,
  occurredAt: '2030-11-01T08:00:00+08:00',
  sourceSystem: 'calendar-admin',
  type: 'CalendarPublished',
  payload: { year: 2031, holidays: [{ name: '劳动节', from: holiday, to: holiday }], extraWorkdays: [], source: `notice ${n}` },
});

async function publish(n: number, holiday: string): Promise<bigint> {
  const data = calendar2031(holiday, n);
  const [r] = await store.appendMany([{ streamId: 'calendar-2031', expectedRevision: 'any', events: [{ eventId: data.eventId, type: data.type, data, recordedAt: data.occurredAt }] }]);
  return r!.position!;
}

describe('the calendar as of a position in the log', () => {
  it('counts each year by the newest notice published at or before that position, before and after a later notice is observed', async () => {
    const first = await publish(1, '2031-05-05');
    const reference = new ReferenceData(store);
    expect((await reference.calendarAt(first - 1n)).isWorkingDay('2031-05-05')).toBe(true);
    expect((await reference.calendarAt(first)).isWorkingDay('2031-05-05')).toBe(false);

    const second = await publish(2, '2031-05-06');
    reference.observe(await store.readAll({ after: first }));
    const atSecond = await reference.calendarAt(second);
    expect([atSecond.isWorkingDay('2031-05-05'), atSecond.isWorkingDay('2031-05-06')]).toEqual([true, false]);
    const atFirst = await reference.calendarAt(first);
    expect([atFirst.isWorkingDay('2031-05-05'), atFirst.isWorkingDay('2031-05-06')]).toEqual([false, true]);
    expect((await reference.calendarAt(first - 1n)).isWorkingDay('2031-05-05')).toBe(true);
  });
});
