import type { EventStore, RecordedEvent, Subscription } from '../infra/event-store/port.ts';

export interface FeedFilter {
  departments?: string[];
  levels?: ('yellow' | 'red')[];
}

export interface FeedItem {
  /** Global position: the SSE id, so a client resumes with Last-Event-ID. */
  position: bigint;
  alertId: string;
  type: string;
  deptCode: string;
  level: 'yellow' | 'red';
  event: unknown;
}

interface Client {
  filter: FeedFilter;
  send(item: FeedItem): void;
  /** Highest position sent; live items at or below it were already replayed. */
  sentUpTo: bigint;
  replaying: FeedItem[] | null;
}

const ALERT_STREAM = 'alert-';

/**
 * The live alert feed: every alert lifecycle event in log order, to each connected client whose
 * filter matches. A client that reconnects with Last-Event-ID first gets what it missed, read back
 * from the log, then the live events, with no gap and no repeat.
 */
export function alertFeed(store: EventStore) {
  const index = new Map<string, { deptCode: string; level: 'yellow' | 'red' }>();
  const clients = new Set<Client>();
  let live = -1n;
  let subscription: Subscription | undefined;

  function toItem(e: RecordedEvent): FeedItem | null {
    if (!e.streamId.startsWith(ALERT_STREAM)) return null;
    const alertId = e.streamId.slice(ALERT_STREAM.length);
    const payload = (e.data as { payload?: { deptCode?: string; level?: 'yellow' | 'red'; to?: string } }).payload ?? {};
    if (e.type === 'AlertRaised' && payload.deptCode && payload.level) index.set(alertId, { deptCode: payload.deptCode, level: payload.level });
    const meta = index.get(alertId);
    if (!meta) return null;
    if (e.type === 'AlertEscalated' && payload.to === 'red') meta.level = 'red';
    return { position: e.position, alertId, type: e.type, deptCode: meta.deptCode, level: meta.level, event: e.data };
  }

  const matches = (f: FeedFilter, i: FeedItem) => (!f.departments?.length || f.departments.includes(i.deptCode)) && (!f.levels?.length || f.levels.includes(i.level));

  function deliver(client: Client, item: FeedItem): void {
    if (item.position <= client.sentUpTo || !matches(client.filter, item)) return;
    client.sentUpTo = item.position;
    client.send(item);
  }

  return {
    /** Starts following the log; earlier alert events are indexed so later ones can be filtered. */
    async start(): Promise<void> {
      let after = -1n;
      for (;;) {
        const page = await store.readAll({ after, maxCount: 10_000 });
        if (page.length === 0) break;
        for (const e of page) toItem(e);
        after = page.at(-1)!.position;
      }
      live = after;
      subscription = store.subscribeAll({
        after,
        onEvent: (e) => {
          live = e.position;
          const item = toItem(e);
          if (!item) return;
          for (const c of clients) (c.replaying ? c.replaying.push(item) : deliver(c, item));
        },
      });
    },
    /** Connects a client; returns the function that disconnects it. */
    async connect(filter: FeedFilter, lastEventId: bigint | undefined, send: (item: FeedItem) => void): Promise<() => void> {
      const client: Client = { filter, send, sentUpTo: lastEventId ?? live, replaying: lastEventId === undefined ? null : [] };
      clients.add(client);
      if (lastEventId !== undefined) {
        const upTo = live;
        let after = lastEventId;
        while (after < upTo) {
          const page = await store.readAll({ after, maxCount: 10_000 });
          if (page.length === 0) break;
          for (const e of page) {
            if (e.position > upTo) break;
            const item = e.streamId.startsWith(ALERT_STREAM) ? itemFromIndex(e) : null;
            if (item) deliver(client, item);
          }
          after = page.at(-1)!.position;
        }
        const buffered = client.replaying ?? [];
        client.replaying = null;
        for (const item of buffered) deliver(client, item);
      }
      return () => void clients.delete(client);
    },
    async stop(): Promise<void> {
      await subscription?.stop();
      clients.clear();
    },
    clients: () => clients.size,
  };

  /** During a replay the index is already current; only the level at that time may differ. */
  function itemFromIndex(e: RecordedEvent): FeedItem | null {
    const alertId = e.streamId.slice(ALERT_STREAM.length);
    const meta = index.get(alertId);
    return meta ? { position: e.position, alertId, type: e.type, deptCode: meta.deptCode, level: meta.level, event: e.data } : null;
  }
}

export type AlertFeed = ReturnType<typeof alertFeed>;
