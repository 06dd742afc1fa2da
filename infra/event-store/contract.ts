import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConcurrencyError, DuplicateEventIdConflict } from './errors.ts';
import type { EventStore, NewEvent, RecordedEvent } from './port.ts';

/** Store-specific ways to alter stored events behind the store's back, for the tamper tests. */
export interface Tamper {
  editData(streamId: string, revision: bigint, data: unknown): void;
  remove(streamId: string, revision: bigint): void;
  swap(streamId: string, a: bigint, b: bigint): void;
  truncate(streamId: string, fromRevision: bigint): void;
}

export interface ContractSubject {
  store: EventStore;
  /** Absent when the backend offers no way to change a stored event (KurrentDB is append-only). */
  tamper?: Tamper;
}

const ev = (type = 'Noted', data: unknown = { n: 1 }): NewEvent => ({
  eventId: randomUUID(),
  type,
  data,
  recordedAt: new Date().toISOString(),
});
const stream = () => `case-contract-${randomUUID()}`;

/**
 * The behaviour every event store adapter must show. Each test uses fresh stream ids, so the
 * suite runs against a shared server without clean-up.
 */
export function eventStoreContract(name: string, make: () => Promise<ContractSubject>): void {
  describe(`event store contract: ${name}`, () => {
    let subject: ContractSubject;
    let store: EventStore;
    beforeAll(async () => {
      subject = await make();
      store = subject.store;
    });
    afterAll(async () => store?.close());

    describe('appending with an expected revision', () => {
      it('no_stream succeeds on a new stream and fails once it exists', async () => {
        const s = stream();
        const r = await store.append({ streamId: s, events: [ev(), ev()], expectedRevision: 'no_stream' });
        expect(r.nextRevision).toBe(1n);
        await expect(store.append({ streamId: s, events: [ev()], expectedRevision: 'no_stream' })).rejects.toThrow(ConcurrencyError);
      });

      it('stream_exists fails on a new stream', async () => {
        await expect(store.append({ streamId: stream(), events: [ev()], expectedRevision: 'stream_exists' })).rejects.toThrow(ConcurrencyError);
      });

      it('an exact revision must match the last stored revision, and the error says both', async () => {
        const s = stream();
        await store.append({ streamId: s, events: [ev(), ev(), ev()], expectedRevision: 'no_stream' });
        await store.append({ streamId: s, events: [ev()], expectedRevision: 2n });
        const failure = store.append({ streamId: s, events: [ev()], expectedRevision: 2n });
        await expect(failure).rejects.toThrow(ConcurrencyError);
        await expect(failure).rejects.toMatchObject({ streamId: s, expected: '2', actual: '3' });
        expect(await store.readStream(s)).toHaveLength(4);
      });

      it('any appends whatever the stream holds', async () => {
        const s = stream();
        await store.append({ streamId: s, events: [ev()], expectedRevision: 'any' });
        const r = await store.append({ streamId: s, events: [ev()], expectedRevision: 'any' });
        expect(r.nextRevision).toBe(1n);
      });
    });

    describe('idempotency by event id', () => {
      it('an event id already stored is acknowledged as a duplicate and stored once', async () => {
        const s = stream();
        const e = ev('Noted', { text: '重复' });
        await store.append({ streamId: s, events: [e], expectedRevision: 'any' });
        const again = await store.append({ streamId: s, events: [{ ...e, recordedAt: new Date().toISOString() }], expectedRevision: 'any' });
        expect(again).toMatchObject({ appended: 0, duplicates: [e.eventId] });
        expect(await store.readStream(s)).toHaveLength(1);
      });

      it('a retried append whose events are all stored succeeds even with a stale expectation', async () => {
        const s = stream();
        const batch = [ev(), ev()];
        await store.append({ streamId: s, events: batch, expectedRevision: 'no_stream' });
        const retry = await store.append({ streamId: s, events: batch, expectedRevision: 'no_stream' });
        expect(retry.duplicates).toHaveLength(2);
      });

      it('ids that are not UUIDs, and UUIDs sharing their first 64 bits, are told apart exactly', async () => {
        const s = stream();
        const twinA = randomUUID().replace(/.$/, '1');
        const twinB = twinA.replace(/.$/, '2');
        const plain = { ...ev(), eventId: `legacy-${randomUUID()}` };
        await store.append({ streamId: s, events: [{ ...ev(), eventId: twinA }, { ...ev(), eventId: twinB }, plain], expectedRevision: 'any' });
        const again = await store.append({ streamId: s, events: [plain], expectedRevision: 'any' });
        expect(again.duplicates).toEqual([plain.eventId]);
        expect((await store.readStream(s)).map((e) => e.eventId)).toEqual([twinA, twinB, plain.eventId]);
      });

      it('the same id twice in one append is stored once', async () => {
        const s = stream();
        const e = ev();
        const r = await store.append({ streamId: s, events: [e, e, ev()], expectedRevision: 'any' });
        expect(r).toMatchObject({ appended: 2, duplicates: [e.eventId] });
      });

      it('an id reused for different content is refused and nothing of the append is stored', async () => {
        const s = stream();
        const e = ev('Noted', { n: 1 });
        await store.append({ streamId: s, events: [e], expectedRevision: 'any' });
        const clash = store.append({ streamId: s, events: [ev(), { ...e, data: { n: 2 } }], expectedRevision: 'any' });
        await expect(clash).rejects.toThrow(DuplicateEventIdConflict);
        expect(await store.readStream(s)).toHaveLength(1);
      });
    });

    describe('reading', () => {
      it('reads one stream in revision order with data, type and arrival time intact', async () => {
        const s = stream();
        const events = [ev('A', { 名称: '营业执照', amount: 10.5, nested: { b: 1, a: [1, 2] } }), ev('B'), ev('C')];
        await store.append({ streamId: s, events, expectedRevision: 'no_stream' });
        const read = await store.readStream(s);
        expect(read.map((e) => e.type)).toEqual(['A', 'B', 'C']);
        expect(read.map((e) => e.revision)).toEqual([0n, 1n, 2n]);
        expect(read[0]!.data).toEqual(events[0]!.data);
        expect(read[0]!.recordedAt).toBe(events[0]!.recordedAt);
        expect(await store.readStream(s, { fromRevision: 1n, maxCount: 1 })).toMatchObject([{ type: 'B' }]);
      });

      it('an absent stream reads as empty', async () => {
        expect(await store.readStream(stream())).toEqual([]);
      });

      it('reads all events in global order from a position', async () => {
        const before = await store.headPosition();
        const a = stream();
        const b = stream();
        await store.append({ streamId: a, events: [ev('A1')], expectedRevision: 'any' });
        await store.append({ streamId: b, events: [ev('B1')], expectedRevision: 'any' });
        await store.append({ streamId: a, events: [ev('A2')], expectedRevision: 'any' });
        const mine = (await store.readAll({ after: before })).filter((e) => e.streamId === a || e.streamId === b);
        expect(mine.map((e) => e.type)).toEqual(['A1', 'B1', 'A2']);
        expect(isStrictlyIncreasing(mine.map((e) => e.position))).toBe(true);
      });

      it('where offered, says where each stream of a prefix ends: its newest event, and no stream of another prefix', async (ctx) => {
        if (!store.streamEnds) return ctx.skip('this adapter does not offer streamEnds; a rebuild then holds cases back by count');
        const prefix = `case-ends-${randomUUID()}-`;
        const [a, b] = [`${prefix}a`, `${prefix}b`];
        await store.append({ streamId: a, events: [ev('A1'), ev('A2')], expectedRevision: 'any' });
        const [atB] = await store.appendMany([{ streamId: b, events: [ev('B1')], expectedRevision: 'any' }, { streamId: `${prefix.slice(0, -1)}x`, events: [ev('X')], expectedRevision: 'any' }]);
        const [atA] = await store.appendMany([{ streamId: a, events: [ev('A3')], expectedRevision: 'any' }]);
        expect(await store.streamEnds(prefix)).toEqual(new Map([[a, atA!.position], [b, atB!.position]]));
      });
    });

    describe('concurrent appends', () => {
      it('each stands or falls alone: a failing one does not take the others down', async () => {
        const [a, b, c] = [stream(), stream(), stream()];
        await store.append({ streamId: b, events: [ev()], expectedRevision: 'no_stream' });
        const outcomes = await Promise.allSettled([
          store.append({ streamId: a, events: [ev()], expectedRevision: 'no_stream' }),
          store.append({ streamId: b, events: [ev()], expectedRevision: 'no_stream' }),
          store.append({ streamId: c, events: [ev(), ev()], expectedRevision: 'any' }),
        ]);
        expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
        expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
        expect(await store.readStream(a)).toHaveLength(1);
        expect(await store.readStream(b)).toHaveLength(1);
        expect(await store.readStream(c)).toHaveLength(2);
      });

      it('many concurrent appends to one stream keep a gap-free revision sequence and an intact chain', async () => {
        const s = stream();
        await Promise.all(Array.from({ length: 40 }, (_, i) => store.append({ streamId: s, events: [ev(`e${i}`)], expectedRevision: 'any' })));
        const read = await store.readStream(s);
        expect(read.map((e) => e.revision)).toEqual(Array.from({ length: 40 }, (_, i) => BigInt(i)));
        expect(await store.verifyStream(s)).toMatchObject({ ok: true, length: 40 });
      });
    });

    describe('appending to several streams at once', () => {
      it('stores all streams when every expectation holds', async () => {
        const [a, b] = [stream(), stream()];
        const r = await store.appendMany([
          { streamId: a, events: [ev()], expectedRevision: 'no_stream' },
          { streamId: b, events: [ev(), ev()], expectedRevision: 'no_stream' },
        ]);
        expect(r.map((x) => x.appended)).toEqual([1, 2]);
      });

      it('stores nothing when one stream fails its expectation', async () => {
        const [a, b] = [stream(), stream()];
        await store.append({ streamId: b, events: [ev()], expectedRevision: 'no_stream' });
        const failing = store.appendMany([
          { streamId: a, events: [ev()], expectedRevision: 'no_stream' },
          { streamId: b, events: [ev()], expectedRevision: 'no_stream' },
        ]);
        await expect(failing).rejects.toThrow(ConcurrencyError);
        expect(await store.readStream(a)).toEqual([]);
        expect(await store.readStream(b)).toHaveLength(1);
      });
    });

    describe('subscribing from a checkpoint', () => {
      it('delivers stored events after the checkpoint, then live ones, with no gap and no reordering', async () => {
        const s = stream();
        await store.append({ streamId: s, events: [ev('old')], expectedRevision: 'any' });
        const checkpoint = await store.headPosition();
        await store.append({ streamId: s, events: [ev('c1'), ev('c2')], expectedRevision: 'any' });
        const seen: RecordedEvent[] = [];
        const sub = store.subscribeAll({ after: checkpoint, onEvent: (e) => void (e.streamId === s && seen.push(e)) });
        await waitFor(() => seen.length === 2);
        for (let i = 0; i < 50; i++) await store.append({ streamId: s, events: [ev(`live${i}`)], expectedRevision: 'any' });
        await waitFor(() => seen.length === 52);
        await sub.stop();
        expect(seen.map((e) => e.type)).toEqual(['c1', 'c2', ...Array.from({ length: 50 }, (_, i) => `live${i}`)]);
        expect(seen.map((e) => e.revision)).toEqual(Array.from({ length: 52 }, (_, i) => BigInt(i + 1)));
      });

      it('waits for the handler: the next event is not delivered before the previous one is handled', async () => {
        const s = stream();
        const checkpoint = await store.headPosition();
        await store.append({ streamId: s, events: [ev('a'), ev('b'), ev('c')], expectedRevision: 'any' });
        const log: string[] = [];
        const sub = store.subscribeAll({
          after: checkpoint,
          onEvent: async (e) => {
            if (e.streamId !== s) return;
            log.push(`start ${e.type}`);
            await new Promise((r) => setTimeout(r, 5));
            log.push(`end ${e.type}`);
          },
        });
        await waitFor(() => log.length === 6);
        await sub.stop();
        expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
      });
    });

    describe('the hash chain', () => {
      it('verifies an untouched stream and returns its head hash', async () => {
        const s = stream();
        const r = await store.append({ streamId: s, events: [ev(), ev(), ev()], expectedRevision: 'any' });
        const v = await store.verifyStream(s);
        expect(v).toMatchObject({ ok: true, length: 3 });
        const last = (await store.readStream(s)).at(-1)!;
        expect(v.ok && v.headHash).toBe(last.hash);
        expect(r.nextRevision).toBe(2n);
      });

      it('links every event to the hash of the one before it', async () => {
        const s = stream();
        await store.append({ streamId: s, events: [ev(), ev(), ev()], expectedRevision: 'any' });
        const read = await store.readStream(s);
        expect(read[0]!.prevHash).toBe('');
        expect(read[1]!.prevHash).toBe(read[0]!.hash);
        expect(read[2]!.prevHash).toBe(read[1]!.hash);
      });

      it("keeps verifying against an auditor's receipt while the stream grows", async () => {
        const s = stream();
        await store.append({ streamId: s, events: [ev(), ev()], expectedRevision: 'any' });
        const kept = (await store.readStream(s)).at(-1)!;
        await store.append({ streamId: s, events: [ev()], expectedRevision: 'any' });
        expect(await store.verifyStream(s, { receipt: { revision: kept.revision, hash: kept.hash } })).toMatchObject({ ok: true, length: 3 });
        const forged = await store.verifyStream(s, { receipt: { revision: kept.revision, hash: 'f'.repeat(64) } });
        expect(forged).toMatchObject({ ok: false, brokenAt: kept.revision });
      });

      tamperTests(() => subject);
    });
  });
}

