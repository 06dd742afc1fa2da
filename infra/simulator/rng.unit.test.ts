import { describe, expect, it } from 'vitest';
import { cumulative, Rng } from './rng.ts';

describe('the seeded generator', () => {
  it('repeats itself for the same seed and stream, and differs across streams', () => {
    const draw = (seed: number, stream: number) => Array.from({ length: 5 }, ((r) => () => r.nextU32())(new Rng(seed, stream)));
    expect(draw(1, 2)).toEqual(draw(1, 2));
    expect(draw(1, 2)).not.toEqual(draw(1, 3));
    expect(draw(1, 2)).not.toEqual(draw(2, 2));
  });

  it('draws integers within bounds, both included, and weighted indexes in proportion', () => {
    const r = new Rng(7);
    const ints = Array.from({ length: 10_000 }, () => r.int(3, 6));
    expect(Math.min(...ints)).toBe(3);
    expect(Math.max(...ints)).toBe(6);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[r.weighted(cumulative([1, 0, 2]))]!++;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeCloseTo(2, 0);
  });

  it('gives log-normal draws around their median and Poisson draws around their mean', () => {
    const r = new Rng(9);
    const ln = Array.from({ length: 20_001 }, () => r.lognormal(5, 0.5)).sort((a, b) => a - b);
    expect(ln[10_000]!).toBeGreaterThan(4.7);
    expect(ln[10_000]!).toBeLessThan(5.3);
    for (const mean of [3, 50]) {
      const xs = Array.from({ length: 20_000 }, () => r.poisson(mean));
      expect(xs.reduce((a, b) => a + b, 0) / xs.length).toBeCloseTo(mean, 0);
    }
  });
});
