import type { AcceptanceOutcome } from './acceptance.ts';
import type { ClockConfig } from './config.ts';
import type { MatterChoice } from './matter-version.ts';
import type { CalendarUsed, CaseStatus, Explanation } from './types.ts';

const line = (figure: string, value: Explanation['value'], how: string): Explanation => ({ figure, value, how });

function describeConfig(c: ClockConfig): string {
  const yellow = c.yellow.mode === 'working-days-left' ? `yellow with at most ${c.yellow.days} working day(s) left` : `yellow at ${c.yellow.share * 100}% of the limit used`;
  const grain = c.granularity.mode === 'day' ? 'whole days' : `office hours ${c.granularity.open}–${c.granularity.close}, partial days rounded up`;
  return `${yellow}; supplements after acceptance ${c.supplementMode === 'pause' ? 'pause the clock (S26)' : 'restart the limit (S28)'}; counted in ${grain}; times in ${c.timeZone}`;
}

/** The case-level figures: what was submitted and accepted when, under which catalogue version and calendar. */
export function explainCase(acc: AcceptanceOutcome, matter: MatterChoice, status: CaseStatus, calendar: CalendarUsed | null, config: ClockConfig): Explanation[] {
  const out: Explanation[] = [];
  const s = acc.submitted;
  out.push(line('submittedOn', s?.date ?? null, s ? `CaseSubmitted ${s.eventId} at ${s.at}` : 'no CaseSubmitted among the events'));
  const d = acc.deemed;
  const decision = d.decision ? `${d.decision.type} on ${d.decision.on}${d.decision.late ? ', after the window' : ', within the window'}` : 'no decision yet';
  const window = d.decisionDueOn ? `decision due by ${d.decisionDueOn} (${config.deemedAcceptanceDays} working days after receipt on ${d.receivedOn}); ${decision}` : 'no receipt date: window not checked';
  out.push(line('deemedAcceptance', d.applied, `${d.state}: ${window}${d.state === 'pending' ? `; acceptance is deemed from ${d.deemedAt} if none comes` : ''}`));
  out.push(line('acceptedOn', acc.acceptance?.on ?? null, acc.acceptance?.how ?? (acc.awaitingSupplement ? 'awaiting supplements requested before acceptance: no clock runs (S20)' : acc.endedBefore ? `${acc.endedBefore.event.type} on ${acc.endedBefore.point.date} before acceptance: no clock` : 'not accepted')));
  out.push(line('matter', matter.used.version, matter.used.how));
  out.push(line('kind', matter.kind, matter.kind === 'instant' ? '即办件: handled on the spot, limit 0 (GB/T 39046 A.6, S26)' : '承诺件: handled within the promised limit (GB/T 39046 A.6)'));
  out.push(line('status', status, 'from the last lifecycle event placed by business time (§2.4)'));
  if (calendar) {
    const note = calendar.fallback ? `; ${calendar.fallback.note}` : '; every year has a published State Council calendar';
    out.push(line('calendar', calendar.years.join(', '), `working days ${calendar.from}→${calendar.to} counted with holidays and make-up days (ALL Art. 82)${note}`));
  }
  out.push(line('config', null, describeConfig(config)));
  return out;
}
