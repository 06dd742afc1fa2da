import { describe, expect, it } from 'vitest';
import { defaultRates, INJECTIONS, parseRates } from './rates.ts';
import { serverSink } from './server-sink.ts';

describe('given a rates file', () => {
  it('when it names a few rates, they replace the defaults and the rest stay', () => {
    const r = parseRates({ refusal: 0.1, irregularities: { IR12: 0.02 } });
    expect(r.refusal).toBe(0.1);
    expect(r.irregularities.IR12).toBe(0.02);
    expect(r.irregularities.IR01).toBe(defaultRates.irregularities.IR01);
    expect(r.rating).toBe(defaultRates.rating);
  });

  it('when a rate is outside 0–1 or unknown in shape, it is refused', () => {
    expect(() => parseRates({ refusal: 2 })).toThrow();
    expect(() => parseRates({ irregularities: { IR01: -0.1 } })).toThrow();
    expect(() => parseRates({ ratingLevels: [1, 2] })).toThrow();
  });

  it('when the irregularity rates add up to more than 1, it says so', () => {
    expect(() => parseRates({ irregularities: Object.fromEntries(INJECTIONS.map((k) => [k, 0.1])) })).toThrow(/add up to 2\.100/);
  });

  it('the defaults inject every irregularity', () => {
    expect(INJECTIONS.every((k) => defaultRates.irregularities[k] > 0)).toBe(true);
  });
});

describe('given a server to send to', () => {
  const calls: { body: string; auth: string | null }[] = [];
  const fakeFetch = (statuses: number[]) =>
    (async (_url: string, init: RequestInit) => {
      calls.push({ body: String(init.body), auth: new Headers(init.headers).get('authorization') });
      const status = statuses.shift() ?? 201;
      return new Response(status < 300 ? '{}' : '{"code":"bad-request","message":"2 of 1000 events are malformed"}', { status });
    }) as typeof fetch;

  it('when lines are written, they go in NDJSON batches of the batch size with the bearer token', async () => {
    calls.length = 0;
    const sink = serverSink({ url: 'http://127.0.0.1:1/', token: 'admin-token', batchSize: 3 }, fakeFetch([]));
    for (let i = 0; i < 7; i++) await sink.write(`{"n":${i}}`);
    await sink.close();
    expect(calls.map((c) => c.body.split('\n').length)).toEqual([3, 3, 1]);
    expect(calls[0]!.auth).toBe('Bearer admin-token');
  });

  it('when the server is unavailable (503), the batch is retried', async () => {
    calls.length = 0;
    const sink = serverSink({ url: 'http://127.0.0.1:1', token: 't', batchSize: 1 }, fakeFetch([503]));
    await sink.write('{}');
    expect(calls).toHaveLength(2);
  });

  it('when the server refuses a batch (400), the run stops with its message', async () => {
    const sink = serverSink({ url: 'http://127.0.0.1:1', token: 't', batchSize: 1 }, fakeFetch([400]));
    await expect(sink.write('{}')).rejects.toThrow(/failed with 400 .*malformed/);
  });
});
