import { z } from 'zod';
import { acceptanceRefused } from './case/acceptance-refused.ts';
import { caseAccepted } from './case/case-accepted.ts';
import { caseConcluded } from './case/case-concluded.ts';
import { caseForwarded } from './case/case-forwarded.ts';
import { casePreReviewed } from './case/case-pre-reviewed.ts';
import { caseSubmitted } from './case/case-submitted.ts';
import { caseWithdrawn } from './case/case-withdrawn.ts';
import { complaintFiled, complaintHandled } from './case/complaint.ts';
import { feeCharged } from './case/fee-charged.ts';
import { ratingSubmitted } from './case/rating-submitted.ts';
import { resultDelivered } from './case/result-delivered.ts';
import { specialProcedureEnded, specialProcedureStarted } from './case/special-procedure.ts';
import { stepCompleted, stepStarted } from './case/step.ts';
import { supplementReceived, supplementRequested } from './case/supplement.ts';
import { caseResumed, caseSuspended } from './case/suspension.ts';
import { calendarPublished } from './reference/calendar-published.ts';
import { departmentRegistered } from './reference/department-registered.ts';
import { matterVersionPublished } from './reference/matter-version-published.ts';
import { windowRegistered } from './reference/window-registered.ts';

/** Case events E1–E17 of domain.md §2.2, in lifecycle order. */
const caseSchemas = [
  caseSubmitted,
  casePreReviewed,
  caseAccepted,
  acceptanceRefused,
  supplementRequested,
  supplementReceived,
  stepStarted,
  stepCompleted,
  specialProcedureStarted,
  specialProcedureEnded,
  caseSuspended,
  caseResumed,
  feeCharged,
  caseForwarded,
  caseConcluded,
  resultDelivered,
  caseWithdrawn,
  ratingSubmitted,
  complaintFiled,
  complaintHandled,
] as const;

const referenceSchemas = [matterVersionPublished, departmentRegistered, windowRegistered, calendarPublished] as const;

export const caseEventSchema = z.discriminatedUnion('type', caseSchemas);
export const referenceEventSchema = z.discriminatedUnion('type', referenceSchemas);
export const sunlightEventSchema = z.discriminatedUnion('type', [...caseSchemas, ...referenceSchemas]);

export type CaseEvent = z.infer<typeof caseEventSchema>;
export type ReferenceEvent = z.infer<typeof referenceEventSchema>;
export type SunlightEvent = z.infer<typeof sunlightEventSchema>;
export type CaseEventType = CaseEvent['type'];
export type ReferenceEventType = ReferenceEvent['type'];
export type SunlightEventType = SunlightEvent['type'];
/** The event of one type, e.g. `EventOf<'CaseAccepted'>`. */
export type EventOf<T extends SunlightEventType> = Extract<SunlightEvent, { type: T }>;

const typeOf = <S extends { shape: { type: z.ZodLiteral<string> } }>(s: S) => s.shape.type.value as S['shape']['type']['value'];

export const caseEventTypes: readonly CaseEventType[] = caseSchemas.map(typeOf);
export const referenceEventTypes: readonly ReferenceEventType[] = referenceSchemas.map(typeOf);
export const sunlightEventTypes: readonly SunlightEventType[] = [...caseEventTypes, ...referenceEventTypes];

const schemasByType = new Map<string, z.ZodType>([...caseSchemas, ...referenceSchemas].map((s) => [typeOf(s), s]));
const caseTypeSet = new Set<string>(caseEventTypes);

/** The schema of one event type, or undefined when the type is unknown (the caller lists `sunlightEventTypes`). */
export function schemaForType(type: string): z.ZodType | undefined {
  return schemasByType.get(type);
}

export function isCaseEvent(event: SunlightEvent): event is CaseEvent {
  return caseTypeSet.has(event.type);
}

export const caseStream = (caseId: string): string => `case-${caseId}`;
export const matterStream = (matterCode: string): string => `matter-${matterCode}`;
export const departmentStream = (uscc: string): string => `dept-${uscc}`;
export const windowStream = (windowId: string): string => `window-${windowId}`;
export const calendarStream = (year: number): string => `calendar-${year}`;

/** The stream an event belongs to. Every stream name in the system is built here. */
export function streamFor(event: SunlightEvent): string {
  if (isCaseEvent(event)) return caseStream(event.caseId);
  switch (event.type) {
    case 'MatterVersionPublished':
      return matterStream(event.payload.matterCode);
    case 'DepartmentRegistered':
      return departmentStream(event.payload.code);
    case 'WindowRegistered':
      return windowStream(event.payload.windowId);
    case 'CalendarPublished':
      return calendarStream(event.payload.year);
    default:
      return unreachable(event);
  }
}

function unreachable(event: never): never {
  throw new Error(`no stream for event type ${(event as { type: string }).type}`);
}
