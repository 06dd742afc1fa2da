import { parentPort } from 'node:worker_threads';
import { prepareBatch, type BodyKind } from './prepare-batch.ts';

/** Worker thread: parses, validates and canonicalises event batches off the main thread. */
parentPort!.on('message', (m: { id: number; raw: Uint8Array; kind: BodyKind; maxEvents: number }) => {
  try {
    parentPort!.postMessage({ id: m.id, result: prepareBatch(m.raw, m.kind, m.maxEvents) });
  } catch (error) {
    parentPort!.postMessage({ id: m.id, error: error instanceof Error ? error.stack ?? error.message : String(error) });
  }
});
