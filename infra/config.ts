import { resolve } from 'node:path';
import cron from 'node-cron';
import { z } from 'zod';
import { isTimeZone } from '../domain/calendar/time-zone.ts';
import { clockConfigSchema, type ClockConfig } from '../domain/clock/index.ts';
import { alertConfigSchema, type AlertConfig } from '../domain/alerts/index.ts';
import { defaultThresholds, type RuleThresholds } from '../domain/alerts/thresholds.ts';
import type { WebhookTarget } from '../alerts/webhooks.ts';

/**
 * Configuration, parsed once from the environment into a frozen object and passed down.
 * This is the only module that reads `process.env`.
 */
const schema = z.object({
  SUNLIGHT_DATA_DIR: z.string().default('./data'),
  SUNLIGHT_HOST: z.string().default('127.0.0.1'),
  SUNLIGHT_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** Civil dates of the clock are taken in this zone, never in the server process's zone. */
  SUNLIGHT_TIME_ZONE: z.string().default('Asia/Shanghai').refine(isTimeZone, 'is not an IANA time zone'),
  SUNLIGHT_MAX_EVENTS_PER_REQUEST: z.coerce.number().int().positive().default(10_000),
  SUNLIGHT_MAX_REQUEST_BYTES: z.coerce.number().int().positive().default(16 * 1024 * 1024),
  /** Worker threads that validate large batches; 0 validates on the main thread. */
  SUNLIGHT_INGEST_WORKERS: z.coerce.number().int().min(0).max(16).default(1),
  SUNLIGHT_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** JSON file of hashed tokens: [{ name, role, departments?, sha256 }]. */
  SUNLIGHT_TOKENS_FILE: z.string().optional(),
  /** The same list inline, for deployments that configure through the environment only. */
  SUNLIGHT_TOKENS: z.string().optional(),
  SUNLIGHT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Set to use KurrentDB/EventStoreDB instead of the embedded SQLite log, e.g. kurrentdb://localhost:2113?tls=false */
  EVENTSTORE_URL: z.string().optional(),
  /** Set to use a ClickHouse server instead of the embedded chDB engine, e.g. http://localhost:8123 */
  CLICKHOUSE_URL: z.string().url().optional(),
  CLICKHOUSE_USER: z.string().default('default'),
  CLICKHOUSE_PASSWORD: z.string().default(''),
  CLICKHOUSE_DATABASE: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain identifier').default('sunlight'),
  /** A cluster name switches the DDL to ON CLUSTER with Replicated* engines. */
  CLICKHOUSE_CLUSTER: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a plain identifier').optional(),
  /** Events per projection write (batching by size) and the longest wait before a partial batch is written. */
  /**
   * `off` makes this process an API node only: it takes and serves events but maintains no read
   * models (production runs one projector per deployment; architecture.md).
   */
  /** `auto`: stream the simulated demo county into an empty data directory (and resume it later); `off`: never. */
  SUNLIGHT_DEMO: z.enum(['auto', 'off']).default('auto'),
  /** Simulated seconds per real second while the demo catches up with the present. */
  SUNLIGHT_DEMO_SPEED: z.coerce.number().positive().default(3600),
  SUNLIGHT_DEMO_SEED: z.coerce.number().int().nonnegative().default(1),
  /** Seconds between scheduled evaluations of the deadlines of the live cases (1–59). */
  SUNLIGHT_ALERT_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(59).default(5),
  /**
   * When every rule is run over every case (node-cron, with seconds), besides once at start;
   * `off`: only at start. Default 02:30 every night.
   */
  SUNLIGHT_ALERT_SWEEP_CRON: z
    .string()
    .default('0 30 2 * * *')
    .refine((v) => v === 'off' || cron.validate(v), { message: 'must be a node-cron expression with seconds, e.g. "0 30 2 * * *", or "off"' }),
  /** Rule thresholds as JSON, e.g. {"reportingLagWorkingDays":2,"ratingRectifyWorkingDays":5}. */
  SUNLIGHT_ALERT_THRESHOLDS: z.string().optional(),
  /** Alert lifecycle settings as JSON: {"replyWorkingDays":3,"noticeReplyWorkingDays":10,"monthlyRedsForNotice":3}. */
  SUNLIGHT_ALERT_LIFECYCLE: z.string().optional(),
  /** Webhooks as JSON: [{"url":"https://…","secret":"…","departments":["…"],"levels":["red"]}]. */
  SUNLIGHT_WEBHOOKS: z.string().optional(),
  SUNLIGHT_PROJECTIONS: z.enum(['on', 'off']).default('on'),
  SUNLIGHT_PROJECTION_BATCH: z.coerce.number().int().positive().default(5000),
  /**
   * The timeliness clock's [PROPOSED] settings as JSON, e.g. {"yellow":{"mode":"share-used","share":0.8}}:
   * yellow threshold, supplement mode (pause|restart), granularity (day|office-hours), deemed
   * acceptance days, extension maxima, suspension maximum. Unset fields keep their defaults.
   */
  SUNLIGHT_CLOCK: z.string().optional(),
  SUNLIGHT_PROJECTION_FLUSH_MS: z.coerce.number().int().positive().default(200),
});

