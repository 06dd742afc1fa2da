import { publishedCalendars, WorkingCalendar, type YearCalendar } from '../../domain/calendar/index.ts';
import type { MatterVersion } from '../../domain/events/reference/matter-version-published.ts';
import type { EventStore, RecordedEvent } from '../../infra/event-store/port.ts';

const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/**
 * Catalogue versions and calendars as of a position in the log. Filtering by position keeps a
 * case's clock a function of the log up to that case's own event, so the live projection and a
 * rebuild compute the same row however their batches are cut.
 */
export class ReferenceData {
  private readonly matters = new Map<string, { position: bigint; matter: MatterVersion }[]>();
  private calendars: { position: bigint; calendar: YearCalendar }[] | undefined;
  private readonly built = new Map<string, WorkingCalendar>();
  private readonly byCount = new Map<number, WorkingCalendar>();

  constructor(private readonly store: EventStore) {}

  /** Reference events of a batch invalidate what they change. */
  observe(batch: readonly RecordedEvent[]): void {
    for (const e of batch) {
      if (e.type === 'MatterVersionPublished') this.matters.delete(e.streamId.slice('matter-'.length));
      if (e.type === 'CalendarPublished' && this.calendars) {
        this.calendars.push({ position: e.position, calendar: (e.data as { payload: YearCalendar }).payload });
        this.byCount.clear();
      }
    }
  }

  async matterVersions(code: string, upTo: bigint): Promise<MatterVersion[]> {
    let versions = this.matters.get(code);
    if (!versions) {
      const stored = await this.store.readStream(`matter-${code}`);
      versions = stored.map((e) => ({ position: e.position, matter: (e.data as { payload: MatterVersion }).payload }));
      this.matters.set(code, versions);
    }
    return versions.filter((v) => v.position <= upTo).map((v) => v.matter);
  }

  /** The shipped calendars, each year replaced by the newest CalendarPublished at or before `upTo`. */
  async calendarAt(upTo: bigint): Promise<WorkingCalendar> {
    this.calendars ??= await this.loadCalendars();
    // Which published calendars count depends only on how many lie at or before `upTo`: asked for
    // every case, the answer is kept per count until a calendar is published.
    let count = 0;
    for (const c of this.calendars) if (c.position <= upTo) count++;
    let atCount = this.byCount.get(count);
    if (!atCount) this.byCount.set(count, (atCount = this.assemble(upTo)));
    return atCount;
  }

  private assemble(upTo: bigint): WorkingCalendar {
    const calendars = this.calendars!;
    const byYear = new Map<number, { position: bigint; calendar: YearCalendar }>();
    for (const c of publishedCalendars) byYear.set(c.year, { position: -1n, calendar: c });
    for (const c of calendars) if (c.position <= upTo && c.position > (byYear.get(c.calendar.year)?.position ?? -2n)) byYear.set(c.calendar.year, c);
    const key = [...byYear.values()].map((c) => `${c.calendar.year}@${c.position}`).sort().join(',');
    let calendar = this.built.get(key);
    if (!calendar) this.built.set(key, (calendar = new WorkingCalendar([...byYear.values()].map((c) => c.calendar))));
    return calendar;
  }

  private async loadCalendars(): Promise<{ position: bigint; calendar: YearCalendar }[]> {
    const out: { position: bigint; calendar: YearCalendar }[] = [];
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      for (const e of await this.store.readStream(`calendar-${year}`)) out.push({ position: e.position, calendar: (e.data as { payload: YearCalendar }).payload });
    }
    return out;
  }
}
