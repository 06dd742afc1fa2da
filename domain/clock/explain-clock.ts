import type { Axis } from './axis.ts';
import type { YellowRule } from './config.ts';
import type { Presented } from './present-clock.ts';
import { anchorAt, type ClockRun } from './run-clock.ts';
import type { Explanation } from './types.ts';

const line = (figure: string, value: Explanation['value'], how: string): Explanation => ({ figure, value, how });

function opName(axis: Axis): string {
  return axis.granularity === 'office-hours' ? 'addOfficeTime' : axis.unit === 'calendar-days' ? 'addDays' : 'addWD';
}

/** Running stretches between the anchor and `until`, pauses left out. */
function segments(run: ClockRun, until: number): { from: number; to: number; units: number }[] {
  const out: { from: number; to: number; units: number }[] = [];
  let cursor = anchorAt(run, until);
  for (const iv of run.intervals) {
    if (iv.to <= cursor) continue;
    if (iv.from >= until) break;
    if (iv.from > cursor) out.push({ from: cursor, to: iv.from, units: run.axis.count(cursor, iv.from) });
    cursor = iv.to;
    if (cursor >= until) return out;
  }
  if (until > cursor) out.push({ from: cursor, to: until, units: run.axis.count(cursor, until) });
  return out;
}

/** How each figure of one clock was obtained, in the order a supervisor would check them. */
export function explainClock(name: string, run: ClockRun, p: Presented, limitHow: string, yellow: YellowRule): Explanation[] {
  const { axis } = run;
  const c = p.clock;
  const extended = c.extensionDays ? ` + ${c.extensionDays} days of approved extension (ALL Art. 42) = ${c.limit}` : '';
  const out: Explanation[] = [line(`${name}.limit`, c.limit, `${c.baseLimit}${extended}: ${limitHow}`)];
  out.push(line(`${name}.start`, c.startedOn, axis.granularity === 'day' ? `counting starts after ${axis.label(run.start)}; the start day is not counted (Civil Code Art. 201)` : `office time counts from ${axis.label(run.start)} (§3.2 step 10, S27)`));
  if (c.state === 'pending') out.push(line(`${name}.pending`, p.notBefore, `no acceptance decision yet: these figures apply if acceptance is deemed, and no signal comes before ${p.notBefore} (ALL Art. 32)`));
  let cursor = run.start;
  for (const [i, iv] of run.intervals.entries()) {
    const pause = c.pauses[i]!;
    if (iv.from > cursor) out.push(line(`${name}.consumed`, run.axis.count(cursor, iv.from) / axis.perDay, `consumed ${axis.describe(axis.count(cursor, iv.from))} ${axis.label(cursor)}→${axis.label(iv.from)} before the ${pause.kinds.join(' + ')} pause`));
    const excluded = pause.excludedDays === null ? 'still open' : `${axis.describe(pause.excludedDays * axis.perDay)} excluded`;
    out.push(line(`${name}.pause`, pause.excludedDays, `paused ${pause.from}→${pause.to ?? '(open)'} (${pause.kinds.join(' + ')}, ${excluded}; events ${pause.eventIds.join(', ')})${pause.sources.length > 1 ? ': overlapping pauses merged (§3.2 step 3)' : ''}`));
    if (iv.restart) out.push(line(`${name}.restart`, pause.to, 'supplements received: the whole limit starts again from that day (supplementMode restart, S28)'));
    cursor = Math.max(cursor, iv.to);
  }
  for (const ig of c.ignoredPauses) out.push(line(`${name}.pause`, 0, `not excluded: ${ig.source.kind} ${ig.source.from}→${ig.source.to ?? '(open)'} ${ig.reason}`));
  for (const x of c.extensions) out.push(line(`${name}.extension`, x.grantedDays, `special procedure ${x.procedureNo} (延长审批) on ${x.requestedOn} asked ${x.requestedDays} days, ${x.grantedDays} applied${x.refusedReason ? `: ${x.refusedReason}` : ''}`));
  out.push(...explainDeadlines(name, run, p, yellow));
  return out;
}

function warnHow(c: Presented['clock'], yellow: YellowRule): string {
  if (!c.warnAt) return c.limit < 1 ? 'no yellow: a limit of 0 leaves no day to warn on (§3.3)' : 'no yellow while the clock is paused';
  if (yellow.mode === 'share-used') return `yellow from ${c.warnAt}: ${yellow.share * 100}% of the limit used by ${c.warnDate} (§3.3, share option)`;
  const left = Math.min(yellow.days, c.limit - 1);
  return `yellow from ${c.warnAt}: on ${c.warnDate} at most ${left} of the ${c.limit} days remain before the due date ${c.dueDate} (§3.3: ≤ min(Y = ${yellow.days}, limit − 1), S16)`;
}

function explainDeadlines(name: string, run: ClockRun, p: Presented, yellow: YellowRule): Explanation[] {
  const { axis } = run;
  const c = p.clock;
  const out: Explanation[] = [];
  if ('pausedAt' in p.due) {
    out.push(line(`${name}.dueDate`, null, `no due date while paused since ${axis.label(p.due.pausedAt)}; ${axis.describe(p.due.rest)} remain (§3.2 step 4)`));
  } else {
    const rolled = c.graceDays ? `; ${axis.label(p.dueRaw!)} is a rest day, so the period ends on the next working day (Civil Code Art. 203)` : '';
    out.push(line(`${name}.dueDate`, c.dueDate, `due = ${opName(axis)}(${axis.label(p.due.from)}, ${axis.describe(p.due.rest)}) = ${axis.label(p.dueRaw!)}${rolled}`));
    out.push(line(`${name}.overdueAt`, c.overdueAt, axis.granularity === 'day' ? 'red once the due date has passed: its 24:00, i.e. 00:00 of the next calendar day (§3.2 step 6, Civil Code Art. 203)' : 'red once the office time of the limit is used up (§3.2 step 10, S27)'));
  }
  out.push(line(`${name}.warnAt`, c.warnAt, warnHow(c, yellow)));
  if (run.stop !== null) {
    const parts = segments(run, run.stop);
    const sum = parts.map((s) => `${axis.describe(s.units)} ${axis.label(s.from)}→${axis.label(s.to)}`).join(' + ') || axis.describe(0);
    const rule = c.classification === 'instant' || (c.classification === 'overdue' && c.limit === 0) ? 'instant case: 即办 only if concluded on the acceptance date (§3.2 step 7, S26)' : 'early if used < limit, on time if equal, overdue if more (§3.2 step 7, S26)';
    const total = parts.reduce((n, s) => n + s.units, 0);
    const rounded = axis.perDay === 1 ? '' : ` = ${axis.describe(total)}, rounded up to whole office days (S27)`;
    out.push(line(`${name}.usedDays`, c.usedDays, `stopped on ${c.stoppedOn}: used ${sum}${rounded} = ${c.usedDays} of ${c.limit}${c.graceDays ? ` (+${c.graceDays} rest days, Art. 203)` : ''}`));
    out.push(line(`${name}.classification`, c.classification, `${rule}; overrun ${c.overrunDays}`));
  }
  return out;
}
