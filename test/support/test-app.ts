import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../ingest/app.ts';
import { inlinePreparer, type BatchPreparer } from '../../ingest/batch-preparer.ts';
import { hashToken, TokenRegistry, type Role } from '../../infra/auth/tokens.ts';
import { createSqliteEventStore } from '../../infra/event-store/sqlite.ts';
import { caseClockService } from '../../infra/case-clock.ts';
import { defaultClockConfig } from '../../domain/clock/index.ts';

export const tokens = {
  admin: 'test-admin-token-0000000000',
  deptA: 'test-dept-a-token-000000000',
  deptB: 'test-dept-b-token-000000000',
  auditor: 'test-auditor-token-00000000',
  supervisor: 'test-supervisor-token-00000',
  leader: 'test-leader-token-000000000',
} as const;

export interface TestApp {
  app: FastifyInstance;
  store: ReturnType<typeof createSqliteEventStore>;
  dir: string;
  auth(who: keyof typeof tokens): { authorization: string };
  close(): Promise<void>;
}

/** An app on a fresh SQLite file in a temp dir, with one token per role. */
export async function testApp(opts: { deptA: string; deptB: string; maxEvents?: number; maxBytes?: number; preparer?: BatchPreparer; now?: () => Date }): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'sunlight-app-'));
  const store = createSqliteEventStore({ file: join(dir, 'events.db') });
  const t = (name: string, role: Role, token: string, departments: string[] = []) => ({ name, role, departments, sha256: hashToken(token) });
  const registry = new TokenRegistry([
    t('admin', 'admin', tokens.admin),
    t('dept A system', 'department', tokens.deptA, [opts.deptA]),
    t('dept B system', 'department', tokens.deptB, [opts.deptB]),
    t('auditor Li', 'auditor', tokens.auditor),
    t('supervision office', 'supervisor', tokens.supervisor),
    t('county leader', 'leader', tokens.leader),
  ]);
  const app = await buildApp({
    store,
    tokens: registry,
    limits: { maxEvents: opts.maxEvents ?? 10_000, maxBytes: opts.maxBytes ?? 16 * 1024 * 1024 },
    storeKind: 'sqlite',
    now: () => new Date(),
    preparer: opts.preparer ?? inlinePreparer(),
    caseClock: caseClockService(store, defaultClockConfig, opts.now ?? (() => new Date())),
  });
  return {
    app,
    store,
    dir,
    auth: (who) => ({ authorization: `Bearer ${tokens[who]}` }),
    close: async () => {
      await app.close();
      await store.close();
      await opts.preparer?.close();
    },
  };
}
