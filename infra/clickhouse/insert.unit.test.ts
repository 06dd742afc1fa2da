import { describe, expect, it } from 'vitest';
import { chInstant, tsvBody } from './insert.ts';

describe('an instant as the DateTime64(3, UTC) columns take it', () => {
  it('is the UTC wall clock to the millisecond, whatever offset the instant was written with', () => {
    expect(chInstant('2026-03-02T09:15:00+08:00')).toBe('2026-03-02 01:15:00.000');
    expect(chInstant('2026-01-01T07:59:59.999+08:00')).toBe('2025-12-31 23:59:59.999');
    expect(chInstant('2026-06-30T16:00:00.12Z')).toBe('2026-06-30 16:00:00.120');
    expect(chInstant('1969-12-31T23:59:59.5Z')).toBe('1969-12-31 23:59:59.500');
  });

  it('agrees with the Date formatting of the same instant over a century, day after day and out of order', () => {
    const byDate = (iso: string) => new Date(iso).toISOString().slice(0, 23).replace('T', ' ');
    let seed = 7;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 20_000; i++) {
      const iso = new Date(Math.floor((next() - 0.3) * 4e12)).toISOString();
      expect(chInstant(iso)).toBe(byDate(iso));
    }
  });

  it('refuses what is not an instant', () => {
    expect(() => chInstant('soon')).toThrow('not an instant: soon');
  });
});

describe('rows as TabSeparated', () => {
  it('are written in the given column order, escaped, with NULL, arrays and a final newline', () => {
    const body = tsvBody(['b', 'a', 'n', 'list'], 't', [
      { a: 'tab\there', b: 1, n: null, list: ["it's", 'x'] },
      { a: 'line\nback\\slash', b: true, n: 2n, list: [] },
    ]);
    expect(body.toString()).toBe("1\ttab\\there\t\\N\t['it\\\\'s','x']\n1\tline\\nback\\\\slash\t2\t[]\n");
  });

  it('refuse a row that lacks a column, naming the table and the column', () => {
    expect(() => tsvBody(['a', 'b'], 'cases', [{ a: 1 }])).toThrow('a row for cases lacks the column b');
  });
});
