import { describe, expect, it } from 'vitest';
import { httpSink } from './http-sink.ts';
import { ImportError } from './log.ts';
import type { StagedCase } from './staging.ts';

const staged = (caseId: string, n: number): StagedCase => ({
  streamId: `case-${caseId}`,
  events: Array.from({ length: n }, (_, i) => ({ eventId: `${caseId}-${i}`, type: 'StepCompleted', streamId: `case-${caseId}`, deptCode: 'D', dataJson: JSON.stringify({ caseId, i }) })),
});

function fakeServer(status: number, reply: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(reply), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
  return { calls, fetchImpl };
}

describe('given a running server to import through', () => {
  it('when a batch is sent, it is one NDJSON request to /v1/events with the bearer token, and the receipt is counted', async () => {
    const server = fakeServer(201, { received: 3, appended: 2, duplicates: ['a-0'] });
    const sink = httpSink('http://127.0.0.1:8080/', 'secret-token', 10_000, server.fetchImpl);
    expect(await sink.append([staged('a', 1), staged('b', 2)])).toEqual({ appended: 2, duplicates: 1 });
    expect(server.calls).toHaveLength(1);
    expect(server.calls[0]!.url).toBe('http://127.0.0.1:8080/v1/events');
    expect(server.calls[0]!.init.headers).toMatchObject({ authorization: 'Bearer secret-token', 'content-type': 'application/x-ndjson' });
    expect(String(server.calls[0]!.init.body).split('\n').map((l) => JSON.parse(l))).toEqual([{ caseId: 'a', i: 0 }, { caseId: 'b', i: 0 }, { caseId: 'b', i: 1 }]);
  });

  it('when the server takes fewer events per request than the sink would send, the sink sends no more than that', () => {
    expect(httpSink('http://h', 't', 500).maxEventsPerAppend).toBe(500);
  });

  it('when the server refuses a batch, the error carries its status and message', async () => {
    const server = fakeServer(403, { error: 'FORBIDDEN', message: 'This token may not append some of these events.' });
    const append = httpSink('http://h', 't', 10_000, server.fetchImpl).append([staged('a', 1)]);
    await expect(append).rejects.toThrow(ImportError);
    await expect(append).rejects.toThrow('refused a batch (HTTP 403): This token may not append some of these events.');
  });
});
