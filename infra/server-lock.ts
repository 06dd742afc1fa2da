import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The embedded engines allow one process per data directory (chDB locks it). The running server
 * records itself here, so CLI commands can send their work to it or refuse clearly.
 */
export interface ServerRecord {
  pid: number;
  url: string;
  startedAt: string;
}

const fileIn = (dataDir: string) => join(dataDir, 'server.json');

export function recordRunningServer(dataDir: string, record: ServerRecord): void {
  writeFileSync(fileIn(dataDir), `${JSON.stringify(record)}\n`);
}

export function clearRunningServer(dataDir: string): void {
  rmSync(fileIn(dataDir), { force: true });
}

/** The server running on this data directory, if its process is alive (a stale record is ignored). */
export function runningServer(dataDir: string): ServerRecord | null {
  const file = fileIn(dataDir);
  if (!existsSync(file)) return null;
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as ServerRecord;
    process.kill(record.pid, 0);
    return record;
  } catch {
    return null;
  }
}
