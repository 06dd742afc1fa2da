import { ImportError } from './log.ts';

export interface CsvRecord {
  fields: string[];
  /** 1-based line where the record starts (a quoted field may span lines). */
  line: number;
}

/**
 * RFC 4180 records from text chunks: quoted fields may hold the delimiter, "" and line breaks
 * (kept as written); CRLF and LF both end a record. Blank lines are skipped.
 */
export async function* parseCsv(chunks: AsyncIterable<string> | Iterable<string>, delimiter = ','): AsyncGenerator<CsvRecord> {
  const scanner = new CsvScanner(delimiter);
  let first = true;
  for await (const chunk of chunks) {
    // A UTF-8 byte-order mark, as spreadsheet exports write it, is not part of the first header.
    yield* scanner.feed(first && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk);
    first = false;
  }
  const last = scanner.finish();
  if (last) yield last;
}

/** The scanner's whole state lives between chunks, since a chunk boundary can fall anywhere. */
class CsvScanner {
  private state: 'start' | 'plain' | 'quoted' | 'quote' = 'start';
  private field = '';
  private fields: string[] = [];
  private line = 1;
  private column = 0;
  private recordLine = 1;
  private quoteLine = 1;
  private out: CsvRecord[] = [];

  constructor(private readonly delimiter: string) {}

  feed(chunk: string): CsvRecord[] {
    for (const c of chunk) {
      this.column++;
      this.step(c);
      if (c === '\n') {
        this.line++;
        this.column = 0;
        if (this.state === 'start' && this.fields.length === 0) this.recordLine = this.line;
      }
    }
    return this.out.splice(0);
  }

  finish(): CsvRecord | null {
    if (this.state === 'quoted') throw new ImportError('malformed CSV: a quoted field is never closed', { line: this.quoteLine });
    if (this.state === 'start' && this.fields.length === 0 && this.field === '') return null;
    this.endRecord();
    return this.out.pop() ?? null;
  }

  private step(c: string): void {
    if (this.state === 'quoted') {
      if (c === '"') this.state = 'quote';
      else this.field += c;
    } else if (c === '\r') {
      return;
    } else if (c === '\n') {
      this.endRecord();
    } else if (c === this.delimiter) {
      this.fields.push(this.field);
      this.field = '';
      this.state = 'start';
    } else if (c === '"' && (this.state === 'start' || this.state === 'quote')) {
      if (this.state === 'quote') this.field += '"';
      else this.quoteLine = this.line;
      this.state = 'quoted';
    } else if (this.state === 'quote' || c === '"') {
      const what = this.state === 'quote' ? `"${c}" after a closing quote` : 'a quote inside an unquoted field';
      throw new ImportError(`malformed CSV: ${what}; quote the whole field and double the quotes inside it (RFC 4180)`, { line: this.line, column: this.column });
    } else {
      this.field += c;
      this.state = 'plain';
    }
  }

  private endRecord(): void {
    this.fields.push(this.field);
    if (!(this.fields.length === 1 && this.fields[0] === '')) this.out.push({ fields: this.fields, line: this.recordLine });
    this.fields = [];
    this.field = '';
    this.state = 'start';
  }
}
