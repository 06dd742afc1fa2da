import type { EventStore, RecordedEvent } from '../../infra/event-store/port.ts';

/**
 * The whole history of each touched stream of one kind (cases, alerts), which their rows are
 * folded from. Kept in a bounded cache fed by the batches flowing through; a stream not in the
 * cache whose first event in the batch is not revision 0 has earlier events, which are read from
 * the store once.
 */
export class StreamHistories {
  private readonly cache = new Map<string, RecordedEvent[]>();

  constructor(
    private readonly store: EventStore,
    /** Streams whose id starts with this, e.g. 'case-'. */
    readonly prefix: string,
    private readonly maxStreams = 50_000,
  ) {}

  /**
   * Feeds one batch's events of the matching streams, in order. With `readBack: false` a stream
   * that began before the cache knew it is left out rather than read back: `upTo` reads it whole
   * when it is asked for (a rebuild asks once, at the stream's end).
   */
  async observe(batch: readonly RecordedEvent[], { readBack = true } = {}): Promise<void> {
    for (const e of batch) {
      if (!e.streamId.startsWith(this.prefix)) continue;
      let history = this.cache.get(e.streamId);
      if (!history) {
        if (!readBack && e.revision !== 0n) continue;
        history = await this.load(e);
      } else this.cache.delete(e.streamId);
      // A history loaded from the store may already hold this event (the store ran ahead of us).
      if (history.length === 0 || history.at(-1)!.position < e.position) history.push(e);
      this.cache.set(e.streamId, history);
      if (this.cache.size > this.maxStreams) this.cache.delete(this.cache.keys().next().value!);
    }
  }

  /**
   * The stream's events up to and including position `upTo`, in stream order; read from the store
   * when the cache has let the stream go (a rebuild's held-back stream, past the cache's size).
   */
  async upTo(streamId: string, upTo: bigint): Promise<RecordedEvent[]> {
    const history = this.cache.get(streamId) ?? (await this.store.readStream(streamId));
    return history.filter((e) => e.position <= upTo);
  }

  /** Lets a stream go that will not be asked for again. */
  forget(streamId: string): void {
    this.cache.delete(streamId);
  }

  private async load(first: RecordedEvent): Promise<RecordedEvent[]> {
    if (first.revision === 0n) return [];
    return (await this.store.readStream(first.streamId)).filter((e) => e.position < first.position);
  }
}
