import type { Applicant } from '../../domain/events/case/case-submitted.ts';
import type { CaseEvent } from '../../domain/events/catalogue.ts';
import type { Actor, CaseBuilder } from './case-builder.ts';
import type { SimWindow } from './county.ts';
import type { SimMatter } from './county-matters.ts';
import type { Inject } from './inject-plan.ts';
import type { Label, Ledger, RuleId } from './ledger.ts';
import type { Plan } from './plan.ts';

/** One case being rendered: its builder, plan, injected fault and the ids later stages refer to. */
export interface CaseRun {
  b: CaseBuilder;
  plan: Plan;
  inject: Inject | null;
  matter: SimMatter;
  applicant: Applicant;
  window: SimWindow | undefined;
  ledger: Ledger;
  /** Events later stages point back to (evidence, corrections). */
  marks: Partial<Record<'submitted' | 'accepted' | 'refused' | 'concluded' | 'openPause', CaseEvent>>;
  /** StepStarted of the first step when it was recorded before the acceptance (IR02). */
  earlyStep: CaseEvent | null;
  procedureNo: number;
  /** Actor records shared by the case's events (serialised once, see event-json.ts). */
  actors: { applicant?: Actor; intake?: Actor };
  /** 原申办流水号 of a resubmission (IR19). */
  originalCaseId: string | undefined;
}

export const variantIs = (run: CaseRun, kind: Inject['kind'], variant?: string): boolean =>
  run.inject?.kind === kind && (variant === undefined || run.inject.variant === variant);

export function label(run: CaseRun, rule: RuleId, variant: string, evidence: (CaseEvent | undefined)[]): void {
  const l: Label = { rule, variant, evidenceEventIds: evidence.filter((e) => e !== undefined).map((e) => e!.eventId) };
  run.ledger.labels.push(l);
}

/** The applicant's own actor record (E1, ratings, complaints). */
export function applicantActor(run: CaseRun): Actor {
  return (run.actors.applicant ??= { name: run.applicant.contact?.name ?? run.applicant.name, role: 'applicant' });
}

/** The window clerk who takes the case in, or the handler for online and agency-opened cases. */
export function intakeActor(run: CaseRun): Actor {
  if (!run.window) return run.b.staff('handler');
  const clerk = run.window.clerks[run.b.setup.caseIndex % run.window.clerks.length]!;
  return (run.actors.intake ??= { name: clerk.name, staffNo: clerk.staffNo, role: 'intake' });
}

export const windowAt = (run: CaseRun) => ({ windowId: run.window?.record.windowId });
