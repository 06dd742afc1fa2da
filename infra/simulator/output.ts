import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { caseEventJson } from './event-json.ts';
import { BusinessTimeMerge } from './order.ts';
import type { Simulation } from './simulate.ts';

/** Where NDJSON lines go. `write` returns a promise only when the caller must wait (backpressure). */
export interface LineSink {
  write(line: string): Promise<void> | undefined;
  close(): Promise<void>;
}

const CHUNK_BYTES = 1 << 20;

/** Lines joined into ~1 MiB chunks: one stream write per chunk instead of one per event. */
export function streamSink(stream: Writable, closeStream: boolean): LineSink {
  let parts: string[] = [];
  let size = 0;
  const flush = (): Promise<void> | undefined => {
    const chunk = parts.join('');
    parts = [];
    size = 0;
    return stream.write(chunk) ? undefined : once(stream, 'drain').then(() => undefined);
  };
  return {
    write(line) {
      parts.push(line, '\n');
      size += line.length + 1;
      return size >= CHUNK_BYTES ? flush() : undefined;
    },
    async close() {
      if (size > 0) await flush();
      if (closeStream) {
        stream.end();
        await once(stream, 'finish');
      }
    },
  };
}

export const fileSink = (path: string): LineSink => streamSink(createWriteStream(path), true);

export interface WriteProgress {
  cases: number;
  events: number;
}

/**
 * Reference events first, then case events in business-time order, each as one NDJSON line;
 * the ground truth of each case to `labels` as it is generated. Returns the counts written.
 */
export async function writeSimulation(sim: Simulation, events: LineSink, labels: LineSink | null, progress?: (p: WriteProgress) => void): Promise<WriteProgress> {
  const count: WriteProgress = { cases: 0, events: 0 };
  for (const e of sim.reference) await events.write(JSON.stringify(e));
  const merge = new BusinessTimeMerge();
  for (const c of sim.cases) {
    count.cases++;
    const waitLabels = labels?.write(JSON.stringify(c.truth));
    if (waitLabels) await waitLabels;
    for (const e of merge.push(c)) {
      count.events++;
      const wait = events.write(caseEventJson(e));
      if (wait) await wait;
    }
    if (progress && count.cases % 1000 === 0) progress(count);
  }
  for (const e of merge.drain()) {
    count.events++;
    const wait = events.write(caseEventJson(e));
    if (wait) await wait;
  }
  await events.close();
  await labels?.close();
  progress?.(count);
  return count;
}
