import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * vitest globalSetup: every temporary directory the tests make (logs, chDB data, servers' data
 * directories) goes under one root per run, removed when the run ends. os.tmpdir() reads TMPDIR,
 * and the test workers and the servers they spawn inherit it.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'sunlight-tests-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}
