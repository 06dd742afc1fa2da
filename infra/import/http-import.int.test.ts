import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countyDepartments } from '../../domain/seed/county.ts';
import { testApp, tokens, type TestApp } from '../../test/support/test-app.ts';
import { httpSink } from './http-sink.ts';
import { parseMapping } from './mapping.ts';
import { importLog } from './run-import.ts';
import { storeSink } from './sink.ts';

const mapping = parseMapping(JSON.parse(readFileSync(new URL('./mappings/wabo-receipt.json', import.meta.url), 'utf8')));

const trace = (n: number) => `<trace>
  <string key="concept:name" value="case-${n}"/><date key="startdate" value="2011-10-0${n}T09:00:00.000+02:00"/><string key="channel" value="Post"/>
  <event><string key="concept:name" value="Confirmation of receipt"/><date key="time:timestamp" value="2011-10-0${n}T10:00:00.000+02:00"/><string key="org:resource" value="Resource0${n}"/><string key="concept:instance" value="task-${n}"/><string key="lifecycle:transition" value="complete"/></event>
  <event><string key="concept:name" value="T02 Check confirmation of receipt"/><date key="time:timestamp" value="2011-10-0${n}T11:00:00.000+02:00"/><string key="org:resource" value="Resource0${n}"/><string key="lifecycle:transition" value="complete"/></event>
</trace>`;

/** fetch answered by the app in process, so no port is opened. */
const viaInject = (app: FastifyInstance) =>
  (async (url: string, init: RequestInit) => {
    const res = await app.inject({ method: 'POST', url: new URL(url).pathname, headers: init.headers as Record<string, string>, payload: String(init.body) });
    return new Response(res.body, { status: res.statusCode, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;

describe('given a running server and a small XES log of its department', () => {
  let t: TestApp;
  let file: string;
  beforeAll(async () => {
    t = await testApp({ deptA: countyDepartments.housing.code, deptB: countyDepartments.market.code });
    file = join(t.dir, 'small.xes');
    writeFileSync(file, `<log>\n${[1, 2, 3].map(trace).join('\n')}\n</log>\n`);
  });
  afterAll(() => t.close());

  const viaServer = (maxEvents: number) => httpSink('http://sunlight.test', tokens.deptA, maxEvents, viaInject(t.app));

  it('when imported through the API in small batches, whole cases go in each request and all are stored', async () => {
    const summary = await importLog({ path: file, format: 'xes', mapping, sink: viaServer(4) });
    expect(summary).toMatchObject({ traces: 3, logEvents: 6, events: 9, appended: 9, duplicates: 0 });
    expect((await t.store.readStream('case-wabo-case-2')).map((e) => e.type)).toEqual(['CaseSubmitted', 'CaseAccepted', 'StepCompleted']);
  });

  it('when imported again, through the API or straight into the store, every event is a duplicate', async () => {
    expect(await importLog({ path: file, format: 'xes', mapping, sink: viaServer(100) })).toMatchObject({ appended: 0, duplicates: 9 });
    expect(await importLog({ path: file, format: 'xes', mapping, sink: storeSink(t.store, 'direct') })).toMatchObject({ appended: 0, duplicates: 9 });
  });

  it('when the same log comes again under a changed mapping, the direct import is refused rather than storing a second version', async () => {
    const changed = { ...mapping, rules: mapping.rules.map((r) => (r.type === 'CaseAccepted' ? { ...r, payload: { ...r.payload, limit: { value: 60, unit: 'calendar-days' } } } : r)) };
    const before = await t.store.headPosition();
    await expect(importLog({ path: file, format: 'xes', mapping: changed, sink: storeSink(t.store, 'direct') })).rejects.toThrow(/imported before .* with a different mapping/);
    expect(await t.store.headPosition()).toBe(before);
  });

  it('when the token belongs to another department, the server refuses and the import says so', async () => {
    const sink = httpSink('http://sunlight.test', tokens.deptB, 100, viaInject(t.app));
    await expect(importLog({ path: file, format: 'xes', mapping, sink })).rejects.toThrow(/refused a batch \(HTTP 403\)/);
  });
});
