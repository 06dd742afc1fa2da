import { describe, expect, it } from 'vitest';
import { formatInstant, localPartsOf, localToEpochMs, startOfDay } from './zoned-time.ts';

describe('given the deployment zone Asia/Shanghai', () => {
  it('00:00 of a date is written with the +08:00 offset', () => {
    expect(startOfDay('2026-03-03', 'Asia/Shanghai')).toBe('2026-03-03T00:00:00+08:00');
  });

  it('an instant given in UTC is read on the Beijing wall clock', () => {
    const ms = Date.parse('2026-03-02T17:30:00Z');
    expect(formatInstant(ms, 'Asia/Shanghai')).toBe('2026-03-03T01:30:00+08:00');
    expect(localPartsOf(ms, 'Asia/Shanghai').msOfDay).toBe(90 * 60_000);
  });

  it('local wall time converts back to the instant', () => {
    expect(localToEpochMs('2026-03-16', 9 * 60, 'Asia/Shanghai')).toBe(Date.parse('2026-03-16T09:00:00+08:00'));
  });
});

describe('given a zone with daylight saving time', () => {
  it('each instant carries the offset in force that day', () => {
    expect(startOfDay('2026-01-15', 'America/New_York')).toBe('2026-01-15T00:00:00-05:00');
    expect(startOfDay('2026-07-15', 'America/New_York')).toBe('2026-07-15T00:00:00-04:00');
  });
});
