import { createClient, type ClickHouseClient, type ClickHouseClientConfigOptions, type ClickHouseSettings } from '@clickhouse/client';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.ts';

/**
 * One ClickHouse for the whole app: chDB in-process (embedded) or a server over HTTP, both behind
 * @clickhouse/client so the same calls and the same SQL run on either.
 */
export interface ClickHouse {
  client: ClickHouseClient;
  kind: 'chdb' | 'server';
  database: string;
  /** Set when the DDL must be replicated across a cluster. */
  cluster?: string;
  /** chDB only: a directory for insert files (see insertRows). */
  insertDir?: string;
  close(): Promise<void>;
}

/**
 * Settings that differ between chDB and a server by default, pinned so both answer alike:
 * instants are parsed with their offsets and printed in ISO form, 64-bit integers come back as
 * strings (no silent precision loss), and civil dates are taken in the deployment's zone.
 */
export function pinnedSettings(timeZone: string): ClickHouseSettings {
  return {
    session_timezone: timeZone,
    date_time_input_format: 'best_effort',
    date_time_output_format: 'iso',
    output_format_json_quote_64bit_integers: 1,
    // A projection batch is one insert per table; do not let a server deduplicate retried
    // blocks behind our back: idempotency is by the version column, which is explicit.
    insert_deduplicate: 0,
    // A row and its replays always share a partition (the partition key is part of the row), so
    // FINAL need not merge across partitions, and can read them in parallel.
    do_not_merge_across_partitions_select_final: 1,
  };
}

export async function openClickHouse(config: Config): Promise<ClickHouse> {
  const settings = pinnedSettings(config.timeZone);
  const ch = config.clickhouse;
  if (ch.kind === 'server') {
    const admin = createClient({ url: ch.url, username: ch.username, password: ch.password, clickhouse_settings: settings });
    await admin.command({ query: `CREATE DATABASE IF NOT EXISTS ${ch.database}${ch.cluster ? ` ON CLUSTER ${ch.cluster}` : ''}` });
    await admin.close();
    const client = createClient({ url: ch.url, username: ch.username, password: ch.password, database: ch.database, clickhouse_settings: settings });
    return { client, kind: 'server', database: ch.database, ...(ch.cluster && { cluster: ch.cluster }), close: () => client.close() };
  }
  return openChdb(ch.path, ch.database, settings);
}

/** chDB ignores the client's `database` option, but keeps `USE` for the life of the connection. */
export async function openChdb(path: string, database: string, settings: ClickHouseSettings): Promise<ClickHouse> {
  const { createChdbConnection } = await import('chdb/connection');
  // chdb types its connection against @clickhouse/client-common, which the client now bundles
  // under its own path: the shapes are the same, the declarations are not.
  const connection = createChdbConnection({ path }) as unknown as NonNullable<ClickHouseClientConfigOptions['connection']>;
  const client = createClient({ connection, clickhouse_settings: settings });
  await client.command({ query: `CREATE DATABASE IF NOT EXISTS ${database}` });
  await client.command({ query: `USE ${database}` });
  // Insert files left by a crash are rows whose insert never returned: their batch is projected again.
  const insertDir = join(path, 'insert-files');
  rmSync(insertDir, { recursive: true, force: true });
  mkdirSync(insertDir, { recursive: true });
  return { client, kind: 'chdb', database, insertDir, close: () => client.close() };
}

