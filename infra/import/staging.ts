import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { PreparedEvent } from '../../domain/events/prepared-event.ts';

/** One case's validated events, as appended to its stream. */
export interface StagedCase {
  streamId: string;
  events: PreparedEvent[];
}

/**
 * Validated cases wait in a temporary NDJSON file (one case per line) until the whole log has
 * been read: nothing is appended before every trace is known to be good, and memory stays flat
 * however large the log is.
 */
export interface Staging {
  add(staged: StagedCase): Promise<void>;
  /** Ends writing and reads the cases back in the order they were added. */
  read(): AsyncGenerator<StagedCase>;
  dispose(): Promise<void>;
}

export async function createStaging(): Promise<Staging> {
  const dir = await mkdtemp(join(tmpdir(), 'sunlight-import-'));
  const file = join(dir, 'cases.ndjson');
  const out = createWriteStream(file);
  // Kept and rethrown by the next call, so a full disk fails the import instead of the process.
  let failure: Error | null = null;
  out.on('error', (error) => (failure ??= error));
  let ended: Promise<void> | null = null;
  const end = () => (ended ??= new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve()))));
  return {
    async add(staged) {
      if (failure) throw failure;
      if (!out.write(`${JSON.stringify(staged)}\n`)) await once(out, 'drain');
    },
    async *read() {
      await end();
      if (failure) throw failure;
      for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
        if (line) yield JSON.parse(line) as StagedCase;
      }
    },
    async dispose() {
      if (!out.closed) out.destroy();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
