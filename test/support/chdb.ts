import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openChdb, pinnedSettings, type ClickHouse } from '../../infra/clickhouse/client.ts';

let shared: Promise<ClickHouse> | undefined;

/**
 * chDB binds one data directory per process, so every test of a file shares one engine. Tests
 * isolate themselves by unique database names instead of cleaning up.
 */
export async function testClickHouse(database = `t_${Math.random().toString(36).slice(2, 10)}`): Promise<ClickHouse> {
  shared ??= openChdb(join(mkdtempSync(join(tmpdir(), 'sunlight-ch-')), 'clickhouse'), 'default', pinnedSettings('Asia/Shanghai'));
  const base = await shared;
  await base.client.command({ query: `CREATE DATABASE IF NOT EXISTS ${database}` });
  await base.client.command({ query: `USE ${database}` });
  return { ...base, database, close: async () => {} };
}
