import { describe, expect, it } from 'vitest';
import { isDateTime, toInstant } from './timestamps.ts';

describe('given log timestamps', () => {
  it.each([
    ['2011-10-11T13:45:40.276+02:00', '2011-10-11T13:45:40.276+02:00'],
    ['2011-10-11T13:45:40Z', '2011-10-11T13:45:40Z'],
    ['2011-10-11T13:45:40+0200', '2011-10-11T13:45:40+02:00'],
    ['2011-10-11T13:45:40-05', '2011-10-11T13:45:40-05:00'],
  ])('when %s carries an offset, the offset is kept as written', (raw, expected) => {
    expect(toInstant(raw, 'Asia/Shanghai')).toBe(expected);
  });

  it.each([
    ['2011-01-15 09:00:00', 'Europe/Amsterdam', '2011-01-15T09:00:00+01:00'],
    ['2011-07-15T09:00', 'Europe/Amsterdam', '2011-07-15T09:00:00+02:00'],
    ['2011-03-27T03:30:00', 'Europe/Amsterdam', '2011-03-27T03:30:00+02:00'],
    ['2011-03-27T01:59:59', 'Europe/Amsterdam', '2011-03-27T01:59:59+01:00'],
    ['2026-03-16', 'Asia/Shanghai', '2026-03-16T00:00:00+08:00'],
    ['2026-03-16T09:30:00.5', 'America/St_Johns', '2026-03-16T09:30:00.5-02:30'],
  ])('when %s has no offset, it is read in %s', (raw, zone, expected) => {
    expect(toInstant(raw, zone)).toBe(expected);
  });

  it.each(['2011-02-29T10:00:00+01:00', '2011-10-11T24:00:00Z', '2011-13-01', '11/10/2011 13:45', '', 'UNKNOWN'])(
    'when the text is %j, it is not a date-time',
    (raw) => {
      expect(toInstant(raw, 'UTC')).toBeNull();
      expect(isDateTime(raw)).toBe(false);
    },
  );
});
