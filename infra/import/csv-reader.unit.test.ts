import { describe, expect, it } from 'vitest';
import { parseCsv, type CsvRecord } from './csv-parser.ts';
import { parseCsvTraces } from './csv-reader.ts';
import { ImportError, type LogTrace } from './log.ts';

async function records(chunks: Iterable<string>, delimiter?: string): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const r of parseCsv(chunks, delimiter)) out.push(r);
  return out;
}

async function traces(text: string): Promise<LogTrace[]> {
  const out: LogTrace[] = [];
  for await (const t of parseCsvTraces([text], { caseColumn: 'case' })) out.push(t);
  return out;
}

const rejection = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as ImportError);

describe('given a CSV text (RFC 4180)', () => {
  const text = '\uFEFFcase,activity,note\r\nc1,"Check, then sign","He said ""yes""\r\nand left"\r\n\r\nc2,Print,\n';

  it('when parsed, quoted fields keep delimiters, doubled quotes and line breaks as written, and each record knows its first line', async () => {
    expect(await records([text])).toEqual([
      { fields: ['case', 'activity', 'note'], line: 1 },
      { fields: ['c1', 'Check, then sign', 'He said "yes"\r\nand left'], line: 2 },
      { fields: ['c2', 'Print', ''], line: 5 },
    ]);
  });

  it('when the text arrives one character at a time, the records are the same', async () => {
    expect(await records([...text])).toEqual(await records([text]));
  });

  it('when the last line has no line break, it is still a record', async () => {
    expect(await records(['a;b\n1;"2"'], ';')).toEqual([{ fields: ['a', 'b'], line: 1 }, { fields: ['1', '2'], line: 2 }]);
  });

  it('when a quoted field is never closed, the error names the line where it opened', async () => {
    const e = await rejection(records(['a,b\n1,2\n3,"open\n\n']));
    expect(e).toBeInstanceOf(ImportError);
    expect(e?.message).toBe('line 3: malformed CSV: a quoted field is never closed');
  });

  it('when a quote appears inside an unquoted field, the error names line and column', async () => {
    const e = await rejection(records(['a,b\n1,x"y\n']));
    expect(e?.where).toEqual({ line: 2, column: 4 });
  });

  it('when text follows a closing quote, the error names line and column', async () => {
    expect((await rejection(records(['a,b\n"1"x,2\n'])))?.where).toEqual({ line: 2, column: 4 });
  });
});

describe('given a CSV event log', () => {
  it('when rows of a case are apart, they are gathered into one trace in file order, with the first row as trace attributes and empty cells absent', async () => {
    const ts = await traces('case,activity,time,who\nc1,A,2011-01-01 09:00,\nc2,A,2011-01-01 10:00,ann\nc1,B,2011-01-02 09:00,bob\n');
    expect(ts.map((t) => [t.index, t.line, t.events.map((e) => [e.line, e.attributes.get('activity')?.raw, e.attributes.get('who')?.raw])])).toEqual([
      [0, 2, [[2, 'A', undefined], [4, 'B', 'bob']]],
      [1, 3, [[3, 'A', 'ann']]],
    ]);
    expect(ts[0]!.attributes.get('time')).toEqual({ raw: '2011-01-01 09:00', kind: 'string', line: 2, column: 3 });
  });

  it('when the case column is missing, the error lists the columns there are', async () => {
    expect((await rejection(traces('id,activity\n1,A\n')))?.message).toBe('line 1: the header has no column "case" (the mapping\'s case id); columns: id, activity');
  });

  it('when a row has more fields than the header, the error names its line', async () => {
    expect((await rejection(traces('case,activity\nc1,A\nc1,B,extra\n')))?.message).toBe('line 3: the row has 3 fields but the header names 2');
  });

  it('when a row has no case id, the error names its line and column', async () => {
    expect((await rejection(traces('activity,case\nA,c1\nB,\n')))?.where).toEqual({ line: 3, column: 2 });
  });
});
