import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { ImportError } from './log.ts';

/** Called with the number of file bytes read so far (compressed bytes for a gzipped file). */
export type OnBytes = (bytesRead: number) => void;

/**
 * The file's text as a stream of chunks, gunzipped on the fly when it starts with the gzip magic
 * bytes. Logs are often shipped as .xes.gz, and the extension is not always kept, so the content
 * decides rather than the name.
 */
export async function openText(path: string, onBytes?: OnBytes): Promise<AsyncIterable<string>> {
  const gzipped = await startsWithGzipMagic(path);
  const raw = createReadStream(path);
  let read = 0;
  if (onBytes) raw.on('data', (chunk) => onBytes((read += chunk.length)));
  const text: Readable = gzipped ? pipeline(raw, createGunzip(), () => {}) : raw;
  text.setEncoding('utf8');
  return gzipped ? explainGzipErrors(text) : text;
}

async function startsWithGzipMagic(path: string): Promise<boolean> {
  const file = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new ImportError(`cannot open ${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`);
  });
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await file.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b;
  } finally {
    await file.close();
  }
}

async function* explainGzipErrors(text: AsyncIterable<string>): AsyncIterable<string> {
  try {
    yield* text;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('Z_')) {
      throw new ImportError(`the file looks gzipped but its compressed data is damaged (${(error as Error).message})`);
    }
    throw error;
  }
}
