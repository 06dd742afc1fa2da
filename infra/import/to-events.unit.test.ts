import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countyDepartments } from '../../domain/seed/county.ts';
import { parseCsvTraces } from './csv-reader.ts';
import { ImportError, type LogTrace } from './log.ts';
import { parseMapping, type Mapping } from './mapping.ts';
import { traceToCase } from './to-events.ts';
import { parseXesTraces } from './xes-reader.ts';

const wabo = parseMapping(JSON.parse(readFileSync(new URL('./mappings/wabo-receipt.json', import.meta.url), 'utf8')));

const xesTrace = (events: string, traceAttrs = '<string key="concept:name" value="case-7"/>') =>
  first(parseXesTraces([`<log>\n<trace>\n${traceAttrs}
<date key="startdate" value="2011-10-11T01:06:40.020+02:00"/>
<date key="deadline" value="2011-12-06T01:06:40.000+01:00"/>
<string key="channel" value="Desk"/>\n${events}</trace>\n</log>`]));

const xesEvent = (name: string, at: string, extra = '') =>
  `<event>\n<string key="concept:name" value="${name}"/>\n<date key="time:timestamp" value="${at}"/>\n<string key="org:resource" value="Resource21"/>\n<string key="concept:instance" value="task-1"/>\n<string key="lifecycle:transition" value="complete"/>${extra}\n</event>\n`;

async function first(traces: AsyncIterable<LogTrace>): Promise<LogTrace> {
  for await (const t of traces) return t;
  throw new Error('no trace');
}

const data = (c: ReturnType<typeof traceToCase>) => c.events.map((e) => JSON.parse(e.dataJson) as Record<string, any>);
const refusal = (f: () => unknown) => { try { f(); } catch (e) { if (e instanceof ImportError) return e; throw e; } throw new Error('not refused'); };

describe('given the WABO mapping and one receipt trace', () => {
  const trace = xesTrace(xesEvent('Confirmation of receipt', '2011-10-18T13:46:39.679+02:00') + xesEvent('T07-2 Draft intern advice aspect 2', '2011-10-19T09:00:00.000+02:00'));

  it('when converted, the application date becomes CaseSubmitted and each log event one case event, numbered in order', async () => {
    const c = traceToCase(await trace, wabo);
    expect(c).toMatchObject({ caseId: 'wabo-case-7', logEvents: 2, first: '2011-10-11T01:06:40.020+02:00', last: '2011-10-19T09:00:00.000+02:00' });
    expect(data(c).map((e) => [e.seq, e.type, e.occurredAt, e.channel, e.actor.role])).toEqual([
      [1, 'CaseSubmitted', '2011-10-11T01:06:40.020+02:00', 'window', 'applicant'],
      [2, 'CaseAccepted', '2011-10-18T13:46:39.679+02:00', 'window', 'intake'],
      [3, 'StepCompleted', '2011-10-19T09:00:00.000+02:00', 'window', 'handler'],
    ]);
    expect(data(c)[1]!.payload).toEqual({ receiptNo: 'task-1', limit: { value: 56, unit: 'calendar-days' }, promisedBy: '2011-12-06T01:06:40.000+01:00', materials: [] });
    expect(data(c)[2]!.payload).toEqual({ stepCode: 'T07-2', stepName: 'T07-2 Draft intern advice aspect 2', stepNo: 7, role: 'handler', action: 'pass' });
    expect(data(c)[2]!.dept).toEqual(countyDepartments.housing);
  });

  it('when converted twice, the event ids are the same, so a re-import is acknowledged as duplicates', async () => {
    const ids = async () => traceToCase(await trace, wabo).events.map((e) => e.eventId);
    expect(await ids()).toEqual(await ids());
    expect(new Set(await ids()).size).toBe(3);
  });
});

