/**
 * Rebuild only: streams whose rows are held back until their history has stopped growing. In a
 * log in time order a case's events are spread over weeks, so a rebuild met most cases on several
 * pages and recomputed their clocks on each, only for the newest row to replace the others (a
 * county's log in send order, 1,000,000 events: 2.2 clocks per case). A row depends on the log up
 * to its newest event alone, so it comes out the same however late it is computed.
 *
 * Where the store says where each stream ends (`EventStore.streamEnds`), a stream is released at
 * its last event, and only then. A stream it does not know (appended since, or a store that cannot
 * say) waits among at most `bound` others: those touched longest ago are released as others
 * arrive, and computed again if the log touches them later. The rest are released at the end.
 */
export class PendingStreams {
  /** Stream id → position of its newest event seen, oldest touch first. */
  private readonly waiting = new Map<string, bigint>();
  private readonly untilEnd = new Map<string, bigint>();

  constructor(
    readonly bound: number,
    private readonly ends?: ReadonlyMap<string, bigint>,
  ) {}

  /** Holds back the streams of a batch; returns those to compute now. */
  hold(touched: ReadonlyMap<string, bigint>): Map<string, bigint> {
    const released = new Map<string, bigint>();
    for (const [streamId, upTo] of touched) {
      const end = this.ends?.get(streamId);
      if (end === undefined) {
        this.waiting.delete(streamId);
        this.waiting.set(streamId, upTo);
      } else if (upTo >= end) {
        this.untilEnd.delete(streamId);
        released.set(streamId, upTo);
      } else this.untilEnd.set(streamId, upTo);
    }
    for (const [streamId, upTo] of this.waiting) {
      if (this.waiting.size <= this.bound) break;
      this.waiting.delete(streamId);
      released.set(streamId, upTo);
    }
    return released;
  }

  /** True once the stream's last event (as the store knew it) has been held and released. */
  ended(streamId: string, upTo: bigint): boolean {
    const end = this.ends?.get(streamId);
    return end !== undefined && upTo >= end;
  }

  /** Every stream still held back. */
  releaseAll(): Map<string, bigint> {
    const all = new Map([...this.untilEnd, ...this.waiting]);
    this.waiting.clear();
    this.untilEnd.clear();
    return all;
  }

  /** Whether the store said where streams end: histories need not then be read back on a miss. */
  get knowsEnds(): boolean {
    return this.ends !== undefined;
  }
}
