import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.js';
import type { Orm } from './db/orm.js';
import type { EventBus } from './events/event-bus.js';
import { createGraphqlServer } from './graphql/yoga.js';
import { createReadyz, healthz } from './http/health.js';
import { createMetrics } from './http/metrics.js';
import { createRequestListener, type Handler } from './http/router.js';
import { createConsoleHandler } from './http/static-console.js';
import { guardServer } from './http/server-guards.js';
import type { Logger } from './logger.js';
import { createScimHandler } from './http/scim/scim-handler.js';
import { createBulkDeleteRunner } from './modules/bulk-delete/bulk-delete.runner.js';
import { createCountCompactor } from './modules/directory/directory-count-compactor.js';
import { createStatisticsKeeper } from './db/statistics-keeper.js';
import { sqlFor } from './db/sql.js';

export interface AppDeps {
  config: Config;
  orm: Orm;
  logger: Logger;
  events: EventBus;
  consoleDist?: string;
}

export interface App {
  server: Server;
  /** Listens and resolves with the bound port (0 picks a free one). */
  start(port?: number, host?: string): Promise<number>;
  /** Flags migrations as applied; /readyz answers 503 until then. */
  markReady(): void;
  /** Stops accepting, lets in-flight requests finish (bounded), closes sockets. */
  stop(): Promise<void>;
}

const DEFAULT_DIST = fileURLToPath(new URL('../../console/dist', import.meta.url));

export function buildApp({ config, orm, logger, events, consoleDist = DEFAULT_DIST }: AppDeps): App {
  let ready = false;
  const metrics = createMetrics(orm);
  const graphql = createGraphqlServer({ orm, config, logger, events });
  const scim = createScimHandler({ orm, config, logger, events });
  const metricsHandler: Handler = async (_req, res) => {
    res.writeHead(200, { 'content-type': metrics.registry.contentType });
    res.end(await metrics.registry.metrics());
  };
  const consoleHandler = createConsoleHandler(consoleDist);
  const bulkDeleteRunner = createBulkDeleteRunner({ orm, events, logger });
  const sql = sqlFor(orm.em);
  const countCompactor = createCountCompactor(sql, logger);
  // The tables behind the prepared SCIM statements.
  const statisticsKeeper = createStatisticsKeeper(sql, ['directory_user', 'directory_group', 'directory_membership', 'provisioning_event'], logger);
  const listener = createRequestListener(
    {
      scim: scim.handle,
      graphql: graphql.handle,
      console: async (req, res, url) => void (await consoleHandler(req, res, url.pathname)),
      healthz,
      readyz: createReadyz(orm, () => ready),
      metrics: metricsHandler,
    },
    metrics,
    logger,
  );
  const server = createServer({ keepAliveTimeout: 65_000 }, listener);
  guardServer(server, logger);
  const closeWebSocket = graphql.attachWebSocket(server);

  return {
    server,
    start: (port = config.port, host = config.host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    markReady: () => {
      ready = true;
      // Jobs are claimed only once the schema is migrated (markReady follows the migrations).
      void bulkDeleteRunner.start();
      countCompactor.start();
      statisticsKeeper.start();
    },
    stop: async () => {
      await bulkDeleteRunner.stop();
      await countCompactor.stop();
      await statisticsKeeper.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closeWebSocket();
      await scim.stop();
      const deadline = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutMs);
      await closed;
      clearTimeout(deadline);
    },
  };
}
