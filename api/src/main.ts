import { buildApp } from './app.js';
import { bootstrapDemo } from './bootstrap-demo.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { migrate, openOrm } from './db/orm.js';
import { InstanceRunningError } from './db/instance-lock.js';
import { createEventBus } from './events/event-bus.js';
import { createLogger } from './logger.js';
import { printDemoCredentials } from './print-demo.js';
import { createServices } from './services.js';
import { onShutdownSignal } from './shutdown.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const database = await openDatabase(config, (line) => logger.debug({ postgres: line }));
  const orm = await openOrm(database.url, config.databasePoolMax);
  const events = createEventBus(database.url, logger);
  const app = buildApp({ config, orm, logger, events });
  const port = await app.start();
  await database.announce(port);
  await migrate(orm, database.url);
  app.markReady();
  logger.info({ port, embedded: database.embedded }, `Roster listening on http://${config.host}:${port}`);
  if (database.embedded) {
    const demo = await bootstrapDemo(createServices(orm.em.fork(), config), config);
    if (demo) printDemoCredentials(demo);
  }
  onShutdownSignal(logger, async () => {
    await app.stop();
    await events.close();
    await orm.close();
    await database.close();
  });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof InstanceRunningError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`Roster failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
