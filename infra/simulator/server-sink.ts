import type { LineSink } from './output.ts';

export interface ServerTarget {
  /** Base URL of a running Sunlight server, e.g. http://127.0.0.1:8080 */
  url: string;
  /** An admin token: the reference data may only be published by an administrator. */
  token: string;
  batchSize?: number;
}

const RETRIES = 5;

/**
 * POSTs NDJSON batches to /v1/events, one request at a time, so the server's all-or-nothing
 * appends arrive in order. A 503 or a dropped connection is retried with backoff; any other
 * refusal stops the run with the server's own message.
 */
export function serverSink(target: ServerTarget, fetchImpl: typeof fetch = fetch): LineSink {
  const size = target.batchSize ?? 1000;
  const endpoint = `${target.url.replace(/\/+$/, '')}/v1/events`;
  let batch: string[] = [];
  const send = async (): Promise<void> => {
    const body = batch.join('\n');
    batch = [];
    await postWithRetry(fetchImpl, endpoint, target.token, body);
  };
  return {
    write(line) {
      batch.push(line);
      return batch.length >= size ? send() : undefined;
    },
    async close() {
      if (batch.length > 0) await send();
    },
  };
}

async function postWithRetry(fetchImpl: typeof fetch, endpoint: string, token: string, body: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    let status = 0;
    let detail = '';
    try {
      const res = await fetchImpl(endpoint, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' }, body });
      if (res.ok) return;
      status = res.status;
      detail = (await res.text()).slice(0, 2000);
    } catch (error) {
      detail = error instanceof Error ? error.message : String(error);
    }
    const retryable = status === 0 || status === 503;
    if (!retryable || attempt >= RETRIES) {
      throw new Error(`POST ${endpoint} failed${status ? ` with ${status}` : ''} after ${attempt} attempt(s): ${detail}`);
    }
    await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
  }
}