export type Config = Readonly<{
  dataDir: string;
  host: string;
  port: number;
  timeZone: string;
  eventStore: { kind: 'sqlite'; file: string } | { kind: 'kurrentdb'; connectionString: string };
  ingest: { maxEvents: number; maxBytes: number; workers: number };
  auth: { adminToken?: string; tokensFile: string; tokensJson?: string };
  logLevel: string;
  clickhouse:
    | { kind: 'chdb'; path: string; database: string }
    | { kind: 'server'; url: string; username: string; password: string; database: string; cluster?: string };
  projection: { enabled: boolean; batchSize: number; flushMs: number };
  clock: ClockConfig;
  demo: { mode: 'auto' | 'off'; speed: number; seed: number };
  alerts: { intervalSeconds: number; sweepCron: string | undefined; thresholds: RuleThresholds; lifecycle: AlertConfig; webhooks: WebhookTarget[] };
}>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.SUNLIGHT_DATA_DIR);
  return Object.freeze({
    dataDir,
    host: e.SUNLIGHT_HOST,
    port: e.SUNLIGHT_PORT,
    timeZone: e.SUNLIGHT_TIME_ZONE,
    eventStore: e.EVENTSTORE_URL
      ? { kind: 'kurrentdb' as const, connectionString: e.EVENTSTORE_URL }
      : { kind: 'sqlite' as const, file: resolve(dataDir, 'events.db') },
    ingest: { maxEvents: e.SUNLIGHT_MAX_EVENTS_PER_REQUEST, maxBytes: e.SUNLIGHT_MAX_REQUEST_BYTES, workers: e.SUNLIGHT_INGEST_WORKERS },
    auth: { adminToken: e.SUNLIGHT_ADMIN_TOKEN, tokensFile: resolve(e.SUNLIGHT_TOKENS_FILE ?? `${dataDir}/tokens.json`), tokensJson: e.SUNLIGHT_TOKENS },
    logLevel: e.SUNLIGHT_LOG_LEVEL,
    clickhouse: e.CLICKHOUSE_URL
      ? { kind: 'server' as const, url: e.CLICKHOUSE_URL, username: e.CLICKHOUSE_USER, password: e.CLICKHOUSE_PASSWORD, database: e.CLICKHOUSE_DATABASE, cluster: e.CLICKHOUSE_CLUSTER }
      : { kind: 'chdb' as const, path: resolve(dataDir, 'clickhouse'), database: e.CLICKHOUSE_DATABASE },
    projection: { enabled: e.SUNLIGHT_PROJECTIONS === 'on', batchSize: e.SUNLIGHT_PROJECTION_BATCH, flushMs: e.SUNLIGHT_PROJECTION_FLUSH_MS },
    clock: clockConfig(e.SUNLIGHT_CLOCK, e.SUNLIGHT_TIME_ZONE),
    demo: { mode: e.SUNLIGHT_DEMO, speed: e.SUNLIGHT_DEMO_SPEED, seed: e.SUNLIGHT_DEMO_SEED },
    alerts: {
      intervalSeconds: e.SUNLIGHT_ALERT_INTERVAL_SECONDS,
      sweepCron: e.SUNLIGHT_ALERT_SWEEP_CRON === 'off' ? undefined : e.SUNLIGHT_ALERT_SWEEP_CRON,
      thresholds: Object.freeze({ ...defaultThresholds, ...jsonSetting('SUNLIGHT_ALERT_THRESHOLDS', e.SUNLIGHT_ALERT_THRESHOLDS, thresholdsSchema, {}) }) as RuleThresholds,
      lifecycle: Object.freeze(jsonSetting('SUNLIGHT_ALERT_LIFECYCLE', e.SUNLIGHT_ALERT_LIFECYCLE, alertConfigSchema, {})) as AlertConfig,
      webhooks: jsonSetting('SUNLIGHT_WEBHOOKS', e.SUNLIGHT_WEBHOOKS, webhooksSchema, []),
    },
  });
}

const thresholdsSchema = z.strictObject({
  reportingLagWorkingDays: z.number().nonnegative(), futureToleranceMinutes: z.number().nonnegative(), minReasonChars: z.number().int().nonnegative(),
  suspensionMaxWorkingDays: z.number().int().nonnegative(), forwardingWorkingDays: z.number().int().nonnegative(), deliveryWorkingDays: z.number().int().nonnegative(),
  fastMinutesPerStep: z.number().nonnegative(), fastFloorMinutes: z.number().nonnegative(), ratingRectifyWorkingDays: z.number().int().nonnegative(),
  extensionMax: z.strictObject({ normal: z.number().int().nonnegative(), joint: z.number().int().nonnegative() }), resubmissionWorkingDays: z.number().int().nonnegative(),
}).partial();
const webhooksSchema = z.array(z.strictObject({ url: z.url(), secret: z.string().min(16, 'must be at least 16 characters'), departments: z.array(z.string()).optional(), levels: z.array(z.enum(['yellow', 'red'])).optional() }));

/** A JSON-valued setting parsed with its schema; errors name the variable and the field. */
function jsonSetting<S extends z.ZodType>(name: string, json: string | undefined, schema: S, unset: unknown): z.output<S> {
  let raw: unknown;
  try {
    raw = json === undefined ? undefined : JSON.parse(json);
  } catch (error) {
    throw new ConfigError(`invalid configuration:\n  ${name}: not JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(raw ?? unset);
  if (!parsed.success) throw new ConfigError(`invalid configuration:\n${parsed.error.issues.map((i) => `  ${name}.${i.path.join('.')}: ${i.message}`).join('\n')}`);
  return parsed.data;
}

function clockConfig(json: string | undefined, timeZone: string): ClockConfig {
  let raw: unknown = {};
  try {
    raw = json ? JSON.parse(json) : {};
  } catch (error) {
    throw new ConfigError(`invalid configuration:\n  SUNLIGHT_CLOCK: not JSON (${(error as Error).message})`);
  }
  const parsed = clockConfigSchema.safeParse({ ...(raw as object), timeZone });
  if (!parsed.success) {
    throw new ConfigError(`invalid configuration:\n${parsed.error.issues.map((i) => `  SUNLIGHT_CLOCK.${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  return Object.freeze(parsed.data) as ClockConfig;
}
