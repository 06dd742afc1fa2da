import type { CaseEvent, CaseEventType, EventOf } from '../../domain/events/catalogue.ts';
import type { County, SimDepartment } from './county.ts';
import type { SimMatter } from './county-matters.ts';
import type { EventIds } from './ids.ts';
import type { Ledger } from './ledger.ts';
import type { Rng } from './rng.ts';
import { CLOSE, DAY_END, epochMs, formatInstant, OPEN, type Workdays } from './time.ts';

export type Actor = CaseEvent['actor'];
export type Channel = CaseEvent['channel'];

export interface CaseSetup {
  caseId: string;
  caseIndex: number;
  /** Added to event numbers, so a follow-up case of the same index gets its own ids. */
  eventNoBase: number;
  matter: SimMatter;
  dept: SimDepartment;
  channel: Channel;
  windowId: string | undefined;
}

/**
 * Appends one case's events in sequence order while moving a business-time cursor forward.
 * Envelope objects share the department and matter fields, and every event has the same
 * property order, so a million cases stay cheap to build and serialise identically.
 */
export class CaseBuilder {
  readonly events: CaseEvent[] = [];
  /** Epoch ms of each event's business time, in sequence order. */
  readonly times: number[] = [];
  ord: number;
  sec: number;
  private readonly deptRef: CaseEvent['dept'];
  /** One actor object per role and case: events share it, and it is serialised once (event-json.ts). */
  private readonly actors = new Map<string, Actor>();

  constructor(
    readonly setup: CaseSetup,
    readonly rng: Rng,
    readonly workdays: Workdays,
    readonly ids: EventIds,
    readonly county: County,
    readonly ledger: Ledger,
    start: { ord: number; sec: number },
  ) {
    this.ord = start.ord;
    this.sec = start.sec;
    this.deptRef = { code: setup.dept.code, name: setup.dept.name };
  }

  emit<T extends CaseEventType>(type: T, payload: EventOf<T>['payload'], actor: Actor, at?: { windowId?: string | undefined; sourceSystem?: string }): EventOf<T> {
    const n = this.events.length;
    const event = {
      eventId: this.ids.id(this.setup.caseIndex, this.setup.eventNoBase + n),
      caseId: this.setup.caseId,
      seq: n + 1,
      occurredAt: formatInstant(this.workdays.date(this.ord), this.sec),
      matterCode: this.setup.matter.version.matterCode,
      matterVersion: 1,
      dept: this.deptRef,
      windowId: at?.windowId,
      divisionCode: this.setup.dept.divisionCode,
      channel: this.setup.channel,
      sourceSystem: at?.sourceSystem ?? (type === 'CaseSubmitted' && this.setup.channel !== 'window' ? 'bl-zwfw' : 'bl-approval'),
      actor,
      dataVersion: 1,
      type,
      payload,
    } as EventOf<T>;
    this.events.push(event);
    this.times.push(epochMs(this.workdays.dayNumber(this.ord), this.sec));
    return event;
  }

  /** Re-dates an event already built (a record dated differently from when it was reported). */
  retime(event: CaseEvent, ord: number, sec: number): void {
    event.occurredAt = formatInstant(this.workdays.date(ord), sec);
    this.times[event.seq - 1] = epochMs(this.workdays.dayNumber(ord), sec);
  }

  /** Later the same day, clamped to the end of the working day so the order never reverses. */
  minutesLater(min: number, max: number): this {
    this.sec = Math.min(DAY_END, this.sec + this.rng.int(min * 60, max * 60));
    return this;
  }

  secondsLater(min: number, max: number): this {
    this.sec = Math.min(DAY_END, this.sec + this.rng.int(min, max));
    return this;
  }

  /** `days` working days later at a random office-hours time, or a little later today when 0. */
  daysLater(days: number, latest = CLOSE - 3600): this {
    if (days <= 0) return this.minutesLater(2, 40);
    this.ord += days;
    // Not before 08:35: a correction that moves an event a few minutes earlier stays in office hours.
    this.sec = this.rng.int(OPEN + 300, latest);
    return this;
  }

  /** The staff member of a role in this case's department, fixed per case so one person handles one step. */
  staff(role: 'handler' | 'reviewer' | 'approver'): Actor {
    let actor = this.actors.get(role);
    if (actor === undefined) {
      const pool = role === 'handler' ? this.setup.dept.handlers : role === 'reviewer' ? this.setup.dept.reviewers : this.setup.dept.approvers;
      const s = pool[this.setup.caseIndex % pool.length]!;
      this.actors.set(role, (actor = { name: s.name, staffNo: s.staffNo, role }));
    }
    return actor;
  }

  get date(): string {
    return this.workdays.date(this.ord);
  }

  get instant(): string {
    return formatInstant(this.workdays.date(this.ord), this.sec);
  }

  last(): CaseEvent {
    return this.events[this.events.length - 1]!;
  }
}
