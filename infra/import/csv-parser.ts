import { ImportError } from './log.ts';

export interface CsvRecord {
  fields: string[];
  /** 1-based line where the record starts (a quoted field may span lines). */
  line: number;
}

type State = 'start' | 'plain' | 'quoted' | 'quote';

/**
 * RFC 4180 records from text chunks: quoted fields may hold the delimiter, "" and line breaks;
 * CRLF and LF both end a record. A chunk boundary can fall anywhere, so all state lives between
 * chunks. Blank lines are skipped.
 */
export async function* parseCsv(chunks: AsyncIterable<string> | Iterable<string>, delimiter = ','): AsyncGenerator<CsvRecord> {
  let state: State = 'start';
  let field = '';
  let fields: string[] = [];
  let line = 1;
  let column = 0;
  let recordLine = 1;
  let quoteLine = 1;
  let first = true;
  const endRecord = (): CsvRecord | null => {
    fields.push(field);
    const record = fields.length === 1 && fields[0] === '' ? null : { fields, line: recordLine };
    fields = [];
    field = '';
    state = 'start';
    return record;
  };
  for await (let chunk of chunks) {
    if (first && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    first = false;
    const out: CsvRecord[] = [];
    for (const c of chunk) {
      column++;
      if (state === 'quoted') {
        if (c === '"') state = 'quote';
        else field += c;
      } else if (c === '\r') {
        continue;
      } else if (c === '\n') {
        const record = endRecord();
        if (record) out.push(record);
      } else if (c === delimiter) {
        fields.push(field);
        field = '';
        state = 'start';
      } else if (c === '"' && state === 'start') {
        state = 'quoted';
        quoteLine = line;
      } else if (c === '"' && state === 'quote') {
        field += '"';
        state = 'quoted';
      } else if (state === 'quote' || c === '"') {
        const what = state === 'quote' ? `"${c}" after a closing quote` : 'a quote inside an unquoted field';
        throw new ImportError(`malformed CSV: ${what}; quote the whole field and double the quotes inside it (RFC 4180)`, { line, column });
      } else {
        field += c;
        state = 'plain';
      }
      if (c === '\n') {
        line++;
        column = 0;
        if (state === 'start' && fields.length === 0) recordLine = line;
      }
    }
    yield* out;
  }
  if (state === 'quoted') throw new ImportError('malformed CSV: a quoted field is never closed', { line: quoteLine });
  const last = state === 'start' && fields.length === 0 && field === '' ? null : endRecord();
  if (last) yield last;
}
