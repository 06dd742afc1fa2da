/**
 * Which stored positions may hold an event id, kept in memory for the duplicate check of every
 * append. An on-disk index of random 64-bit keys dirtied about one page per appended event, and
 * writing those pages at each commit was half of the append cost once the log held some hundred
 * thousand events (the batch target was out of reach with it).
 *
 * Open addressing over two typed arrays: a 32-bit fingerprint of the key and the position + 1
 * (0 marks an empty slot). 8 bytes per slot at most 70 % full: about 115 MB for 10 million events.
 * Positions must stay below 2^32 − 1. A hit is only a candidate: the caller reads the event at that
 * position and compares the full id, so a stale or colliding entry can cost a lookup, never a
 * wrong answer. What matters is that no stored event is missing from the index.
 */
export class EventKeyIndex {
  private fingerprints: Uint32Array;
  private positions: Uint32Array;
  private used = 0;

  constructor(capacity = 1 << 16) {
    const size = 1 << Math.ceil(Math.log2(Math.max(16, capacity)));
    this.fingerprints = new Uint32Array(size);
    this.positions = new Uint32Array(size);
  }

  get size(): number {
    return this.used;
  }

  add(key: bigint, position: number): void {
    if (position >= 0xffffffff) throw new Error(`event position ${position} is beyond the key index's range`);
    if ((this.used + 1) * 10 > this.positions.length * 7) this.grow();
    const fp = fingerprint(key);
    this.insert(fp, slotOf(fp), position + 1);
    this.used++;
  }

  /** Positions whose event may have this key, for the caller to confirm. */
  candidates(key: bigint): number[] {
    const fp = fingerprint(key);
    const mask = this.positions.length - 1;
    const out: number[] = [];
    for (let i = slotOf(fp) & mask; this.positions[i] !== 0; i = (i + 1) & mask) {
      if (this.fingerprints[i] === fp) out.push(this.positions[i]! - 1);
    }
    return out;
  }

  private insert(fp: number, hash: number, stored: number): void {
    const mask = this.positions.length - 1;
    let i = hash & mask;
    while (this.positions[i] !== 0) i = (i + 1) & mask;
    this.fingerprints[i] = fp;
    this.positions[i] = stored;
  }

  private grow(): void {
    const [fps, pos] = [this.fingerprints, this.positions];
    this.fingerprints = new Uint32Array(fps.length * 2);
    this.positions = new Uint32Array(pos.length * 2);
    for (let i = 0; i < pos.length; i++) {
      if (pos[i] !== 0) this.insert(fps[i]!, slotOf(fps[i]!), pos[i]!);
    }
  }
}

/** Both halves of the key folded: a time-ordered id (UUIDv7) has few varying bits in either alone. */
function fingerprint(key: bigint): number {
  return Number(BigInt.asUintN(32, key ^ (key >> 32n)));
}

/** The slot comes from the fingerprint (mixed), so growing needs nothing but what is stored. */
function slotOf(fp: number): number {
  return Math.imul(fp ^ (fp >>> 16), 0x45d9f3b) >>> 0;
}
