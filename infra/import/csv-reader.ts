import { parseCsv, type CsvRecord } from './csv-parser.ts';
import { ImportError, type LogEvent, type LogTrace, type LogValue } from './log.ts';
import { openText, type OnBytes } from './source.ts';

export interface CsvLogOptions {
  /** Header of the column holding the case id. */
  caseColumn: string;
  delimiter?: string;
}

/**
 * A CSV event log (one row per event, a header row naming the columns) as traces. Rows of one case
 * need not be adjacent, so the rows are grouped before any trace is yielded; each trace keeps its
 * rows in file order, and its attributes are those of its first row. Empty cells are absent values.
 */
export async function* readCsvTraces(path: string, options: CsvLogOptions, onBytes?: OnBytes): AsyncGenerator<LogTrace> {
  yield* parseCsvTraces(await openText(path, onBytes), options);
}

export async function* parseCsvTraces(chunks: AsyncIterable<string> | Iterable<string>, options: CsvLogOptions): AsyncGenerator<LogTrace> {
  const records = parseCsv(chunks, options.delimiter ?? ',');
  const header = (await records.next()).value as CsvRecord | undefined;
  if (!header) throw new ImportError('the CSV file is empty: it needs a header row naming the columns');
  const caseAt = header.fields.indexOf(options.caseColumn);
  if (caseAt < 0) {
    throw new ImportError(`the header has no column "${options.caseColumn}" (the mapping's case id); columns: ${header.fields.join(', ')}`, { line: header.line });
  }
  const traces = new Map<string, LogTrace>();
  for await (const record of records) {
    if (record.fields.length !== header.fields.length) {
      throw new ImportError(`the row has ${record.fields.length} fields but the header names ${header.fields.length}`, { line: record.line });
    }
    const caseId = record.fields[caseAt]!;
    if (caseId.trim() === '') throw new ImportError(`the case id column "${options.caseColumn}" is empty`, { line: record.line, column: caseAt + 1 });
    const event = toEvent(header.fields, record);
    const trace = traces.get(caseId);
    if (trace) trace.events.push(event);
    else traces.set(caseId, { index: traces.size, line: record.line, attributes: event.attributes, events: [event] });
  }
  yield* traces.values();
}

function toEvent(columns: string[], record: CsvRecord): LogEvent {
  const attributes = new Map<string, LogValue>();
  record.fields.forEach((raw, i) => {
    // Column numbers count fields, which is what a spreadsheet user looks for.
    if (raw !== '') attributes.set(columns[i]!, { raw, kind: 'string', line: record.line, column: i + 1 });
  });
  return { attributes, line: record.line };
}
