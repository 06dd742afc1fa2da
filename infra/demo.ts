import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, civilDateInZone } from '../domain/calendar/index.ts';
import type { CaseEvent } from '../domain/events/catalogue.ts';
import { prepareEvent } from '../domain/events/prepared-event.ts';
import type { EventStore } from './event-store/port.ts';
import { BusinessTimeMerge } from './simulator/order.ts';
import { simulateCounty } from './simulator/simulate.ts';

export interface DemoOptions {
  store: EventStore;
  dataDir: string;
  timeZone: string;
  /** Simulated seconds per real second while catching up with the present. */
  speed: number;
  seed: number;
  now?: () => Date;
  log: { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
}

interface DemoState {
  seed: number;
  from: string;
  to: string;
  cases: number;
  /** Real time at which the simulated clock stood at `from` 00:00. */
  startedAt: number;
  speed: number;
}

const LOOKBACK_DAYS = 30;
const CASES_PER_DAY = 150;
const TICK_MS = 200;

/**
 * The live demo: the simulated county (infra/simulator) streamed into this server as departmental
 * systems would, starting 30 days in the past at `speed` and slowing to real time once it reaches
 * the present, so clocks and warnings fall due as they would in a real county. Events are recorded
 * at the simulated time they are sent. The plan is kept in demo.json: a restart resumes it, and the
 * events already stored come back as duplicates.
 */
export function startDemo(o: DemoOptions): { stop(): void; status(): { sent: number; simulatedNow: string; caughtUp: boolean } } {
  const now = o.now ?? (() => new Date());
  const state = loadOrPlan(o, now());
  const virtualNow = () => Math.min(now().getTime(), Date.parse(`${state.from}T00:00:00+08:00`) + (now().getTime() - state.startedAt) * state.speed);
  let sent = 0;
  let stopped = false;

  const run = async () => {
    const sim = simulateCounty({ seed: state.seed, cases: state.cases, from: state.from, to: state.to });
    await append(o.store, sim.reference.map((e) => prepareEvent(e)), new Date(virtualNow()).toISOString());
    const merge = new BusinessTimeMerge();
    const sendAt = new Map<string, number>();
    const pending: CaseEvent[] = [];
    const cases = sim.cases[Symbol.iterator]();
    let exhausted = false;
    while (!stopped) {
      const v = virtualNow();
      while (!exhausted && (pending.length === 0 || sendAt.get(pending.at(-1)!.eventId)! <= v)) {
        const next = cases.next();
        if (next.done) {
          pending.push(...merge.drain());
          exhausted = true;
          break;
        }
        next.value.events.forEach((e, i) => sendAt.set(e.eventId, next.value.sendAt[i]!));
        pending.push(...merge.push(next.value));
      }
      let due = 0;
      while (due < pending.length && sendAt.get(pending[due]!.eventId)! <= v) due++;
      if (due > 0) {
        const batch = pending.splice(0, due);
        await append(o.store, batch.map((e) => prepareEvent(e)), new Date(v).toISOString());
        for (const e of batch) sendAt.delete(e.eventId);
        sent += batch.length;
      }
      if (exhausted && pending.length === 0) break;
      await new Promise((r) => setTimeout(r, TICK_MS));
    }
    o.log.info({ sent }, 'demo county: every simulated event has been sent');
  };
  run().catch((error: unknown) => o.log.warn({ err: error }, 'demo county stopped'));
  o.log.info({ from: state.from, to: state.to, cases: state.cases, speed: state.speed }, 'demo county: streaming simulated cases (SUNLIGHT_DEMO=off to disable)');
  return {
    stop: () => void (stopped = true),
    status: () => ({ sent, simulatedNow: new Date(virtualNow()).toISOString(), caughtUp: virtualNow() >= now().getTime() - TICK_MS }),
  };
}

function loadOrPlan(o: DemoOptions, now: Date): DemoState {
  const file = join(o.dataDir, 'demo.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as DemoState;
  const today = civilDateInZone(now.toISOString(), o.timeZone);
  const from = addDays(today, -LOOKBACK_DAYS);
  const to = `${today.slice(0, 4)}-12-31` >= addDays(today, 14) ? `${today.slice(0, 4)}-12-31` : addDays(today, 60);
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
  const state: DemoState = { seed: o.seed, from, to, cases: Math.round((days * CASES_PER_DAY * 5) / 7), startedAt: now.getTime(), speed: o.speed };
  writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`);
  return state;
}

async function append(store: EventStore, events: ReturnType<typeof prepareEvent>[], recordedAt: string): Promise<void> {
  const byStream = new Map<string, { streamId: string; expectedRevision: 'any'; events: { eventId: string; type: string; data: undefined; dataJson: string; recordedAt: string }[] }>();
  for (const e of events) {
    let req = byStream.get(e.streamId);
    if (!req) byStream.set(e.streamId, (req = { streamId: e.streamId, expectedRevision: 'any', events: [] }));
    req.events.push({ eventId: e.eventId, type: e.type, data: undefined, dataJson: e.dataJson, recordedAt });
  }
  if (byStream.size > 0) await store.appendMany([...byStream.values()]);
}

/** The demo starts on a data directory holding no event yet, and resumes if it ran there before. */
export async function demoWanted(store: EventStore, dataDir: string, setting: 'auto' | 'off'): Promise<boolean> {
  if (setting === 'off') return false;
  return existsSync(join(dataDir, 'demo.json')) || (await store.headPosition()) < 0n;
}
