import { stat } from 'node:fs/promises';
import { readCsvTraces } from './csv-reader.ts';
import { ImportError, type LogTrace } from './log.ts';
import type { Mapping } from './mapping.ts';
import type { ImportSink } from './sink.ts';
import { createStaging, type StagedCase, type Staging } from './staging.ts';
import { traceToCase, type ImportedCase } from './to-events.ts';
import { readXesTraces } from './xes-reader.ts';

export type LogFormat = 'xes' | 'csv';

export type Progress = { phase: 'read'; bytes: number; totalBytes: number } | { phase: 'append'; events: number; totalEvents: number };

export interface ImportRequest {
  path: string;
  format: LogFormat;
  mapping: Mapping;
  /** Omit for a dry run: the whole log is read and validated, nothing is appended. */
  sink?: ImportSink;
  onProgress?: (progress: Progress) => void;
}

export interface ImportSummary {
  traces: number;
  /** Events of the log that became case events. */
  logEvents: number;
  /** Case events made, including those made from trace attributes. */
  events: number;
  appended: number;
  duplicates: number;
  first: string | null;
  last: string | null;
}

/**
 * Reads and validates the whole log before appending anything: a malformed trace anywhere stops
 * the import with nothing stored. Then the cases are appended, in one atomic append when the sink
 * takes them all (see DIRECT_MAX_EVENTS for larger logs).
 */
export async function importLog(request: ImportRequest): Promise<ImportSummary> {
  const staging = await createStaging();
  try {
    const summary = await stage(request, staging);
    if (request.sink) Object.assign(summary, await appendStaged(staging, request.sink, summary.events, request.onProgress));
    return summary;
  } finally {
    await staging.dispose();
  }
}

async function stage({ path, format, mapping, onProgress }: ImportRequest, staging: Staging): Promise<ImportSummary> {
  const totalBytes = (await stat(path).catch(() => ({ size: 0 }))).size;
  const onBytes = onProgress && ((bytes: number) => onProgress({ phase: 'read', bytes, totalBytes }));
  const traces: AsyncIterable<LogTrace> =
    format === 'xes' ? readXesTraces(path, onBytes) : readCsvTraces(path, { caseColumn: mapping.case.id, delimiter: mapping.csv.delimiter }, onBytes);
  const summary: ImportSummary = { traces: 0, logEvents: 0, events: 0, appended: 0, duplicates: 0, first: null, last: null };
  const seen = new Map<string, number>();
  for await (const trace of traces) {
    const imported = traceToCase(trace, mapping);
    const earlier = seen.get(imported.caseId);
    if (earlier !== undefined) throw new ImportError(`case id ${imported.caseId} was already used by the trace from line ${earlier}`, { line: trace.line });
    seen.set(imported.caseId, trace.line);
    count(summary, imported);
    const streamId = imported.events[0]?.streamId;
    if (streamId) await staging.add({ streamId, events: imported.events });
  }
  return summary;
}

function count(summary: ImportSummary, c: ImportedCase): void {
  summary.traces++;
  summary.logEvents += c.logEvents;
  summary.events += c.events.length;
  if (c.first && (summary.first === null || Date.parse(c.first) < Date.parse(summary.first))) summary.first = c.first;
  if (c.last && (summary.last === null || Date.parse(c.last) > Date.parse(summary.last))) summary.last = c.last;
}

async function appendStaged(staging: Staging, sink: ImportSink, totalEvents: number, onProgress: ImportRequest['onProgress']) {
  const outcome = { appended: 0, duplicates: 0 };
  let batch: StagedCase[] = [];
  let size = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const r = await sink.append(batch);
    outcome.appended += r.appended;
    outcome.duplicates += r.duplicates;
    onProgress?.({ phase: 'append', events: outcome.appended + outcome.duplicates, totalEvents });
    batch = [];
    size = 0;
  };
  for await (const staged of staging.read()) {
    if (size > 0 && size + staged.events.length > sink.maxEventsPerAppend) await flush();
    batch.push(staged);
    size += staged.events.length;
  }
  await flush();
  return outcome;
}
