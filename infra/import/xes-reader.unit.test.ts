import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ImportError, type LogTrace } from './log.ts';
import { parseXesTraces, readXesTraces } from './xes-reader.ts';

const LOG = `<?xml version="1.0" encoding="UTF-8" ?>
<log xes.version="1.0" xmlns="http://www.xes-standard.org/">
  <global scope="trace"><string key="channel" value="UNKNOWN"/></global>
  <string key="meta:note" value="log attribute"/>
  <trace>
    <string key="concept:name" value="case-1"/>
    <date key="deadline" value="2011-12-06T13:41:31.788+01:00"/>
    <event>
      <string key="concept:name" value="Confirmation of receipt"/>
      <date key="time:timestamp" value="2011-10-11T13:45:40.276+02:00"/>
      <float key="cost" value="2.5"><string key="nested" value="skipped"/></float>
    </event>
    <event>
      <string key="concept:name" value="T02 Check &amp; confirm"/>
      <date key="time:timestamp" value="2011-10-12T08:26:25.398+02:00"/>
    </event>
  </trace>
  <trace>
    <string key="concept:name" value="case-2"/>
  </trace>
</log>
`;

async function traces(chunks: Iterable<string>): Promise<LogTrace[]> {
  const out: LogTrace[] = [];
  for await (const t of parseXesTraces(chunks)) out.push(t);
  return out;
}

const flat = (ts: LogTrace[]) => ts.map((t) => ({ line: t.line, attrs: Object.fromEntries([...t.attributes].map(([k, v]) => [k, v.raw])), events: t.events.map((e) => ({ line: e.line, attrs: Object.fromEntries([...e.attributes].map(([k, v]) => [k, v.raw])) })) }));

async function failure(xes: string): Promise<ImportError> {
  const error = await traces([xes]).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('given an XES log', () => {
  it('when read, each trace comes with its own attributes and its events in order, and nested, global and log attributes are left out', async () => {
    expect(flat(await traces([LOG]))).toEqual([
      {
        line: 5,
        attrs: { 'concept:name': 'case-1', deadline: '2011-12-06T13:41:31.788+01:00' },
        events: [
          { line: 8, attrs: { 'concept:name': 'Confirmation of receipt', 'time:timestamp': '2011-10-11T13:45:40.276+02:00', cost: '2.5' } },
          { line: 13, attrs: { 'concept:name': 'T02 Check & confirm', 'time:timestamp': '2011-10-12T08:26:25.398+02:00' } },
        ],
      },
      { line: 18, attrs: { 'concept:name': 'case-2' }, events: [] },
    ]);
  });

  it('when the text arrives one character at a time, the traces are the same', async () => {
    expect(flat(await traces([...LOG]))).toEqual(flat(await traces([LOG])));
  });

  it('when the file is gzipped, it is recognised by its magic bytes and read the same', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xes-'));
    writeFileSync(join(dir, 'log.xes'), LOG);
    writeFileSync(join(dir, 'log-without-extension'), gzipSync(LOG));
    const read = async (p: string) => { const out: LogTrace[] = []; for await (const t of readXesTraces(p)) out.push(t); return flat(out); };
    expect(await read(join(dir, 'log-without-extension'))).toEqual(await read(join(dir, 'log.xes')));
  });
});

describe('given a malformed XES log', () => {
  it('when the file ends inside a trace, the error names the last line and that trace', async () => {
    const e = await failure(LOG.slice(0, LOG.indexOf('    </event>')));
    expect(e.message).toMatch(/^line 12, column \d+, trace case-1 \(from line 5\): malformed XML: unclosed tag: /);
  });

  it('when a close tag does not match, the error names its line', async () => {
    const e = await failure(LOG.replace('    </event>\n    <event>', '    </evnt>\n    <event>'));
    expect(e.message).toMatch(/^line 12, column \d+, trace case-1 \(from line 5\): malformed XML: unexpected close tag/);
  });

  it('when a date is not a date-time, the error names its line, column and trace', async () => {
    const e = await failure(LOG.replace('2011-10-12T08:26:25.398+02:00', '2011-10-32T08:26:25'));
    expect(e.where).toEqual({ line: 15, column: expect.any(Number), trace: 'case-1 (from line 5)' });
    expect(e.message).toContain('"2011-10-32T08:26:25", which is not an xs:dateTime');
  });

  it('when the trace has no name yet, it is named by its position', async () => {
    const e = await failure(LOG.replace('<string key="concept:name" value="case-2"/>', '<string value="no key"/>'));
    expect(e.message).toBe('line 19, column 28, trace #2 (from line 18): <string> attribute without a key');
  });

  it('when the root element is not <log>, the file is refused as not XES', async () => {
    expect((await failure('<html><body/></html>')).message).toMatch(/not an XES log: the root element is <html>/);
  });

  it('when the file holds no element at all, it is refused as not XES', async () => {
    expect((await failure('just text')).message).toMatch(/line 1, column \d+: malformed XML/);
  });
});
