import type { CaseEvent } from '../../domain/events/catalogue.ts';
import type { SimulatedCase } from './lifecycle.ts';

interface Entry {
  c: SimulatedCase;
  pos: number;
  /** Insertion number: ties in time keep arrival order, and a case's own events keep sequence order. */
  n: number;
}

/**
 * Merges cases, generated one at a time in arrival order, into one stream ordered by send time
 * (business time, or the later back-entry time of IR14). A binary heap holds one entry per open
 * case; an event is released once no case still to come can send anything earlier (its horizon).
 * Memory is bounded by the cases open at once, not by the run.
 */
export class BusinessTimeMerge {
  private readonly heap: Entry[] = [];
  private inserted = 0;

  /** Adds a case and returns the events now safe to release, in order. */
  push(c: SimulatedCase): CaseEvent[] {
    if (c.events.length > 0) this.insert({ c, pos: 0, n: this.inserted++ });
    return this.releaseUpTo(c.horizon);
  }

  /** Everything still held, in order. */
  drain(): CaseEvent[] {
    return this.releaseUpTo(Infinity);
  }

  get openCases(): number {
    return this.heap.length;
  }

  private releaseUpTo(horizon: number): CaseEvent[] {
    const out: CaseEvent[] = [];
    while (this.heap.length > 0 && key(this.heap[0]!) <= horizon) {
      const top = this.heap[0]!;
      out.push(top.c.events[top.pos++]!);
      if (top.pos === top.c.events.length) {
        const last = this.heap.pop()!;
        if (this.heap.length > 0) this.heap[0] = last;
        else continue;
      }
      this.siftDown(0);
    }
    return out;
  }

  private insert(e: Entry): void {
    const h = this.heap;
    let i = h.push(e) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(h[i]!, h[parent]!)) break;
      [h[i], h[parent]] = [h[parent]!, h[i]!];
      i = parent;
    }
  }

  private siftDown(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && before(h[l]!, h[m]!)) m = l;
      if (r < h.length && before(h[r]!, h[m]!)) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}

const key = (e: Entry) => e.c.sendAt[e.pos]!;
const before = (a: Entry, b: Entry) => key(a) < key(b) || (key(a) === key(b) && a.n < b.n);
