import { fromDayNumber, toDayNumber, type CivilDate } from '../calendar/index.ts';
import { zoneOffsetMs } from '../calendar/zone-offset.ts';

/** An ISO-8601 instant with the deployment zone's offset, e.g. 2026-03-03T00:00:00+08:00. */
export type Instant = string;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export { zoneOffsetMs };

/** The instant at which the zone's wall clock shows `minute` minutes after midnight of `date`. */
export function localToEpochMs(date: CivilDate, minute: number, timeZone: string): number {
  const wall = toDayNumber(date) * DAY_MS + minute * MINUTE_MS;
  const guess = wall - zoneOffsetMs(wall, timeZone);
  return wall - zoneOffsetMs(guess, timeZone);
}

/** The zone's civil day number and the milliseconds since its local midnight. */
export function localPartsOf(ms: number, timeZone: string): { day: number; msOfDay: number } {
  const local = ms + zoneOffsetMs(ms, timeZone);
  const day = Math.floor(local / DAY_MS);
  return { day, msOfDay: local - day * DAY_MS };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `ms` written with the zone's offset, so a supervisor reads the office's own clock time. */
export function formatInstant(ms: number, timeZone: string): Instant {
  const offset = zoneOffsetMs(ms, timeZone);
  const { day, msOfDay } = localPartsOf(ms, timeZone);
  const h = Math.floor(msOfDay / 3_600_000);
  const m = Math.floor((msOfDay % 3_600_000) / MINUTE_MS);
  const s = Math.floor((msOfDay % MINUTE_MS) / 1000);
  const frac = msOfDay % 1000 ? `.${pad(msOfDay % 1000, 3)}` : '';
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset) / MINUTE_MS;
  return `${fromDayNumber(day)}T${pad(h)}:${pad(m)}:${pad(s)}${frac}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** 00:00 local time of `date`. */
export function startOfDay(date: CivilDate, timeZone: string): Instant {
  return formatInstant(localToEpochMs(date, 0, timeZone), timeZone);
}

export function epochMs(instant: Instant): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO-8601 instant: ${JSON.stringify(instant)}`);
  return ms;
}

export function laterInstant(a: Instant, b: Instant): Instant {
  return epochMs(a) >= epochMs(b) ? a : b;
}
