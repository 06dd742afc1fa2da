import { ConcurrencyError } from './errors.ts';
import type { ExpectedRevision } from './port.ts';

/** The optimistic-concurrency check both adapters make before appending. */
export function checkExpected(streamId: string, expected: ExpectedRevision, actual: bigint): void {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && actual === -1n) ||
    (expected === 'stream_exists' && actual >= 0n) ||
    (typeof expected === 'bigint' && expected === actual);
  if (!ok) throw new ConcurrencyError(streamId, String(expected), actual < 0n ? 'no_stream' : String(actual));
}
