import { describe, expect, it } from 'vitest';
import { writeSimulation, type LineSink } from './output.ts';
import { simulateCounty, type SimulateOptions } from './simulate.ts';

function memorySink(): LineSink & { text(): string } {
  const lines: string[] = [];
  return {
    write: (line) => {
      lines.push(line);
      return undefined;
    },
    close: async () => {},
    text: () => lines.join('\n'),
  };
}

async function ndjson(options: SimulateOptions): Promise<{ events: string; labels: string }> {
  const events = memorySink();
  const labels = memorySink();
  await writeSimulation(simulateCounty(options), events, labels);
  return { events: events.text(), labels: labels.text() };
}

describe('given a seed', () => {
  const options = { seed: 20260101, cases: 1500 };

  it('when run twice, the events and the labels are the same byte for byte', async () => {
    const [a, b] = [await ndjson(options), await ndjson(options)];
    expect(a.events.length).toBeGreaterThan(1_000_000);
    expect(b.events).toBe(a.events);
    expect(b.labels).toBe(a.labels);
  });

  it('when the seed changes, the cases change but the county does not', async () => {
    const [a, b] = [await ndjson(options), await ndjson({ ...options, seed: options.seed + 1 })];
    expect(b.events).not.toBe(a.events);
    expect(b.labels).not.toBe(a.labels);
    expect(simulateCounty({ ...options, seed: 7 }).reference).toEqual(simulateCounty(options).reference);
  });

  it('when the county seed changes, the catalogue changes', () => {
    const a = simulateCounty(options).reference;
    const b = simulateCounty({ ...options, countySeed: 99 }).reference;
    expect(JSON.stringify(b)).not.toBe(JSON.stringify(a));
  });

  it('iterating the cases twice yields the same cases (the iterable restarts from the seed)', () => {
    const sim = simulateCounty({ seed: 5, cases: 200 });
    const ids = (xs: Iterable<{ events: { eventId: string }[] }>) => [...xs].flatMap((c) => c.events.map((e) => e.eventId));
    expect(ids(sim.cases)).toEqual(ids(sim.cases));
  });
});

describe('given many cases', () => {
  const sim = simulateCounty({ seed: 3, cases: 4000 });
  const cases = [...sim.cases];

  it('every event id is unique, UUID-shaped, and unique in its first 64 bits', () => {
    const ids = cases.flatMap((c) => c.events.map((e) => e.eventId));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids.map((id) => id.replaceAll('-', '').slice(0, 16))).size).toBe(ids.length);
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
  });

  it('every case has its own id, and its events are numbered 1, 2, 3 … in sequence', () => {
    expect(new Set(cases.map((c) => c.truth.caseId)).size).toBe(cases.length);
    for (const c of cases) {
      expect(c.events.map((e) => e.seq)).toEqual(c.events.map((_, i) => i + 1));
      expect(c.events.every((e) => e.caseId === c.truth.caseId)).toBe(true);
    }
  });

  it('applicants are unique to their case unless they resubmit (IR19)', () => {
    const owners = new Map<string, string>();
    for (const c of cases) {
      const e = c.events[0]!;
      if (e.type !== 'CaseSubmitted') throw new Error('first event must be the submission');
      const other = owners.get(e.payload.applicant.idNumber);
      if (other) expect(e.payload.originalCaseId).toBe(other);
      else owners.set(e.payload.applicant.idNumber, c.truth.caseId);
    }
  });
});
