import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, defaultCalendar } from '../calendar/index.ts';
import { aCaseAcceptedOn, aMatter, clockOf, type CaseScenario } from '../../test/builders/clock-scenarios.ts';
import type { ClockConfig } from './index.ts';

const cal = defaultCalendar();

interface Pause { kind: 'supplement' | 'suspension' | 'special'; start: number; length: number }
interface Story {
  accepted: number;
  hour: number;
  limit: number;
  unit: 'working-days' | 'calendar-days';
  pauses: Pause[];
  extension: { at: number; days: number } | null;
  concluded: number | null;
}

const pause = fc.record({ kind: fc.constantFrom('supplement', 'suspension', 'special'), start: fc.integer({ min: 0, max: 40 }), length: fc.integer({ min: 0, max: 15 }) }) as fc.Arbitrary<Pause>;
const story: fc.Arbitrary<Story> = fc.record({
  accepted: fc.integer({ min: 0, max: 360 }), // any day of 2026, holidays and make-up days included
  hour: fc.integer({ min: 7, max: 19 }),
  limit: fc.integer({ min: 1, max: 25 }),
  unit: fc.constantFrom('working-days', 'working-days', 'calendar-days'),
  // One of each kind: two open supplements (or suspensions) at once are an anomaly, not two pauses.
  pauses: fc.uniqueArray(pause, { selector: (p) => p.kind, maxLength: 3 }),
  extension: fc.option(fc.record({ at: fc.integer({ min: 0, max: 40 }), days: fc.integer({ min: 1, max: 15 }) }), { nil: null }),
  concluded: fc.option(fc.integer({ min: 0, max: 80 }), { nil: null }),
});
const modes: fc.Arbitrary<Partial<ClockConfig>> = fc.constantFrom(
  {},
  { supplementMode: 'restart' },
  { granularity: { mode: 'office-hours', open: '08:30', close: '17:30' } },
  { yellow: { mode: 'share-used', share: 0.8 } },
);

const day = (s: Story, offset: number): string => addDays('2026-01-01', s.accepted + offset);
const at = (s: Story, offset: number): string => `${day(s, offset)}T${String(s.hour).padStart(2, '0')}:15:00+08:00`;

function tell(s: Story, pauses: Pause[] = s.pauses): CaseScenario {
  const c = aCaseAcceptedOn(at(s, 0), s.limit);
  pauses.forEach((p, i) => {
    if (p.kind === 'supplement') c.supplementRequested(at(s, p.start)).supplementReceived(at(s, p.start + p.length));
    if (p.kind === 'suspension') c.suspended(at(s, p.start)).resumed(at(s, p.start + p.length));
    if (p.kind === 'special') c.specialProcedureStarted(at(s, p.start), 5, i + 1).specialProcedureEnded(at(s, p.start + p.length), i + 1);
  });
  if (s.extension) c.extension(at(s, s.extension.at), s.extension.days);
  if (s.concluded !== null) c.concluded(at(s, s.concluded));
  return c;
}
const matterOf = (s: Story) => aMatter({ promised: s.limit, statutory: s.limit + 10, unit: s.unit, steps: [] });
const clock = (s: Story, config: Partial<ClockConfig>, pauses?: Pause[]) => clockOf(tell(s, pauses), { matter: matterOf(s), config });

describe('clock properties', () => {
  it('a pause never makes a due date earlier', () => {
    fc.assert(
      fc.property(story, modes, (s, config) => {
        const open = { ...s, concluded: null };
        const fewer = clock(open, config, s.pauses.slice(0, -1)).promised!;
        const more = clock(open, config).promised!;
        if (fewer.dueDate && more.dueDate) expect(more.dueDate >= fewer.dueDate).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('permuting the input order of the events never changes the clock', () => {
    fc.assert(
      fc.property(story, modes, fc.array(fc.double({ noNaN: true }), { minLength: 16, maxLength: 16 }), (s, config, keys) => {
        const events = tell(s).events();
        const shuffled = events.map((e, i) => [keys[i % keys.length]! + i * 1e-9, e] as const).sort((a, b) => a[0] - b[0]).map(([, e]) => e);
        expect(clockOf(shuffled, { matter: matterOf(s), config })).toEqual(clockOf(events, { matter: matterOf(s), config }));
      }),
      { numRuns: 200 },
    );
  });

  it('for a commitment case, used ≤ limit exactly when it is classified early or on time', () => {
    fc.assert(
      fc.property(story, modes, (s, config) => {
        const c = clock({ ...s, unit: 'working-days' }, config);
        for (const t of [c.promised, c.statutory]) {
          if (t?.usedDays == null || t.classification === null) continue;
          expect(t.usedDays <= t.limit).toBe(t.classification === 'early' || t.classification === 'on-time');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a due date is always a working day, and yellow never comes after red', () => {
    fc.assert(
      fc.property(story, modes, (s, config) => {
        const c = clock(s, config);
        for (const t of [c.promised, c.statutory]) {
          if (!t?.dueDate) continue;
          expect(cal.isWorkingDay(t.dueDate)).toBe(true);
          if (t.warnAt) expect(Date.parse(t.warnAt)).toBeLessThanOrEqual(Date.parse(t.overdueAt!));
        }
      }),
      { numRuns: 300 },
    );
  });
});
