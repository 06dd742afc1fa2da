/**
 * npm run bench:alerts — two figures, each printed with the machine:
 *  1. event-to-SSE latency: while a running server ingests BENCH_RATE (default 1,000) clean events/s
 *     (new submissions happening now),
 *     an event that makes a case overdue is posted every half second; the time from its
 *     acknowledgement to the AlertRaised message on the SSE feed. Target p99 < 1 s.
 *  2. one full evaluation of every rule over a simulated county of BENCH_CASES cases (default
 *     100,000; the target is < 2 s at 1,000,000), as a server runs it: the county's log up
 *     to 29 December rebuilt and a first full evaluation filling the verdicts (cold); 30 December
 *     arriving live, each batch judged; that evening's full evaluation from the verdicts (warm),
 *     checked against every rule over every case asked afresh (alerts/verdicts.ts).
 *     Beside it, the scheduled run that evening, as the server runs it every few seconds: from the
 *     verdicts, each time-driven rule asked only about the cases whose wake came.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashToken } from '../../infra/auth/tokens.ts';
import { rules } from '../../alerts/rules/index.ts';
import { fullEvaluationDayAfter } from './full-evaluation.ts';
import { caseEventOf, VALID_DEPT_USCC } from '../builders/case-events.ts';
import { startServer } from '../support/server-process.ts';
import { machineLine } from './machine.ts';

const rate = Number(process.env.BENCH_RATE ?? 1000);
const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const cases = Number(process.env.BENCH_CASES ?? 100_000);

async function eventToSse(): Promise<void> {
  const admin = 'bench-admin-token-00000000000';
  const dept = 'bench-dept-token-000000000000';
  const server = await startServer({
    SUNLIGHT_DATA_DIR: mkdtempSync(join(tmpdir(), 'sunlight-bench-alerts-')), SUNLIGHT_ADMIN_TOKEN: admin, SUNLIGHT_LOG_LEVEL: 'error',
    SUNLIGHT_TOKENS: JSON.stringify([{ name: 'bench', role: 'department', departments: [VALID_DEPT_USCC], sha256: hashToken(dept) }]),
  });
  const post = (body: unknown) => fetch(`${server.url}/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${dept}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  while ((await fetch(`${server.url}/v1/alerts`, { headers: { authorization: `Bearer ${admin}` } })).status !== 200) await new Promise((r) => setTimeout(r, 200));

  const acked = new Map<string, number>();
  let probesSent = 0;
  const latencies: number[] = [];
  const controller = new AbortController();
  const feed = (async () => {
    const res = await fetch(`${server.url}/v1/alerts/feed?level=red`, { headers: { authorization: `Bearer ${admin}` }, signal: controller.signal });
    const reader = res.body!.getReader();
    let text = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      text += new TextDecoder().decode(value);
      let cut: number;
      while ((cut = text.indexOf('\n\n')) >= 0) {
        const block = text.slice(0, cut);
        text = text.slice(cut + 2);
        const data = block.split('\n').find((l) => l.startsWith('data: '));
        if (!block.includes('event: AlertRaised') || !data) continue;
        const caseId = (JSON.parse(data.slice(6)) as { event: { payload: { caseId: string } } }).event.payload.caseId;
        const t = acked.get(caseId);
        // The first red per case counts (CASE-OVERDUE and STATUTORY-OVERDUE may both fire).
        if (t !== undefined) {
          latencies.push(performance.now() - t);
          acked.delete(caseId);
        }
      }
    }
  })();

  // Clean background traffic: new submissions happening now. Replayed old histories would trip the
  // reporting-lag and back-filling rules for every case and measure alert raising, not latency.
  const background = freshSubmissions(rate * seconds, Math.max(1, Math.round(rate / 10)));
  const t0 = performance.now();
  let sent = 0;
  let probes = 0;
  // Batches leave on schedule whatever the answers' pace (up to 50 in flight), so the offered load is the
  // rate asked for, not what a client waiting for each answer would manage.
  const inFlight = new Set<Promise<unknown>>();
  for (const batch of background) {
    const due = t0 + (sent / rate) * 1000;
    if (due > performance.now()) await new Promise((r) => setTimeout(r, due - performance.now()));
    while (inFlight.size >= 50) await Promise.race(inFlight);
    const p = post(batch).then((res) => res.arrayBuffer());
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
    sent += batch.length;
    if (performance.now() - t0 > probes * 500) {
      const caseId = `BENCH-LATE-${probes++}`;
      await post([caseEventOf('CaseSubmitted', caseId, { seq: 1, occurredAt: '2026-02-10T09:00:00+08:00' }), caseEventOf('CaseAccepted', caseId, { seq: 2, occurredAt: '2026-02-10T09:30:00+08:00' })]);
      acked.set(caseId, performance.now());
      probesSent++;
    }
  }
  const offeredFor = (performance.now() - t0) / 1000;
  await Promise.all(inFlight);
  await new Promise((r) => setTimeout(r, 3000));
  controller.abort();
  await feed.catch(() => {});
  await server.stop();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(0) : 'n/a');
  console.log(`event → SSE: ${latencies.length} of ${probesSent} overdue cases alerted under ${(sent / offeredFor).toFixed(0)} background events/s; latency p50 ${q(0.5)} ms, p90 ${q(0.9)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms (target p99 < 1000 ms)`);
}

function* freshSubmissions(total: number, size: number): Generator<unknown[]> {
  for (let made = 0; made < total; ) {
    const batch = [];
    for (let i = 0; i < size && made < total; i++, made++) batch.push(caseEventOf('CaseSubmitted', `BENCH-NEW-${made}`, { seq: 1, occurredAt: new Date().toISOString() }));
    yield batch;
  }
}

async function fullEvaluation(): Promise<void> {
  const f = await fullEvaluationDayAfter(cases, (s) => console.log(`  ${s}`));
  console.log(`full evaluation, every rule over ${f.cases} cases (${f.events} events): ${f.warmMillis} ms from the verdicts (target < 2,000 ms at 1,000,000 cases), ` +
    `after ${f.liveEvents} events of a day judged batch by batch; the first after start, which fills the verdicts, ${f.coldMillis} ms; ` +
    `every rule asked afresh at the same instant ${f.afreshMillis} ms; from the verdicts once the read models are merged (OPTIMIZE FINAL) ${f.mergedMillis} ms. ` +
    `Same ${f.violations} violations found every way: ${f.same ? 'yes' : 'NO'}`);
  console.log(`scheduled run (the ${rules.filter((r) => r.timeDriven).length} time-driven rules, from the verdicts: the cases whose wake came) over the same county, that evening: ${f.scheduledMillis} ms`);
}

console.log(`machine: ${machineLine()}`);
const only = process.env.BENCH_ONLY;
if (!only || only === 'sse') await eventToSse();
if (!only || only === 'evaluation') await fullEvaluation();
