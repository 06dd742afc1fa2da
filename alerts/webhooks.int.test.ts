import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signBody, webhookDispatcher } from './webhooks.ts';

const received: { body: string; headers: IncomingMessage['headers'] }[] = [];
let failuresLeft = 0;
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    if (req.url === '/down' || failuresLeft-- > 0) {
      res.writeHead(503).end();
      return;
    }
    received.push({ body, headers: req.headers });
    res.writeHead(204).end();
  });
});
let base = '';
beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

const message = (id: string, level: 'yellow' | 'red' = 'red', deptCode = 'D1') => ({ id, deptCode, level, body: { alertId: id, level } });

describe('alert webhooks', () => {
  it('signs each delivery with HMAC-SHA256 over the exact body, so the receiver can verify it', async () => {
    const hooks = webhookDispatcher([{ url: `${base}/ok`, secret: 's3cret' }], { baseDelayMs: 5 });
    hooks.send(message('a1'));
    await hooks.idle();
    const got = received.find((r) => r.headers['x-sunlight-message-id'] === 'a1')!;
    expect(got.headers['x-sunlight-signature']).toBe(signBody('s3cret', got.body));
    expect(JSON.parse(got.body)).toEqual({ alertId: 'a1', level: 'red' });
  });

  it('retries with backoff until the receiver is back, delivering each message once and in order', async () => {
    failuresLeft = 2;
    const hooks = webhookDispatcher([{ url: `${base}/ok`, secret: 's' }], { baseDelayMs: 5 });
    hooks.send(message('b1'));
    hooks.send(message('b2'));
    await hooks.idle();
    const ids = received.map((r) => r.headers['x-sunlight-message-id']).filter((id) => String(id).startsWith('b'));
    expect(ids).toEqual(['b1', 'b2']);
    expect(received.find((r) => r.headers['x-sunlight-message-id'] === 'b1')!.headers['x-sunlight-attempt']).toBe('3');
    expect(hooks.deadLetters()).toEqual([]);
  });

  it('puts a message it could not deliver after the last attempt on the dead-letter list', async () => {
    const hooks = webhookDispatcher([{ url: `${base}/down`, secret: 's' }], { attempts: 3, baseDelayMs: 5 });
    hooks.send(message('c1'));
    await hooks.idle();
    expect(hooks.deadLetters()).toEqual([expect.objectContaining({ messageId: 'c1', attempts: 3, lastError: 'HTTP 503' })]);
  });

  it('sends a target only the departments and levels it asked for', async () => {
    const hooks = webhookDispatcher([{ url: `${base}/ok`, secret: 's', departments: ['D2'], levels: ['red'] }], { baseDelayMs: 5 });
    hooks.send(message('d1', 'red', 'D1'));
    hooks.send(message('d2', 'yellow', 'D2'));
    hooks.send(message('d3', 'red', 'D2'));
    await hooks.idle();
    expect(received.map((r) => r.headers['x-sunlight-message-id']).filter((id) => String(id).startsWith('d'))).toEqual(['d3']);
  });
});
