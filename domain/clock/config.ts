import { z } from 'zod';
import { DEFAULT_TIME_ZONE } from '../calendar/index.ts';
import { isTimeZone } from '../calendar/time-zone.ts';

/** Yellow (预警) trigger, domain.md §3.3 [PROPOSED]. */
export type YellowRule = { mode: 'working-days-left'; days: number } | { mode: 'share-used'; share: number };

/** Counting by whole days, or by office time with any partial overrun rounded up to a day (S27). */
export type Granularity = { mode: 'day' } | { mode: 'office-hours'; open: string; close: string };

/** Every field is [PROPOSED] in domain.md and belongs to the deployment's configuration. */
export interface ClockConfig {
  /** Zone whose civil dates the case's days are (architecture.md: never the server process's zone). */
  timeZone: string;
  /** §3.3: at most Y working days left (S16: one day before expiry), or a share of the limit used. */
  yellow: YellowRule;
  /** Supplement after acceptance: pause the clock (S26) or restart the whole limit when it arrives (S28). */
  supplementMode: 'pause' | 'restart';
  /** §3.2 step 10. Office hours are 'HH:MM' local time. */
  granularity: Granularity;
  /** ALL Art. 32: an acceptance decision is due within 5 (working) days of receipt. */
  deemedAcceptanceDays: number;
  /** ALL Art. 42: +10 days with the agency head's approval, +15 for joint handling. */
  extensionMax: { normal: number; joint: number };
  /** IR07: a suspension longer than this is flagged (P: 30 working days). */
  suspensionMaxDays: number;
}

export const defaultClockConfig: ClockConfig = Object.freeze({
  timeZone: DEFAULT_TIME_ZONE,
  yellow: Object.freeze({ mode: 'working-days-left', days: 1 }),
  supplementMode: 'pause',
  granularity: Object.freeze({ mode: 'day' }),
  deemedAcceptanceDays: 5,
  extensionMax: Object.freeze({ normal: 10, joint: 15 }),
  suspensionMaxDays: 30,
}) as ClockConfig;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time written HH:MM, e.g. 08:30');
const days = z.number().int('must be a whole number of days').nonnegative('must not be negative');


/** For the configuration reader: parses a deployment's clock settings, defaults filled in. */
export const clockConfigSchema = z.object({
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone, e.g. Asia/Shanghai').default(DEFAULT_TIME_ZONE),
  yellow: z
    .discriminatedUnion('mode', [
      z.object({ mode: z.literal('working-days-left'), days }),
      z.object({ mode: z.literal('share-used'), share: z.number().gt(0).lte(1) }),
    ])
    .default({ mode: 'working-days-left', days: 1 }),
  supplementMode: z.enum(['pause', 'restart']).default('pause'),
  granularity: z
    .discriminatedUnion('mode', [
      z.object({ mode: z.literal('day') }),
      z
        .object({ mode: z.literal('office-hours'), open: hhmm, close: hhmm })
        .refine((g) => g.open < g.close, { message: 'office hours must close after they open', path: ['close'] }),
    ])
    .default({ mode: 'day' }),
  deemedAcceptanceDays: days.default(5),
  extensionMax: z.object({ normal: days, joint: days }).default({ normal: 10, joint: 15 }),
  suspensionMaxDays: days.default(30),
}) satisfies z.ZodType<ClockConfig, unknown>;

/** Minutes after local midnight of an 'HH:MM' time. */
export function minutesOfDay(hhmmText: string): number {
  return Number(hhmmText.slice(0, 2)) * 60 + Number(hhmmText.slice(3, 5));
}
