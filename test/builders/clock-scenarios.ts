import { defaultCalendar, type WorkingCalendar } from '../../domain/calendar/index.ts';
import { computeCaseClock, defaultClockConfig, type CaseClock, type ClockConfig } from '../../domain/clock/index.ts';
import type { CaseEvent, CaseEventType, EventOf } from '../../domain/events/catalogue.ts';
import type { MatterVersion } from '../../domain/events/reference/matter-version-published.ts';
import { countyDepartments } from '../../domain/seed/county.ts';
import { caseEventOf, type EventOverrides } from './case-events.ts';

/**
 * Cases for the clock, written the way domain.md §8 tells them: "accepted Mon 03-16, supplement
 * notice Fri 03-20, …". A bare date means 10:00 Beijing time that day.
 */
export const CLOCK_MATTER_CODE = 'QH-CLOCK-001';

export const instantOf = (when: string, time = '10:00'): string => (when.length === 10 ? `${when}T${time}:00+08:00` : when);

type StepDef = MatterVersion['steps'][number];
const ROLES: Record<string, { name: string; role: StepDef['role'] }> = {
  S1: { name: '承办', role: 'handler' },
  S2: { name: '审核', role: 'reviewer' },
  S3: { name: '批准', role: 'approver' },
};

export interface MatterOptions {
  promised: number;
  statutory?: number;
  unit?: 'working-days' | 'calendar-days';
  /** Limits of S1 承办, S2 审核, S3 批准, … in order. */
  steps?: number[];
  kind?: MatterVersion['caseKind'];
  joint?: boolean;
  version?: number;
  validFrom?: string;
  validTo?: string;
}

/** A catalogue version of the test matter; statutory defaults to 20 working days (ALL Art. 42). */
export function aMatter(o: MatterOptions): MatterVersion {
  const unit = o.unit ?? 'working-days';
  return {
    matterCode: CLOCK_MATTER_CODE,
    version: o.version ?? 1,
    name: '时限测试事项',
    matterType: '01',
    level: '4',
    deptCode: countyDepartments.land.code,
    statutoryLimit: { value: o.statutory ?? 20, unit },
    promisedLimit: { value: o.promised, unit },
    caseKind: o.kind ?? (o.promised === 0 ? 'instant' : 'commitment'),
    charges: false,
    feeItems: [],
    online: true,
    allowedSpecialProcedures: ['听证', '实地核查', '专家评审'],
    steps: (o.steps ?? []).map((limit, i) => ({ code: `S${i + 1}`, name: ROLES[`S${i + 1}`]?.name ?? `环节${i + 1}`, role: ROLES[`S${i + 1}`]?.role ?? 'other', limitWorkingDays: limit })),
    validFrom: o.validFrom ?? '2025-01-01',
    ...(o.validTo ? { validTo: o.validTo } : {}),
    ...(o.joint ? { jointHandling: true } : {}),
  };
}

/** A case told event by event; events get sequence numbers in the order they are told. */
export class CaseScenario {
  private readonly told: CaseEvent[] = [];

  constructor(
    readonly caseId: string = 'QH-CLOCK-0001',
    readonly matterVersion: number = 1,
  ) {}

  private add<T extends CaseEventType>(type: T, when: string, payload?: EventOverrides<T>['payload']): this {
    const overrides = { seq: this.told.length + 1, occurredAt: instantOf(when), matterCode: CLOCK_MATTER_CODE, matterVersion: this.matterVersion, payload: payload ?? {} } as EventOverrides<T>;
    this.told.push(caseEventOf(type, this.caseId, overrides));
    return this;
  }

  submitted(when: string): this { return this.add('CaseSubmitted', when); }
  accepted(when: string, limit = 10): this { return this.add('CaseAccepted', when, { limit: { value: limit, unit: 'working-days' } }); }
  refused(when: string): this { return this.add('AcceptanceRefused', when); }
  supplementRequested(when: string): this { return this.add('SupplementRequested', when); }
  supplementReceived(when: string): this { return this.add('SupplementReceived', when); }
  suspended(when: string): this { return this.add('CaseSuspended', when); }
  resumed(when: string): this { return this.add('CaseResumed', when); }
  concluded(when: string): this { return this.add('CaseConcluded', when); }
  withdrawn(when: string): this { return this.add('CaseWithdrawn', when); }
  forwarded(when: string): this { return this.add('CaseForwarded', when); }

  /** Special procedure of kind '2' (hearing, inspection…): a pause (ALL Art. 45). */
  specialProcedureStarted(on: string, days = 5, procedureNo = 1): this {
    return this.add('SpecialProcedureStarted', on, { procedureNo, kind: '2', name: '实地核查', limit: { value: days, unit: 'working-days' }, startedOn: on.slice(0, 10) });
  }

  specialProcedureEnded(on: string, procedureNo = 1): this {
    return this.add('SpecialProcedureEnded', on, { procedureNo, endedOn: on.slice(0, 10) });
  }

  /** Special procedure of kind '1' (延长审批): extends the limit (ALL Art. 42). */
  extension(on: string, days: number, procedureNo = 9): this {
    return this.add('SpecialProcedureStarted', on, { procedureNo, kind: '1', name: '延长审批', limit: { value: days, unit: 'working-days' }, startedOn: on.slice(0, 10) });
  }

  stepStarted(code: string, when: string): this {
    return this.add('StepStarted', when, { stepCode: code, stepName: ROLES[code]?.name ?? code, stepNo: Number(code.slice(1)) || 1, role: ROLES[code]?.role ?? 'other' });
  }

  stepCompleted(code: string, when: string): this {
    return this.add('StepCompleted', when, { stepCode: code, stepName: ROLES[code]?.name ?? code, stepNo: Number(code.slice(1)) || 1, role: ROLES[code]?.role ?? 'other', action: 'pass' });
  }

  events(): CaseEvent[] {
    return [...this.told];
  }

  /** The event told at position `i` (0-based), for tests that cite event ids. */
  event<T extends CaseEventType>(i: number, type: T): EventOf<T> {
    const e = this.told[i];
    if (e?.type !== type) throw new Error(`event ${i} is ${e?.type}, not ${type}`);
    return e as EventOf<T>;
  }
}

export const aCase = (caseId?: string): CaseScenario => new CaseScenario(caseId);

/** Submitted and accepted the same day, the commonest start. */
export const aCaseAcceptedOn = (when: string, limit = 10): CaseScenario => aCase().submitted(when).accepted(when, limit);

export interface ClockOptions {
  matter?: MatterVersion | MatterVersion[];
  config?: Partial<ClockConfig>;
  calendar?: WorkingCalendar;
}

export function clockOf(scenario: CaseScenario | CaseEvent[], o: ClockOptions = {}): CaseClock {
  const events = Array.isArray(scenario) ? scenario : scenario.events();
  const caseId = Array.isArray(scenario) ? (scenario[0]?.caseId ?? 'QH-CLOCK-0001') : scenario.caseId;
  const matterVersions = o.matter === undefined ? [] : Array.isArray(o.matter) ? o.matter : [o.matter];
  return computeCaseClock({ caseId, events, matterVersions, calendar: o.calendar ?? defaultCalendar(), config: { ...defaultClockConfig, ...o.config } });
}

/** The explanation entries of one figure, as a supervisor reads them. */
export const howOf = (clock: CaseClock, figure: string): string[] => clock.explanation.filter((e) => e.figure === figure).map((e) => e.how);
