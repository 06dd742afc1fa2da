import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateEvents } from '../../domain/events/validate.ts';
import { createSqliteEventStore } from '../event-store/sqlite.ts';
import { ImportError } from './log.ts';
import { loadMapping, type Mapping } from './mapping.ts';
import { importLog, type ImportSummary } from './run-import.ts';
import { storeSink } from './sink.ts';

/**
 * The real WABO receipt log (J.C.A.M. Buijs, Eindhoven University of Technology; 4TU.ResearchData,
 * doi:10.4121/uuid:a07386a5-7be3-4367-9535-70bc9e77dbe6). It lives beside the repository, never in it.
 * The expected figures are computed here from the raw text with regular expressions, not by the reader.
 */
const repo = resolve(fileURLToPath(new URL('../../', import.meta.url)));
const LOG = resolve(repo, '../shared/data/receipt.xes');
const present = existsSync(LOG);

interface RawCase { startdate: string; stamps: string[] }

function rawCases(text: string): Map<string, RawCase> {
  const cases = new Map<string, RawCase>();
  for (const chunk of text.split('<trace>').slice(1)) {
    const header = chunk.slice(0, chunk.indexOf('<event>') < 0 ? undefined : chunk.indexOf('<event>'));
    const attr = (key: string) => new RegExp(`key="${key}" value="([^"]*)"`).exec(header)?.[1] ?? '';
    const events = chunk.match(/<event>[\s\S]*?<\/event>/g) ?? [];
    cases.set(attr('concept:name'), { startdate: attr('startdate'), stamps: events.map((e) => /key="time:timestamp" value="([^"]*)"/.exec(e)![1]!) });
  }
  return cases;
}

const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

describe.skipIf(!present)(present ? 'given the WABO receipt log' : `given the WABO receipt log (skipped: ${LOG} is absent)`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'receipt-'));
  const store = createSqliteEventStore({ file: join(dir, 'events.db') });
  const text = present ? readFileSync(LOG, 'utf8') : '';
  const raw = rawCases(text);
  let mapping: Mapping;
  let first: ImportSummary;

  beforeAll(async () => {
    mapping = await loadMapping(join(repo, 'infra/import/mappings/wabo-receipt.json'));
    first = await importLog({ path: LOG, format: 'xes', mapping, sink: storeSink(store, 'test') });
  });
  afterAll(() => store.close());

  const stored = async () => (await store.readAll()).map((e) => ({ streamId: e.streamId, data: e.data as { type: string; occurredAt: string; caseId: string } }));

  it('when imported, there is one case per trace and one case event per log event, plus the submission of each case', async () => {
    const traces = text.match(/<trace>/g)!.length;
    const events = text.match(/<event>/g)!.length;
    expect([traces, events, raw.size]).toEqual([1434, 8577, 1434]);
    expect(first).toMatchObject({ traces, logEvents: events, events: events + traces, appended: events + traces, duplicates: 0 });
    const all = await stored();
    expect(all).toHaveLength(events + traces);
    expect(new Set(all.map((e) => e.streamId)).size).toBe(traces);
    expect(all.filter((e) => e.data.type === 'CaseSubmitted')).toHaveLength(traces);
  });

  it('when imported, every case keeps the log times of its events in order, so its processing time (last − first) is the log\'s', async () => {
    const byCase = new Map<string, { submitted?: string; stamps: string[] }>();
    for (const { data } of await stored()) {
      const c = byCase.get(data.caseId) ?? { stamps: [] };
      if (data.type === 'CaseSubmitted') c.submitted = data.occurredAt;
      else c.stamps.push(data.occurredAt);
      byCase.set(data.caseId, c);
    }
    const span = (stamps: string[]) => Math.max(...stamps.map(Date.parse)) - Math.min(...stamps.map(Date.parse));
    const expected = [...raw].map(([name, c]) => [`wabo-${name}`, c.startdate, c.stamps, span(c.stamps)]);
    const actual = [...raw.keys()].map((name) => { const c = byCase.get(`wabo-${name}`)!; return [`wabo-${name}`, c.submitted, c.stamps, span(c.stamps)]; });
    expect(actual).toEqual(expected);
  });

  it('when imported again, nothing is added: every event is acknowledged as a duplicate', async () => {
    const head = await store.headPosition();
    const again = await importLog({ path: LOG, format: 'xes', mapping, sink: storeSink(store, 'test') });
    expect(again).toMatchObject({ appended: 0, duplicates: first.events });
    expect(await store.headPosition()).toBe(head);
  });

  it('when read back, every stored event passes the same validation as the HTTP ingest, and each case stream verifies', async () => {
    const all = await stored();
    expect(validateEvents(all.map((e) => e.data)).problems).toEqual([]);
    expect(await store.verifyStream(all[0]!.streamId)).toMatchObject({ ok: true });
  });

  it('when the gzipped log is checked in a dry run, it reads the same and appends nothing', async () => {
    writeFileSync(join(dir, 'receipt.xes.gz'), gzipSync(text));
    const dry = await importLog({ path: join(dir, 'receipt.xes.gz'), format: 'xes', mapping });
    expect(dry).toEqual({ ...first, appended: 0, duplicates: 0 });
  });

  describe('given a damaged copy', () => {
    const empty = createSqliteEventStore({ file: join(dir, 'empty.db') });
    afterAll(() => empty.close());

    const refusal = async (damaged: string) => {
      const file = join(dir, `damaged-${Math.random().toString(36).slice(2)}.xes`);
      writeFileSync(file, damaged);
      const error = await importLog({ path: file, format: 'xes', mapping, sink: storeSink(empty, 'test') }).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect(await empty.headPosition()).toBe(-1n);
      return error as ImportError;
    };

    it('when the file stops inside its last trace, the error names the last line and that trace, and nothing is stored', async () => {
      const cut = text.slice(0, text.lastIndexOf('</event>'));
      const lastTrace = [...raw.keys()].at(-1)!;
      const e = await refusal(cut);
      expect(e.where.line).toBe(lineOf(cut, cut.length));
      expect(e.message).toContain(`trace ${lastTrace} (from line ${lineOf(text, text.lastIndexOf('<trace>'))})`);
      expect(e.message).toContain('unclosed tag');
    });

    it('when the last event has an impossible date, the error names its line, and the 1,433 good traces before it are not stored either', async () => {
      const at = text.lastIndexOf('key="time:timestamp" value="');
      const damaged = `${text.slice(0, at)}key="time:timestamp" value="2012-01-32T10:00:00.000+01:00"${text.slice(text.indexOf('/>', at))}`;
      const e = await refusal(damaged);
      expect(e.where.line).toBe(lineOf(text, at));
      expect(e.message).toContain('"2012-01-32T10:00:00.000+01:00", which is not an xs:dateTime');
    });
  });
});
