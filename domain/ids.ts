import { createHash } from 'node:crypto';

/**
 * A UUID derived from a name: the first 16 bytes of sha256(name) with the version-4 and RFC 9562
 * variant bits set. Seeds and fixtures use it so that re-running them yields the same event ids,
 * which the event store then acknowledges as duplicates instead of storing twice.
 */
export function deterministicUuid(name: string): string {
  const b = createHash('sha256').update(name, 'utf8').digest().subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
