import { describe, expect, it } from 'vitest';
import { defaultCalendar } from '../calendar/index.ts';
import { endOfWorkingDaysAfter } from './deadlines.ts';
import { aRaisedRed, noAlert, raiseCommand, RAISED_AT, TZ, type AlertScenario } from './scenarios.fixture.ts';

const end = (from: string, n: number) => endOfWorkingDaysAfter(from, n, defaultCalendar(), TZ);
const replyDueOf = (s: AlertScenario) => s.events[0]?.type === 'AlertRaised' && s.events[0].payload.replyDueAt;

describe('given a red raised on Thu 2026-09-24, the eve of the Mid-Autumn holiday (09-25 to 09-27)', () => {
  it('when K = 3, the reply is due by the end of Wed 09-30 (Mon 28, Tue 29, Wed 30): 2026-10-01T00:00+08:00', () => {
    expect(replyDueOf(aRaisedRed())).toBe('2026-10-01T00:00:00+08:00');
  });

  it('when the deployment sets K = 5, the count runs past National Day (10-01 to 10-07) to Fri 10-09', () => {
    expect(replyDueOf(noAlert().then(raiseCommand('red'), RAISED_AT, { replyWorkingDays: 5 }))).toBe('2026-10-10T00:00:00+08:00');
  });

  it('when the raise time is written in UTC, the days are still Beijing days', () => {
    // 16:30Z on 09-23 is 00:30 on 09-24 in Beijing: counted in UTC days the reply would fall due a day early.
    expect(replyDueOf(noAlert().then(raiseCommand('red'), '2026-09-23T16:30:00Z'))).toBe('2026-10-01T00:00:00+08:00');
  });
});

describe('given the Qingming holiday (2026-04-04 to 04-06)', () => {
  it('when a red is raised on Thu 04-02, the reply is due by the end of Wed 04-08 (Fri 03, Tue 07, Wed 08)', () => {
    expect(replyDueOf(noAlert().then(raiseCommand('red'), '2026-04-02T15:00:00+08:00'))).toBe('2026-04-09T00:00:00+08:00');
  });
});

describe('given a red raised on a holiday', () => {
  it('when raised on Sat 09-26, the holiday itself is not counted: Mon 28, Tue 29, Wed 30', () => {
    expect(end('2026-09-26T11:00:00+08:00', 3)).toBe('2026-10-01T00:00:00+08:00');
  });
});

describe('given a supervision notice issued at 00:00 on National Day (2026-10-01)', () => {
  it('when 10 working days are given, they include the Saturday make-up day 10-10 and end on Tue 10-20', () => {
    expect(end('2026-10-01T00:00:00+08:00', 10)).toBe('2026-10-21T00:00:00+08:00');
  });
});
