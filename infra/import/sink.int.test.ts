import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { recordRunningServer } from '../server-lock.ts';
import { ImportError } from './log.ts';
import { openSink } from './sink.ts';

describe('given a data directory', () => {
  it('when a server runs on it, a direct import is refused with the server URL to import through', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sink-'));
    recordRunningServer(dataDir, { pid: process.pid, url: 'http://127.0.0.1:18080', startedAt: new Date().toISOString() });
    const opening = openSink(loadConfig({ SUNLIGHT_DATA_DIR: dataDir }), {});
    await expect(opening).rejects.toThrow(ImportError);
    await expect(opening).rejects.toThrow(`is running on ${dataDir} at http://127.0.0.1:18080; import through it with --to http://127.0.0.1:18080 --token <token>`);
  });

  it('when no server runs on it, the import goes to its event store file', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sink-'));
    const sink = await openSink(loadConfig({ SUNLIGHT_DATA_DIR: dataDir }), {});
    expect(sink.target).toBe(join(dataDir, 'events.db'));
    await sink.close();
  });

  it('when --to is given without a token, the import is refused before anything is read', async () => {
    await expect(openSink(loadConfig({}), { to: 'http://127.0.0.1:18080' })).rejects.toThrow('--to needs --token');
  });
});
