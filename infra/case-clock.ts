import { classifyAt, computeCaseClock, type CaseClock, type ClockConfig, type Signal } from '../domain/clock/index.ts';
import { caseStream, type CaseEvent } from '../domain/events/catalogue.ts';
import { ReferenceData } from '../projections/services/reference-data.ts';
import type { EventStore } from './event-store/port.ts';

export interface CaseClockView {
  clock: CaseClock;
  signal: Signal;
  /** Position of the case's newest event: the log as of which the clock was computed. */
  asOfPosition: bigint;
  /** The department that reported the case's newest event. */
  deptCode: string;
}

/**
 * A case's clock computed on demand from the log itself (not from the read model), so the answer
 * is exact even while projections lag, and the explanation names every event it used.
 */
export function caseClockService(store: EventStore, config: ClockConfig, now: () => Date) {
  return async (caseId: string): Promise<CaseClockView | null> => {
    const stored = await store.readStream(caseStream(caseId));
    if (stored.length === 0) return null;
    const events = stored.map((e) => e.data as CaseEvent);
    const upTo = stored.at(-1)!.position;
    const reference = new ReferenceData(store);
    const clock = computeCaseClock({
      caseId,
      events,
      matterVersions: await reference.matterVersions(events.at(-1)!.matterCode, upTo),
      calendar: await reference.calendarAt(upTo),
      config,
    });
    return { clock, signal: classifyAt(clock, now().toISOString()), asOfPosition: upTo, deptCode: events.at(-1)!.dept.code };
  };
}
