/**
 * Rebuild only: streams whose rows are held back until their history has stopped growing. In a
 * log in time order a case's events are spread over weeks, so a rebuild met most cases on several
 * pages and recomputed their clocks on each, only for the newest row to replace the others (a
 * county's log in send order, 1,000,000 events: 2.2 clocks per case). A row depends on the log up
 * to its newest event alone, so it comes out the same however late it is computed.
 *
 * The streams touched longest ago are released once more than `bound` wait; they are computed
 * again if the log touches them later. The rest are released at the end of the rebuild. Keep
 * `bound` below the history cache's size, so a released stream's history is still in memory.
 */
export class PendingStreams {
  /** Stream id → position of its newest event seen, oldest touch first. */
  private readonly waiting = new Map<string, bigint>();

  constructor(readonly bound: number) {}

  /** Holds back the streams of a batch; returns those to compute now, having waited longest. */
  hold(touched: ReadonlyMap<string, bigint>): Map<string, bigint> {
    for (const [streamId, upTo] of touched) {
      this.waiting.delete(streamId);
      this.waiting.set(streamId, upTo);
    }
    const released = new Map<string, bigint>();
    for (const [streamId, upTo] of this.waiting) {
      if (this.waiting.size - released.size <= this.bound) break;
      released.set(streamId, upTo);
    }
    for (const streamId of released.keys()) this.waiting.delete(streamId);
    return released;
  }

  /** Every stream still held back. */
  releaseAll(): Map<string, bigint> {
    const all = new Map(this.waiting);
    this.waiting.clear();
    return all;
  }

  get size(): number {
    return this.waiting.size;
  }
}
