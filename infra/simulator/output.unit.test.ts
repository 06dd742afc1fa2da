import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../domain/events/catalogue.ts';
import { caseEventJson } from './event-json.ts';
import { BusinessTimeMerge } from './order.ts';
import { writeSimulation, type LineSink } from './output.ts';
import { INJECTIONS, parseRates } from './rates.ts';
import { simulateCounty } from './simulate.ts';

function lines(): LineSink & { all: string[] } {
  const all: string[] = [];
  return {
    all,
    write(line) {
      all.push(line);
      return undefined;
    },
    close: async () => {},
  };
}

describe('given a simulation written as NDJSON', () => {
  // IR14 back-entry and IR19 resubmissions are the cases that arrive out of step.
  const rates = parseRates({ irregularities: { ...Object.fromEntries(INJECTIONS.map((k) => [k, 0])), IR14: 0.05, IR19: 0.05, IR02: 0.05 } });
  const sim = simulateCounty({ seed: 9, cases: 3000, rates });
  const events = lines();
  const labels = lines();
  const done = writeSimulation(sim, events, labels);

  it('the reference events come first, then every case event once', async () => {
    const counts = await done;
    const parsed = events.all.map((l) => JSON.parse(l) as { type: string; caseId?: string });
    const firstCase = parsed.findIndex((e) => e.caseId !== undefined);
    expect(firstCase).toBe(sim.reference.length);
    expect(parsed.slice(firstCase).every((e) => e.caseId !== undefined)).toBe(true);
    expect(counts.events).toBe(parsed.length - firstCase);
    expect(labels.all).toHaveLength(counts.cases);
  });

  it('case events are in send order (business time, or the back-entry time of IR14) and each case in sequence order', async () => {
    await done;
    const cases = [...sim.cases];
    const sendAt = new Map(cases.flatMap((c) => c.events.map((e, i) => [e.eventId, c.sendAt[i]!] as const)));
    const caseEvents = events.all.slice(sim.reference.length).map((l) => JSON.parse(l) as CaseEvent);
    const times = caseEvents.map((e) => sendAt.get(e.eventId)!);
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
    const lastSeq = new Map<string, number>();
    for (const e of caseEvents) {
      expect(e.seq, e.caseId).toBe((lastSeq.get(e.caseId) ?? 0) + 1);
      lastSeq.set(e.caseId, e.seq);
    }
    expect(cases.some((c) => c.truth.deliverAt !== undefined)).toBe(true);
  });
});

describe('given the hand-written event serialiser', () => {
  it('writes exactly what JSON.stringify writes, for every kind of event and fault', () => {
    const rates = parseRates({ irregularities: Object.fromEntries(INJECTIONS.map((k) => [k, 0.045])) });
    const events = [...simulateCounty({ seed: 10, cases: 2000, rates }).cases].flatMap((c) => c.events);
    expect(events.filter((e) => caseEventJson(e) !== JSON.stringify(e)).map((e) => e.eventId)).toEqual([]);
    expect(events.some((e) => e.windowId !== undefined) && events.some((e) => e.windowId === undefined)).toBe(true);
  });
});

describe('given the business-time merge', () => {
  const at = (caseId: string, times: number[], horizon: number) => ({
    events: times.map((_, i) => ({ caseId, seq: i + 1 }) as CaseEvent),
    sendAt: times,
    horizon,
    truth: { caseId } as never,
  });

  it('holds an event until no case still to come can send anything earlier', () => {
    const merge = new BusinessTimeMerge();
    expect(merge.push(at('A', [1, 5, 9], 1)).map((e) => `${e.caseId}${e.seq}`)).toEqual(['A1']);
    expect(merge.push(at('B', [3, 4], 3)).map((e) => `${e.caseId}${e.seq}`)).toEqual(['B1']);
    expect(merge.push(at('C', [6], 6)).map((e) => `${e.caseId}${e.seq}`)).toEqual(['B2', 'A2', 'C1']);
    expect(merge.drain().map((e) => `${e.caseId}${e.seq}`)).toEqual(['A3']);
    expect(merge.openCases).toBe(0);
  });

  it('breaks ties in arrival order', () => {
    const merge = new BusinessTimeMerge();
    const out = [...merge.push(at('A', [2, 7], 2)), ...merge.push(at('B', [7], 2)), ...merge.drain()];
    expect(out.map((e) => `${e.caseId}${e.seq}`)).toEqual(['A1', 'A2', 'B1']);
  });
});