function tamperTests(subject: () => ContractSubject): void {
  const cases: [string, (t: Tamper, s: string) => void, RegExp][] = [
    ['an edited event', (t, s) => t.editData(s, 1n, { n: 999 }), /altered/],
    ['a removed event', (t, s) => t.remove(s, 1n), /removed or inserted/],
    ['two swapped events', (t, s) => t.swap(s, 1n, 2n), /.+/],
    ['a cut tail', (t, s) => t.truncate(s, 2n), /cut/],
    ['an edited last event', (t, s) => t.editData(s, 3n, { n: 999 }), /altered/],
  ];
  for (const [what, alter, reason] of cases) {
    it(`detects ${what}`, async (ctx) => {
      const { store, tamper } = subject();
      if (!tamper) return ctx.skip('this backend offers no way to alter a stored event, so there is nothing to tamper with');
      const s = stream();
      await store.append({ streamId: s, events: [ev(), ev(), ev(), ev()], expectedRevision: 'any' });
      alter(tamper, s);
      const v = await store.verifyStream(s, { expectedMinLength: 4 });
      expect(v.ok).toBe(false);
      expect(v.ok ? '' : v.reason).toMatch(reason);
    });
  }
}

function isStrictlyIncreasing(xs: bigint[]): boolean {
  return xs.every((x, i) => i === 0 || x > xs[i - 1]!);
}

async function waitFor(cond: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
