import { buildApp } from './app.js';
import { bootstrapDemo } from './bootstrap-demo.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase } from './db/database.js';
import { migrate, openOrm } from './db/orm.js';
import { InstanceRunningError } from './db/instance-lock.js';
import { createEventBus } from './events/event-bus.js';
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
  const events = createEventBus(database.url, logger);
  opened.add(() => events.close());
  const app = buildApp({ config, orm, logger, events });
  const port = await app.start();
  opened.add(() => app.stop());
  await database.announce(port);
  await migrate(orm, database.url);
  // Ready only after the bootstrap: a script that waits for /readyz and signs in must find the operator.
  const services = app.services();
  const demo = database.embedded ? await bootstrapDemo(services, config) : null;
  if (demo) printDemoCredentials(demo);
  app.markReady();
  logger.info({ port, embedded: database.embedded }, `Roster listening on http://${config.host}:${port}`);
  process.stdout.write(`${await signInLine(services, config, demo)}\n`);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  installProcessGuard({ logger });
  const opened = createOpenedResources();
  const started = start(config, logger, opened);
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
