import { hash32, mix32 } from './rng.ts';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

const hex8 = (x: number) => HEX[(x >>> 24) & 255]! + HEX[(x >>> 16) & 255]! + HEX[(x >>> 8) & 255]! + HEX[x & 255]!;
const hex4 = (x: number) => HEX[(x >>> 8) & 255]! + HEX[x & 255]!;
const hex3 = (x: number) => HEX[(x >>> 8) & 15]!.slice(1) + HEX[x & 255]!;

/**
 * Event ids shaped as version-4 UUIDs but derived from (seed, case index, event number) with a
 * bijective mix instead of randomUUID: generating a million cases must not wait on the entropy
 * pool, and re-running a seed must give the same ids. The first 64 bits differ for every event
 * of a run, because the SQLite store indexes events by them (docs/decisions.md, Event store).
 */
export class EventIds {
  private readonly tail: string;
  private readonly seedMix: number;
  private readonly v4: string;

  constructor(seed: number) {
    const h = hash32(`simulate/${seed}`);
    this.seedMix = mix32(h);
    this.v4 = `4${hex3(h)}`;
    this.tail = hex4(h >>> 16) + hex8(mix32(h ^ 0x5bd1e995));
  }

  /** Unique for case indexes below 2^32 and event numbers below 2^16. */
  id(caseIndex: number, eventNo: number): string {
    const hi = mix32((caseIndex ^ this.seedMix) >>> 0);
    const variant = 0x8000 | ((caseIndex / 4294967296) & 0x0fff);
    return `${hex8(hi)}-${hex4(eventNo)}-${this.v4}-${hex4(variant)}-${this.tail}`;
  }
}
