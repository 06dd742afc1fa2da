import { availableParallelism } from 'node:os';
import { writeFileSync } from 'node:fs';
import type { ClickHouse } from '../../infra/clickhouse/client.ts';
import { columnsOf, insertFile, insertFileName, tsvBody } from '../../infra/clickhouse/insert.ts';
import type { EventStore } from '../../infra/event-store/port.ts';
import { allTables, projections } from '../../projections/index.ts';
import type { ProjectionServices, TableRows } from '../../projections/projection.ts';
import { HOLD_CASES } from '../../projections/rebuild.ts';
import { PendingStreams } from '../../projections/services/pending-streams.ts';

/**
 * Where a rebuild's CPU goes: each stage run alone, one after the other, over the same log, timed
 * in CPU time of the whole process (chDB's threads included). Their sum per event bounds what any
 * arrangement of the same work can reach on this machine: cores × 1 s / (CPU per event).
 */
export async function rebuildBudget(store: EventStore, ch: ClickHouse, services: ProjectionServices): Promise<void> {
  if (!ch.insertDir) throw new Error('the budget loads insert files: embedded chDB only');
  const stages = ['read and parse the log', 'case clocks and rows', 'events: masking and rows', 'other read models', 'rows as TabSeparated files', 'ClickHouse loads the files'];
  const cpu = new Map<string, number>(stages.map((stage) => [stage, 0]));
  const add = (stage: string, since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since);
    cpu.set(stage, (cpu.get(stage) ?? 0) + used.user + used.system);
  };
  const ends = process.cpuUsage();
  const held: ProjectionServices = { ...services, pendingCases: new PendingStreams(HOLD_CASES, await store.streamEnds?.('case-')) };
  add('case clocks and rows', ends);
  const ctx = { database: ch.database };
  for (const [name, ddl] of Object.entries(allTables(projections))) {
    await ch.client.command({ query: `DROP TABLE IF EXISTS ${name}_budget` });
    await ch.client.command({ query: ddl(ctx, `${name}_budget`) });
  }
  const files: { table: string; file: string }[] = [];
  const serialize = async (rows: TableRows) => {
    const since = process.cpuUsage();
    for (const [table, list] of Object.entries(rows)) {
      if (list.length === 0) continue;
      const file = insertFileName(ch.insertDir!, `${table}_budget`, 'budget');
      writeFileSync(file, tsvBody(await columnsOf(ch, `${table}_budget`), table, list));
      files.push({ table: `${table}_budget`, file });
    }
    add('rows as TabSeparated files', since);
  };

  let events = 0;
  for (let after = -1n; ; ) {
    let since = process.cpuUsage();
    const page = await store.readAll({ after, maxCount: 20_000 });
    add('read and parse the log', since);
    if (page.length === 0) break;
    events += page.length;
    after = page.at(-1)!.position;
    const rows: TableRows = {};
    for (const p of projections) {
      since = process.cpuUsage();
      Object.assign(rows, await p.rows(page, held));
      add(p.name === 'cases' ? 'case clocks and rows' : p.name === 'events' ? 'events: masking and rows' : 'other read models', since);
    }
    await serialize(rows);
  }
  const since = process.cpuUsage();
  const flushed: TableRows = {};
  for (const p of projections) Object.assign(flushed, (await p.flush?.(held)) ?? {});
  add('case clocks and rows', since);
  await serialize(flushed);

  const load = process.cpuUsage();
  for (const { table, file } of files) await insertFile(ch, table, file);
  add('ClickHouse loads the files', load);
  for (const name of Object.keys(allTables(projections))) await ch.client.command({ query: `DROP TABLE IF EXISTS ${name}_budget` });

  const total = [...cpu.values()].reduce((a, b) => a + b, 0);
  const cores = availableParallelism();
  console.log(`rebuild budget: CPU per event of each stage run alone over the same ${events} events`);
  for (const [stage, micros] of cpu) console.log(`  ${stage.padEnd(28)} ${(micros / events).toFixed(1).padStart(6)} µs`);
  console.log(`  ${'in all'.padEnd(28)} ${(total / events).toFixed(1).padStart(6)} µs: on ${cores} cores, at most ${Math.round((cores * 1e6 * events) / total)} events/s however the stages are spread`);
}
