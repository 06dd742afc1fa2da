/**
 * The UTC offset of a time zone at an instant, memoised per quarter hour. Asking Intl for it cost
 * more than all the rest of a case's clock; offsets only change at transitions, and every modern
 * zone's transitions fall on whole quarter hours of UTC (offsets are multiples of 15 minutes), so
 * one answer serves a whole quarter hour. Only local mean time before ~1900 breaks this rule.
 */
const QUARTER_HOUR_MS = 15 * 60_000;
const MAX_ENTRIES = 200_000;
const formatters = new Map<string, Intl.DateTimeFormat>();
const memo = new Map<string, Map<number, number>>();

/** Milliseconds to add to UTC to get the zone's wall clock at `ms`. */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const bucket = Math.floor(ms / QUARTER_HOUR_MS);
  let byBucket = memo.get(timeZone);
  if (!byBucket) memo.set(timeZone, (byBucket = new Map()));
  let offset = byBucket.get(bucket);
  if (offset === undefined) {
    offset = askIntl(bucket * QUARTER_HOUR_MS, timeZone);
    if (byBucket.size >= MAX_ENTRIES) byBucket.clear();
    byBucket.set(bucket, offset);
  }
  return offset;
}

function askIntl(ms: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(ms)) parts[p.type] = Number(p.value);
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) - ms;
}
