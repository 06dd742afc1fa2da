import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@clickhouse/client';
import { openChdb, pinnedSettings, type ClickHouse } from '../../infra/clickhouse/client.ts';

let shared: Promise<ClickHouse> | undefined;
const serverUrl = process.env.CLICKHOUSE_URL;

/**
 * The ClickHouse the read-model tests run against: a server when CLICKHOUSE_URL is set (each test
 * file in its own fresh database), otherwise embedded chDB. chDB binds one data directory per
 * process, so the tests of a file share one engine and isolate themselves by database names.
 */
export async function testClickHouse(database = `t_${Math.random().toString(36).slice(2, 10)}`): Promise<ClickHouse> {
  if (serverUrl) return serverDatabase(serverUrl, database);
  shared ??= openChdb(join(mkdtempSync(join(tmpdir(), 'sunlight-ch-')), 'clickhouse'), 'default', pinnedSettings('Asia/Shanghai'));
  const base = await shared;
  await base.client.command({ query: `CREATE DATABASE IF NOT EXISTS ${database}` });
  await base.client.command({ query: `USE ${database}` });
  return { ...base, database, close: async () => {} };
}

export const clickHouseUnderTest = serverUrl ? `ClickHouse server at ${serverUrl}` : 'embedded chDB';

async function serverDatabase(url: string, database: string): Promise<ClickHouse> {
  const auth = { username: process.env.CLICKHOUSE_USER ?? 'default', password: process.env.CLICKHOUSE_PASSWORD ?? '' };
  const admin = createClient({ url, ...auth });
  await admin.command({ query: `CREATE DATABASE IF NOT EXISTS ${database}` });
  await admin.close();
  const client = createClient({ url, ...auth, database, clickhouse_settings: pinnedSettings('Asia/Shanghai') });
  return { client, kind: 'server', database, close: () => client.close() };
}
