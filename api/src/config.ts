import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const server = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .refine((value) => value === undefined || !/[?#]/.test(value), 'must be an origin without query or fragment'),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  WORKERS: z
    .union([z.literal('auto'), z.coerce.number().int().min(1).max(64)])
    .default(1)
    .transform((value) => (value === 'auto' ? availableParallelism() : value)),
});

const database = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_DIRECT_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(20),
  // false behind a pooler that cannot keep prepared statements (PgBouncer before 1.21 in transaction mode).
  DATABASE_PREPARED_STATEMENTS: booleanFlag.default(true),
});

const scim = z.object({
  SCIM_ENABLED: booleanFlag.default(true),
  SCIM_MAX_RESULTS: z.coerce.number().int().min(1).max(10_000).default(1000),
  SCIM_MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  SCIM_BULK_MAX_OPERATIONS: z.coerce.number().int().min(1).max(10_000).default(1000),
  ACTIVITY_RETENTION_PER_COMPANY: z.coerce.number().int().min(100).default(10_000),
  SCIM_MAX_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(16),
  SCIM_MAX_IN_FLIGHT: z.coerce.number().int().min(1).default(512),
  SCIM_RETRY_AFTER_SECONDS: z.coerce.number().int().min(1).max(3600).default(2),
  SCIM_STREAM_STALL_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  // Per company, over all replicas together; 0 turns the limit off (README "Rate limit").
  SCIM_RATE_LIMIT_PER_SECOND: z.coerce.number().int().min(0).default(100),
  SCIM_RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(300),
  SCIM_RATE_LIMIT_REPLICAS: z.coerce.number().int().min(1).default(1),
});

const logging = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ACCESS_LOG: booleanFlag.default(true),
});

// Metrics name every company and error rate: not for the public port unless a token guards them.
const metrics = z.object({
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  METRICS_TOKEN: z.string().min(16, 'needs at least 16 characters').optional(),
});

// Directory events and webhooks (README "Events and webhooks").
const events = z.object({
  EVENT_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
  WEBHOOK_ALLOW_INSECURE: booleanFlag.default(false),
  WEBHOOK_SECRET_KEY: z.base64().refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes in base64').optional(),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(24),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).default(5_000),
  WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().min(1).default(7_200_000),
  WEBHOOK_DISABLE_AFTER_FAILURES: z.coerce.number().int().min(1).default(3),
  WEBHOOK_POLL_MS: z.coerce.number().int().min(10).default(1_000),
  // How long an endpoint stays claimed by a replica that stopped answering (crashed) before another takes it.
  WEBHOOK_LEASE_MS: z.coerce.number().int().min(1_000).default(30_000),
});

const environment = server.extend(database.shape).extend(scim.shape).extend(logging.shape).extend(metrics.shape)
  .extend(events.shape);

export type Config = Readonly<{
  port: number;
  host: string;
  publicUrl: string;
  shutdownTimeoutMs: number;
  /** `node:cluster` workers serving the port; 1 runs everything in this process. */
  workers: number;
  databaseUrl: string | undefined;
  /** The server itself when DATABASE_URL is a transaction-mode pooler: LISTEN and the migration lock need a session. */
  databaseDirectUrl: string | undefined;
  dataDir: string;
  databasePoolMax: number;
  /** Hot statements become named prepared statements from their second use (off: never). */
  databasePreparedStatements: boolean;
  scimEnabled: boolean;
  scimMaxResults: number;
  scimMaxBodyBytes: number;
  scimBulkMaxOperations: number;
  activityRetentionPerCompany: number;
  /** SCIM requests that run at once; more wait their turn in arrival order. */
  scimMaxConcurrency: number;
  /** SCIM requests running or waiting; beyond them a request gets 503 with Retry-After. */
  scimMaxInFlight: number;
  scimRetryAfterSeconds: number;
  /** A streamed reply (a large group) whose client reads nothing for this long is cut. */
  scimStreamStallSeconds: number;
  /** `replicas`: the processes sharing the limit (SCIM_RATE_LIMIT_REPLICAS × WORKERS). */
  scimRateLimit: Readonly<{ perSecond: number; burst: number; replicas: number }>;
  logLevel: z.infer<typeof logging>['LOG_LEVEL'];
  accessLog: boolean;
  metricsPort: number;
  metricsHost: string;
  metricsToken: string | undefined;
  secureCookies: boolean;
  events: Readonly<{
    retentionDays: number;
    allowInsecure: boolean;
    secretKey: string | undefined;
    maxAttempts: number;
    retryBaseMs: number;
    retryMaxMs: number;
    disableAfterFailures: number;
    pollMs: number;
    leaseMs: number;
  }>;
}>;

export class ConfigError extends Error {}

/** Parses the environment once; every invalid variable is named in one message. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = environment.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    workers: e.WORKERS,
    databaseUrl: e.DATABASE_URL,
    databaseDirectUrl: e.DATABASE_DIRECT_URL ?? e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR),
    databasePoolMax: e.DATABASE_POOL_MAX,
    databasePreparedStatements: e.DATABASE_PREPARED_STATEMENTS,
    scimEnabled: e.SCIM_ENABLED,
    scimMaxResults: e.SCIM_MAX_RESULTS,
    scimMaxBodyBytes: e.SCIM_MAX_BODY_BYTES,
    scimBulkMaxOperations: e.SCIM_BULK_MAX_OPERATIONS,
    activityRetentionPerCompany: e.ACTIVITY_RETENTION_PER_COMPANY,
    scimMaxConcurrency: e.SCIM_MAX_CONCURRENCY,
    scimMaxInFlight: e.SCIM_MAX_IN_FLIGHT,
    scimRetryAfterSeconds: e.SCIM_RETRY_AFTER_SECONDS,
    scimStreamStallSeconds: e.SCIM_STREAM_STALL_SECONDS,
    scimRateLimit: Object.freeze({
      perSecond: e.SCIM_RATE_LIMIT_PER_SECOND,
      burst: e.SCIM_RATE_LIMIT_BURST,
      // Every worker of every replica keeps its own buckets and enforces its share.
      replicas: e.SCIM_RATE_LIMIT_REPLICAS * e.WORKERS,
    }),
    logLevel: e.LOG_LEVEL,
    accessLog: e.ACCESS_LOG,
    metricsPort: e.METRICS_PORT,
    metricsHost: e.METRICS_HOST,
    metricsToken: e.METRICS_TOKEN,
    secureCookies: publicUrl.startsWith('https:'),
    events: Object.freeze({
      retentionDays: e.EVENT_RETENTION_DAYS,
      allowInsecure: e.WEBHOOK_ALLOW_INSECURE,
      secretKey: e.WEBHOOK_SECRET_KEY,
      maxAttempts: e.WEBHOOK_MAX_ATTEMPTS,
      retryBaseMs: e.WEBHOOK_RETRY_BASE_MS,
      retryMaxMs: e.WEBHOOK_RETRY_MAX_MS,
      disableAfterFailures: e.WEBHOOK_DISABLE_AFTER_FAILURES,
      pollMs: e.WEBHOOK_POLL_MS,
      leaseMs: e.WEBHOOK_LEASE_MS,
    }),
  });
}
