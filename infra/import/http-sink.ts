import { ImportError } from './log.ts';
import type { ImportSink } from './sink.ts';

/** Well under the server's default request limits (10,000 events, 16 MiB). */
const EVENTS_PER_REQUEST = 5_000;

/**
 * Sends cases to a running server's POST /v1/events as NDJSON. Each request is atomic on the
 * server; a failure after some requests leaves those stored, and a re-run sends the same ids,
 * which the server acknowledges as duplicates.
 */
export function httpSink(url: string, token: string, serverMaxEvents: number, fetchImpl: typeof fetch = fetch): ImportSink {
  const endpoint = new URL('/v1/events', url).toString();
  return {
    target: endpoint,
    maxEventsPerAppend: Math.min(EVENTS_PER_REQUEST, serverMaxEvents),
    async append(cases) {
      const body = cases.flatMap((c) => c.events.map((e) => e.dataJson)).join('\n');
      let response: Response;
      try {
        response = await fetchImpl(endpoint, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-ndjson' },
          body,
        });
      } catch (error) {
        throw new ImportError(`cannot reach ${endpoint}: ${(error as Error).message}`);
      }
      const reply = (await response.json().catch(() => ({}))) as { appended?: number; duplicates?: string[]; message?: string; problems?: unknown[] };
      if (!response.ok) {
        const problems = reply.problems ? `\n${JSON.stringify(reply.problems.slice(0, 5), null, 2)}` : '';
        throw new ImportError(`${endpoint} refused a batch (HTTP ${response.status}): ${reply.message ?? response.statusText}${problems}`);
      }
      return { appended: reply.appended ?? 0, duplicates: reply.duplicates?.length ?? 0 };
    },
    close: async () => {},
  };
}
