import cluster from 'node:cluster';
import { buildApp } from './app.js';
import { bootstrapDemo, type DemoCredentials } from './bootstrap-demo.js';
import { clusterMetrics, serveClusterMetricsToWorkers } from './cluster/cluster-metrics.js';
import { announceListening, forkWorkers } from './cluster/worker-pool.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase } from './db/database.js';
import { migrate, openOrm } from './db/orm.js';
import { InstanceRunningError } from './db/instance-lock.js';
import { createEventBus } from './events/event-bus.js';
import { openSqlPool } from './db/sql.js';
import { createServices } from './services.js';
import { createMetricsHandler, createMetricsServer } from './http/metrics-endpoint.js';
import { createLogger, type Logger } from './logger.js';
import { printDemoCredentials, signInLine } from './print-demo.js';
import { installProcessGuard } from './process-guard.js';
import { onShutdownSignal } from './shutdown.js';

/** What start-up opened, closed newest first and only once: on a shutdown signal or a failed start. */
function createOpenedResources() {
  const closers: (() => Promise<void>)[] = [];
  let closing: Promise<void> | undefined;
  return {
    add(close: () => Promise<void>): void {
      closers.push(close);
    },
    close(): Promise<void> {
      closing ??= (async () => {
        while (closers.length) await closers.pop()!();
      })();
      return closing;
    },
  };
}

type OpenedResources = ReturnType<typeof createOpenedResources>;

async function start(config: Config, logger: Logger, opened: OpenedResources): Promise<void> {
  const database = await openDatabase(config, (line) => logger.debug({ postgres: line }));
  opened.add(() => database.close());
  const orm = await openOrm(database.url, config.databasePoolMax);
  opened.add(() => orm.close());
  const events = createEventBus(database.directUrl, logger);
  opened.add(() => events.close());
  const app = buildApp({ config, orm, logger, events });
  const port = await app.start();
  opened.add(() => app.stop());
  await database.announce(port);
  await migrate(orm, database.directUrl);
  // Ready only after the bootstrap: a script that waits for /readyz and signs in must find the operator.
  const services = app.services();
  const demo = database.embedded ? await bootstrapDemo(services, config) : null;
  app.markReady();
  announceStart({ config, logger, port, embedded: database.embedded, demo, signIn: await signInLine(services, config, demo) });
}

interface StartAnnouncement {
  config: Config;
  logger: Logger;
  port: number;
  embedded: boolean;
  demo: DemoCredentials | null;
  signIn: string;
}

function announceStart({ config, logger, port, embedded, demo, signIn }: StartAnnouncement): void {
  if (demo) printDemoCredentials(demo);
  const workers = config.workers > 1 ? ` (${config.workers} workers)` : '';
  logger.info({ port, embedded, workers: config.workers }, `Roster listening on http://${config.host}:${port}${workers}`);
  process.stdout.write(`${signIn}\n`);
}

/**
 * WORKERS>1: this process opens the database, migrates and bootstraps, then forks the workers
 * that serve the port, and serves METRICS_PORT with their series merged.
 */
async function startPrimary(config: Config, logger: Logger, opened: OpenedResources): Promise<void> {
  const database = await openDatabase(config, (line) => logger.debug({ postgres: line }));
  opened.add(() => database.close());
  const orm = await openOrm(database.url, 2);
  const sql = openSqlPool({ url: database.url, poolMax: 2, preparedStatements: config.databasePreparedStatements });
  let demo: DemoCredentials | null;
  let signIn: string;
  try {
    await migrate(orm, database.directUrl);
    const services = createServices(orm.em.fork(), sql, config);
    demo = database.embedded ? await bootstrapDemo(services, config) : null;
    signIn = await signInLine(services, config, demo);
  } finally {
    await sql.close();
    await orm.close();
  }
  const pool = forkWorkers({ count: config.workers, env: { DATABASE_URL: database.url, DATABASE_DIRECT_URL: database.directUrl }, logger, stopTimeoutMs: config.shutdownTimeoutMs });
  opened.add(() => pool.stop());
  const port = await pool.started;
  await database.announce(port);
  const merged = clusterMetrics(pool.workers);
  const stopServingWorkers = serveClusterMetricsToWorkers(merged);
  opened.add(async () => stopServingWorkers());
  const metricsServer = createMetricsServer(createMetricsHandler(merged, config.metricsToken));
  await metricsServer.start(config.metricsPort, config.metricsHost);
  opened.add(() => metricsServer.stop());
  announceStart({ config, logger, port, embedded: database.embedded, demo, signIn });
}

/** A WORKERS>1 worker: the primary has migrated; this process serves requests and runs the background tasks' share. */
async function startWorker(config: Config, logger: Logger, opened: OpenedResources): Promise<void> {
  const orm = await openOrm(config.databaseUrl!, config.databasePoolMax);
  opened.add(() => orm.close());
  const events = createEventBus(config.databaseDirectUrl!, logger);
  opened.add(() => events.close());
  const app = buildApp({ config, orm, logger, events, clusterWorker: true });
  const port = await app.start();
  opened.add(() => app.stop());
  app.markReady();
  announceListening(port);
}

function startRole(config: Config, logger: Logger, opened: OpenedResources): Promise<void> {
  if (config.workers === 1) return start(config, logger, opened);
  return cluster.isPrimary ? startPrimary(config, logger, opened) : startWorker(config, logger, opened);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  installProcessGuard({ logger });
  const opened = createOpenedResources();
  const started = startRole(config, logger, opened);
  // Listening from the first step: a signal during start-up (a first initdb, migrations) lets the
  // step in flight finish and then closes what is open, rather than orphaning the embedded PostgreSQL.
  onShutdownSignal(logger, async () => {
    await started.catch(() => undefined);
    await opened.close();
  });
  try {
    await started;
  } catch (error) {
    await opened.close().catch(() => undefined);
    throw error;
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof InstanceRunningError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`Roster failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
