/**
 * Log timestamps → instants with an offset, as our envelope requires. XES dates usually carry an
 * offset (xs:dateTime), CSV exports often do not; a bare local time is read in the mapping's IANA
 * zone, never in the zone of the machine that happens to run the import.
 */

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/** The instant as ISO-8601 with offset, e.g. 2011-10-11T13:45:40.276+02:00; null when not a valid date-time. */
export function toInstant(raw: string, timeZone: string): string | null {
  const m = PATTERN.exec(raw.trim());
  if (!m) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = m;
  if (!validFields(+y!, +mo!, +d!, +h, +mi, +s)) return null;
  const local = `${y}-${mo}-${d}T${h}:${mi}:${s}${frac}`;
  if (zone !== undefined) return `${local}${normaliseOffset(zone)}`;
  const asUtc = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s);
  return `${local}${formatOffset(zoneOffsetAt(asUtc, timeZone))}`;
}

/** True when the text is a date-time an XES <date> may hold (xs:dateTime, offset optional). */
export function isDateTime(raw: string): boolean {
  return toInstant(raw, 'UTC') !== null;
}

function validFields(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
  return new Date(Date.UTC(y, mo - 1, d)).getUTCDate() === d;
}

function normaliseOffset(zone: string): string {
  if (zone === 'Z') return 'Z';
  const digits = zone.slice(1).replace(':', '');
  return `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2, 4) || '00'}`;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Offset (minutes) of the zone for a wall-clock time given as if it were UTC. Two passes settle
 * the offset around a DST change; a time inside a spring-forward gap takes the later offset.
 */
function zoneOffsetAt(wallAsUtc: number, timeZone: string): number {
  const first = offsetOfInstant(wallAsUtc, timeZone);
  return offsetOfInstant(wallAsUtc - first * 60_000, timeZone);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function offsetOfInstant(utc: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    formatters.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(utc)).map((x) => [x.type, x.value]));
  const wall = Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!);
  return Math.round((wall - Math.floor(utc / 1000) * 1000) / 60_000);
}
