import { describe, expect, it } from 'vitest';
import { clockConfigSchema, defaultClockConfig } from './index.ts';

describe('given the clock configuration', () => {
  it('an empty configuration parses to the documented defaults', () => {
    expect(clockConfigSchema.parse({})).toEqual(defaultClockConfig);
  });

  it('office hours must be HH:MM and close after they open', () => {
    const parse = (open: string, close: string) => clockConfigSchema.safeParse({ granularity: { mode: 'office-hours', open, close } }).success;
    expect(parse('08:30', '17:30')).toBe(true);
    expect(parse('17:30', '08:30')).toBe(false);
    expect(parse('8:30', '17:30')).toBe(false);
  });

  it('an unknown time zone is refused', () => {
    expect(clockConfigSchema.safeParse({ timeZone: 'Mars/Olympus' }).success).toBe(false);
  });

  it('the defaults cannot be changed by a caller', () => {
    expect(Object.isFrozen(defaultClockConfig)).toBe(true);
  });
});
