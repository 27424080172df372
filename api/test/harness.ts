import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';
import { buildApp, type App } from '../src/app.js';
import { loadConfig, type Config } from '../src/config.js';
import { migrate, openOrm, type Orm } from '../src/db/orm.js';
import { openSqlPool, type Sql, type SqlPool } from '../src/db/sql.js';
import { createEventBus, type EventBus } from '../src/events/event-bus.js';
import { createLogger } from '../src/logger.js';
import type { Services } from '../src/services.js';
import { findFreePort } from '../src/db/free-port.js';

export interface TestDatabase {
  /** What the app is given as DATABASE_URL: PgBouncer's in the `pgbouncer` project. */
  url: string;
  /** The server itself (DATABASE_DIRECT_URL), for LISTEN and the migration lock. */
  directUrl: string;
  name: string;
  drop(): Promise<void>;
}

/** Where a server's databases are: the run's shared PostgreSQL unless a test brings its own. */
export interface PgServer {
  host: string;
  port: number;
  user: string;
  password: string;
}

const serverUrl = (server: PgServer, database: string) =>
  `postgres://${server.user}:${encodeURIComponent(server.password)}@${server.host}:${server.port}/${database}`;

async function admin<T>(server: PgServer, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl(server, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database on the run's embedded PostgreSQL (or `server`), for one test file. */
export async function createTestDatabase(server: PgServer = inject('pg')): Promise<TestDatabase> {
  const name = `roster_test_${randomBytes(6).toString('hex')}`;
  await admin(server, (client) => client.query(`create database ${name}`));
  const bouncerPort = server.port === inject('pg').port ? inject('pgbouncerPort') : undefined;
  const directUrl = serverUrl(server, name);
  return {
    url: bouncerPort ? serverUrl({ ...server, port: bouncerPort }, name) : directUrl,
    directUrl,
    name,
    drop: () => admin(server, (client) => client.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  };
}

/** The SQL layer over a test's database, prepared statements on as by default. */
export function openTestSql(url: string, poolMax = 2): SqlPool {
  return openSqlPool({ url, poolMax, preparedStatements: true });
}

export interface MigratedDatabase {
  database: TestDatabase;
  orm: Orm;
  /** The SQL layer over the same database, as the stores use it. */
  sql: SqlPool;
  /** A plain client on the same database, for SQL the test writes itself. */
  client: pg.Client;
  close(): Promise<void>;
}

/** A fresh, migrated database with an ORM and a pg client, for tests below the app. */
export async function openMigratedDatabase(): Promise<MigratedDatabase> {
  const database = await createTestDatabase();
  const orm = await openOrm(database.url, 2);
  await migrate(orm, database.directUrl);
  const sql = openTestSql(database.url);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  return {
    database,
    orm,
    sql,
    client,
    close: async () => {
      await client.end();
      await sql.close();
      await orm.close();
      await database.drop();
    },
  };
}

export interface TestApp {
  app: App;
  orm: Orm;
  /** The app's SQL pool (see `App.sql`). */
  sql: Sql;
  events: EventBus;
  config: Config;
  baseUrl: string;
  /** The metrics listener's origin (METRICS_PORT, on loopback). */
  metricsUrl: string;
  database: TestDatabase;
  /** Services over a fresh entity manager, for seeding and for asserting on stored state. */
  services(): Services;
  close(): Promise<void>;
}

/** The real server on a loopback port over its own migrated database. */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { consoleDist?: string; pgServer?: PgServer } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(options.pgServer);
  const port = await findFreePort();
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    PORT: String(port),
    METRICS_PORT: '0',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: database.url,
    DATABASE_DIRECT_URL: database.directUrl,
    ...(database.url === database.directUrl ? {} : { DATABASE_PREPARED_STATEMENTS: 'false' }),
    // Tests fire SCIM requests faster than an IdP may; scim-rate-limit.test.ts turns the limit on.
    SCIM_RATE_LIMIT_PER_SECOND: '0',
    ...env,
  });
  const orm = await openOrm(database.url, 10);
  await migrate(orm, database.directUrl);
  const logger = createLogger(config);
  const events = createEventBus(database.directUrl, logger);
  const app = buildApp({ config, orm, logger, events, consoleDist: options.consoleDist });
  await app.start(port, '127.0.0.1');
  app.markReady();
  return {
    app,
    orm,
    sql: app.sql,
    events,
    config,
    baseUrl: `http://127.0.0.1:${port}`,
    metricsUrl: `http://127.0.0.1:${app.metricsPort()}`,
    database,
    services: () => app.services(),
    close: async () => {
      await app.stop();
      await events.close();
      await orm.close();
      await database.drop();
    },
  };
}
