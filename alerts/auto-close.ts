import type { AutoCloseReason } from '../domain/alerts/index.ts';
import type { ClickHouse } from '../infra/clickhouse/client.ts';

/**
 * §5: "A yellow auto-closes if the case concludes or pauses before its due date." For each case,
 * the reason its clock's yellow may close now, or nothing when it must stay open. Only a clock's
 * yellows (`clockYellows` of rule.ts) close so: the due date is a clock's; a yellow irregularity
 * (IR04, IR17, RATING-BAD, …) records a fact the conclusion does not undo, and a bad rating comes
 * after the conclusion by nature. Nor could the scheduled run, which evaluates only the
 * time-driven rules, tell an event-driven yellow that still holds from one that cleared.
 */
export async function autoCloseReasons(ch: ClickHouse, caseIds: string[]): Promise<Map<string, AutoCloseReason>> {
  const rows = await (
    await ch.client.query({
      query: `SELECT case_id, status, classification FROM cases FINAL WHERE case_id IN {ids:Array(String)}`,
      query_params: { ids: caseIds },
      format: 'JSONEachRow',
    })
  ).json<{ case_id: string; status: string; classification: string }>();
  const out = new Map<string, AutoCloseReason>();
  for (const r of rows) {
    if (r.status === 'concluded' && ['early', 'on-time', 'instant'].includes(r.classification)) out.set(r.case_id, 'case-concluded-in-time');
    else if (r.status === 'paused') out.set(r.case_id, 'case-paused');
    else if (['withdrawn', 'refused', 'forwarded'].includes(r.status)) out.set(r.case_id, 'condition-cleared');
  }
  return out;
}
