import type { ReferenceEvent } from '../../../domain/events/catalogue.ts';
import type { MatterVersion } from '../../../domain/events/reference/matter-version-published.ts';
import type { RuleId } from '../ledger.ts';
import type { SimulatedCase } from '../lifecycle.ts';
import { oracleClock, type OracleClock } from './clock.ts';
import { ir19Refusals, violations } from './rules-b.ts';

export { oracleClock, type OracleClock } from './clock.ts';

/** What the independent checks say about one simulated case, next to what its labels claim. */
export interface Verdict {
  caseId: string;
  labelled: Set<RuleId>;
  found: Set<RuleId>;
  clock: OracleClock | null;
}

/**
 * Runs the rule checks of domain.md §4, written for the tests without the generator's code,
 * over a batch of simulated cases. Only the tests use this module.
 */
export function judge(reference: readonly ReferenceEvent[], cases: readonly SimulatedCase[]): Verdict[] {
  const matters = new Map<string, MatterVersion>();
  for (const e of reference) if (e.type === 'MatterVersionPublished') matters.set(e.payload.matterCode, e.payload);
  const resubmitted = ir19Refusals(cases);
  return cases.map((c) => {
    const matter = matters.get(c.events[0]!.matterCode)!;
    const clock = oracleClock(c.events, matter);
    const found = violations({ events: c.events, sendAt: c.sendAt, matter, clock });
    if (resubmitted.has(c.truth.caseId)) found.add('IR19');
    return { caseId: c.truth.caseId, labelled: new Set(c.truth.labels.map((l) => l.rule)), found, clock };
  });
}
