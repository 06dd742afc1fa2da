import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { loadMapping } from './mapping.ts';
import { progressBar } from './progress-bar.ts';
import { importLog, type ImportSummary, type LogFormat } from './run-import.ts';
import { openSink, type ImportSink } from './sink.ts';

const USAGE = `usage: sunlight import xes FILE --mapping FILE [--to URL --token TOKEN] [--dry-run]
       sunlight import csv FILE --mapping FILE [--to URL --token TOKEN] [--dry-run]

FILE may be gzipped. The mapping (JSON; see infra/import/mappings/) names the case id, activity and
timestamp attributes or columns and turns activities into event types. The whole log is validated
before anything is appended; a malformed trace stops the import with nothing stored.
Without --to, events go straight to the data directory's event store (SUNLIGHT_DATA_DIR), which
is refused while a server runs on it; --to sends them to that server's POST /v1/events instead.
--dry-run reads and validates only. Importing the same log again appends nothing (same event ids).
`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommand(args);
  if (typeof parsed === 'number') return parsed;
  const started = performance.now();
  const bar = progressBar();
  let sink: ImportSink | undefined;
  let appending = false;
  try {
    const mapping = await loadMapping(parsed.mapping);
    sink = parsed.dryRun ? undefined : await openSink(loadConfig(), { to: parsed.to, token: parsed.token });
    const result = await importLog({
      path: parsed.file, format: parsed.format, mapping, ...(sink && { sink }),
      onProgress: (p) => ((appending ||= p.phase === 'append'), bar.update(p)),
    });
    bar.stop();
    process.stdout.write(report(parsed.file, result, sink?.target ?? null, performance.now() - started));
    return 0;
  } catch (error) {
    bar.stop();
    const outcome = appending
      ? 'Some batches may be stored; run the same import again to store the rest (stored events come back as duplicates).'
      : 'Nothing was imported.';
    process.stderr.write(`import failed: ${error instanceof Error ? error.message : String(error)}\n${outcome}\n`);
    return 1;
  } finally {
    await sink?.close();
  }
}

const OPTIONS = {
  mapping: { type: 'string' },
  to: { type: 'string' },
  token: { type: 'string' },
  'dry-run': { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

type Parsed = { format: LogFormat; file: string; mapping: string; to?: string; token?: string; dryRun: boolean };

function parseCommand(args: string[]): Parsed | number {
  let values, positionals;
  try {
    ({ values, positionals } = parseArgs({ args, allowPositionals: true, options: OPTIONS }));
  } catch (error) {
    return (process.stderr.write(`${(error as Error).message}\n\n${USAGE}`), 2);
  }
  if (values.help) return (process.stdout.write(USAGE), 0);
  const [format, file, ...rest] = positionals;
  if ((format !== 'xes' && format !== 'csv') || !file || !values.mapping || rest.length > 0) return (process.stderr.write(USAGE), 2);
  return { format, file, mapping: values.mapping, to: values.to, token: values.token, dryRun: values['dry-run'] ?? false };
}

function report(file: string, s: ImportSummary, target: string | null, ms: number): string {
  const n = (x: number) => x.toLocaleString('en');
  const made = s.events - s.logEvents;
  const rows: [string, string][] = [
    ['traces', n(s.traces)],
    ['log events', n(s.logEvents)],
    ['case events', `${n(s.events)}${made > 0 ? ` (${n(made)} made from trace attributes)` : ''}`],
    ...(target ? ([['appended', n(s.appended)], ['duplicates', n(s.duplicates)]] as [string, string][]) : []),
    ['first', s.first ?? '-'],
    ['last', s.last ?? '-'],
    ['took', `${(ms / 1000).toFixed(1)} s`],
  ];
  const head = target ? `imported ${basename(file)} into ${target}` : `checked ${basename(file)} (dry run: nothing appended)`;
  return `${head}\n${rows.map(([k, v]) => `  ${k.padEnd(12)} ${v}`).join('\n')}\n`;
}