describe('given a trace the mapping cannot take', () => {
  it('when an event has no concept:name, the error names its line and the trace', async () => {
    const t = await xesTrace(xesEvent('Confirmation of receipt', '2011-10-18T13:46:39+02:00').replace('<string key="concept:name" value="Confirmation of receipt"/>\n', ''));
    expect(refusal(() => traceToCase(t, wabo)).message).toBe('line 7, trace case-7 (from line 2): the event has no "concept:name" attribute (its activity)');
  });

  it('when the trace has no case id, the error says which attribute the mapping wanted', async () => {
    const t = await xesTrace('', '<string key="name" value="x"/>');
    expect(refusal(() => traceToCase(t, wabo)).message).toMatch(/^line 2, trace #1 \(from line 2\): the trace has no "concept:name" attribute/);
  });

  it('when no rule matches an activity, the import is refused, unless the mapping says to skip such events', async () => {
    const t = await xesTrace(xesEvent('Coffee break', '2011-10-18T13:46:39+02:00'));
    expect(refusal(() => traceToCase(t, wabo)).message).toMatch(/line 7, .*no rule of the mapping matches the activity "Coffee break"/);
    expect(traceToCase(t, { ...wabo, unmatched: 'skip' }).logEvents).toBe(0);
  });

  it('when the payload breaks an event schema, the error names the event line and the field', async () => {
    const noReceipt: Mapping = { ...wabo, rules: wabo.rules.map((r) => (r.type === 'CaseAccepted' ? { ...r, payload: { ...r.payload, receiptNo: '{event.missing}' } } : r)) };
    const t = await xesTrace(xesEvent('Confirmation of receipt', '2011-10-18T13:46:39+02:00'));
    expect(refusal(() => traceToCase(t, noReceipt)).message).toContain('CaseAccepted from line 7: payload.receiptNo is missing; it is required');
  });
});

describe('given a CSV log with local times', () => {
  const mapping = parseMapping({
    case: { id: 'case', prefix: 'csv-' },
    event: { activity: 'activity', timestamp: 'time' },
    timeZone: 'Asia/Shanghai',
    envelope: { dept: 'market', matterCode: 'QH-SCJG-001', channel: 'window', sourceSystem: 'csv-test', actor: { name: '{event.who}', role: 'handler' } },
    rules: [{ activity: 'Register', type: 'StepCompleted', payload: { stepCode: 'S1', stepName: '{activity}', stepNo: 1, role: 'handler', action: 'pass', startedAt: '{event.started|date}' } }],
  });
  const traces = (text: string) => first(parseCsvTraces([text], { caseColumn: 'case' }));

  it('when a time has no offset, it is read in the mapping zone', async () => {
    const c = traceToCase(await traces('case,activity,time,started,who\n1,Register,2026-03-16 09:30:00,2026-03-16 09:00,ann\n'), mapping);
    expect(data(c)[0]).toMatchObject({ caseId: 'csv-1', occurredAt: '2026-03-16T09:30:00+08:00', payload: { startedAt: '2026-03-16T09:00:00+08:00' }, actor: { name: 'ann' } });
  });

  it('when a time is not a date, the error names its line and column', async () => {
    const t = await traces('case,activity,time,who\n1,Register,2026-03-16 09:30,ann\n1,Register,16/03/2026,ann\n');
    expect(refusal(() => traceToCase(t, mapping)).where).toEqual({ line: 3, column: 3, trace: '1 (from line 2)' });
  });
});

describe('given a mapping file with mistakes', () => {
  it('when parsed, every mistake is listed with its path', () => {
    const bad = { ...JSON.parse(JSON.stringify(wabo)), timeZone: 'Mars/Olympus', rules: [{ activity: 'A', pattern: 'B', type: 'StepStarted' }, { pattern: '(', type: 'StepStarted', payload: { stepName: '{evnt.x}' } }, { activity: 'C', type: 'CaseOpened' }] };
    const message = refusal(() => parseMapping(bad, 'bad.json')).message;
    expect(message).toContain('the mapping bad.json is not valid');
    for (const path of ['timeZone:', 'rules.0: give exactly one of "activity" or "pattern"', 'rules.2.type:', 'rules.1.pattern:', 'rules.1.payload.stepName: unknown placeholder {evnt.x}']) expect(message).toContain(path);
  });
});
