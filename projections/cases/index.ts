import { computeCaseClock } from '../../domain/clock/index.ts';
import type { CaseEvent } from '../../domain/events/catalogue.ts';
import type { Projection, ProjectionServices, TableRows } from '../projection.ts';
import { caseRow, stepRow } from './map.ts';
import { casesTable, caseStepsTable } from './tables.ts';

/**
 * Cases and their steps. For every case a batch touches, the clock is recomputed from the case's
 * whole history up to its newest event in the batch, with the catalogue and calendar as of that
 * event: the row depends on the log alone, never on how it was cut into batches. A rebuild holds
 * cases back until their history stops growing (services/pending-streams.ts).
 */
export const casesProjection: Projection = {
  name: 'cases',
  tables: { cases: casesTable, case_steps: caseStepsTable },
  rows: async (batch, services) => {
    services.reference.observe(batch);
    await services.histories.observe(batch, { readBack: !services.pendingCases?.knowsEnds });
    const touched = new Map<string, bigint>();
    for (const e of batch) if (e.streamId.startsWith('case-')) touched.set(e.streamId, e.position);
    return caseRows(services.pendingCases ? services.pendingCases.hold(touched) : touched, services);
  },
  flush: (services) => caseRows(services.pendingCases?.releaseAll() ?? new Map(), services),
};

async function caseRows(cases: ReadonlyMap<string, bigint>, services: ProjectionServices): Promise<TableRows> {
  const out: TableRows = { cases: [], case_steps: [] };
  for (const [streamId, upTo] of cases) {
    const events = (await services.histories.upTo(streamId, upTo)).map((e) => e.data as CaseEvent);
    const latest = events.at(-1)!;
    const clock = computeCaseClock({
      caseId: latest.caseId,
      events,
      matterVersions: await services.reference.matterVersions(latest.matterCode, upTo),
      calendar: await services.reference.calendarAt(upTo),
      config: services.clock,
    });
    out.cases!.push(caseRow(clock, events, upTo));
    for (const step of clock.steps) out.case_steps!.push(stepRow(clock.caseId, latest.dept.code, step, upTo));
    if (services.pendingCases?.ended(streamId, upTo)) services.histories.forget(streamId);
  }
  return out;
}
