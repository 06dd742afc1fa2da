import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EventKeyIndex } from './event-key-index.ts';
import { eventKey } from './sqlite-schema.ts';

describe('EventKeyIndex', () => {
  it('finds every added key among its candidates, across growth, and rarely anything else', () => {
    const index = new EventKeyIndex(16);
    const ids = Array.from({ length: 50_000 }, () => randomUUID());
    ids.forEach((id, position) => index.add(eventKey(id), position));
    expect(index.size).toBe(50_000);
    ids.forEach((id, position) => expect(index.candidates(eventKey(id))).toContain(position));
    const strangers = Array.from({ length: 10_000 }, () => index.candidates(eventKey(randomUUID())).length);
    // A 32-bit fingerprint over 50,000 keys: a stranger matches about once in 86,000 lookups.
    expect(strangers.reduce((a, b) => a + b, 0)).toBeLessThan(5);
  });

  it('keeps every position of a key added twice', () => {
    const index = new EventKeyIndex();
    index.add(42n, 7);
    index.add(42n, 9);
    expect(index.candidates(42n).sort()).toEqual([7, 9]);
    expect(index.candidates(43n)).toEqual([]);
  });

  it('refuses a position it cannot hold', () => {
    expect(() => new EventKeyIndex().add(1n, 2 ** 32)).toThrow(/beyond the key index's range/);
  });
});
