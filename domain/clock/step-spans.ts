import { civilDateInZone } from '../calendar/index.ts';
import type { EventOf } from '../events/catalogue.ts';
import { anomaly } from './anomalies.ts';
import type { Point } from './axis.ts';
import type { ClockAnomaly } from './types.ts';
import { epochMs } from './zoned-time.ts';

/** One run of a step, StepStarted → StepCompleted (E7). */
export interface StepSpan {
  readonly stepCode: string;
  readonly stepName: string;
  readonly stepNo: number;
  /** 1 for the first run of this step code; a step returned (退回) and done again runs once more. */
  readonly occurrence: number;
  readonly start: Point;
  end: Point | null;
  readonly eventIds: string[];
}

interface StepLog {
  readonly steps: StepSpan[];
  readonly anomalies: ClockAnomaly[];
}

export const stepLabel = (s: Pick<StepSpan, 'stepCode' | 'occurrence'>): string => `step ${s.stepCode}#${s.occurrence}`;

function push(log: StepLog, open: Map<string, StepSpan[]> | null, e: EventOf<'StepStarted' | 'StepCompleted'>, start: Point): StepSpan {
  const { stepCode, stepName, stepNo } = e.payload;
  const occurrence = log.steps.filter((s) => s.stepCode === stepCode).length + 1;
  const span: StepSpan = { stepCode, stepName, stepNo, occurrence, start, end: null, eventIds: [e.eventId] };
  log.steps.push(span);
  if (open) open.set(stepCode, [...(open.get(stepCode) ?? []), span]);
  return span;
}

export function openStep(log: StepLog, open: Map<string, StepSpan[]>, e: EventOf<'StepStarted'>, p: Point): void {
  push(log, open, e, p);
}

/** Pairs a completion with the oldest open run of the same step; GB/T 39046's 环节开始时间 stands in for a missing start. */
export function closeStep(log: StepLog, open: Map<string, StepSpan[]>, e: EventOf<'StepCompleted'>, p: Point, timeZone: string): void {
  const { stepCode, startedAt } = e.payload;
  let span = open.get(stepCode)?.shift();
  if (!span && startedAt) {
    span = push(log, null, e, { date: civilDateInZone(startedAt, timeZone), at: startedAt, eventId: e.eventId, order: p.order });
    span.eventIds.pop();
  }
  if (!span) {
    log.anomalies.push(anomaly('step-completed-without-start', p.date, [e.eventId], `step ${stepCode} completed on ${p.date} without a start`));
    return;
  }
  span.eventIds.push(e.eventId);
  if (epochMs(p.at) < epochMs(span.start.at)) {
    log.anomalies.push(anomaly('step-ends-before-start', p.date, span.eventIds, `step ${stepCode} ends at ${p.at}, before its start ${span.start.at} (IR15); counted as no time`, stepLabel(span)));
    span.end = span.start;
  } else {
    span.end = p;
  }
}
