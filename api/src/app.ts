import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.js';
import type { Orm } from './db/orm.js';
import type { EventBus } from './events/event-bus.js';
import { createGraphqlServer } from './graphql/yoga.js';
import { createReadyz, healthz } from './http/health.js';
import { createAccessLog } from './http/access-log.js';
import { createMetrics, type Metrics } from './http/metrics.js';
import { createMetricsHandler, createMetricsServer, publicMetricsHandler } from './http/metrics-endpoint.js';
import { listen } from './http/listen.js';
import { createRequestListener } from './http/router.js';
import { createConsoleHandler } from './http/static-console.js';
import { guardServer } from './http/server-guards.js';
import type { Logger } from './logger.js';
import { createScimHandler } from './http/scim/scim-handler.js';
import { createExportHandler } from './http/export/export-handler.js';
import { createBulkDeleteRunner } from './modules/bulk-delete/bulk-delete.runner.js';
import { createCountCompactor } from './modules/directory/directory-count-compactor.js';
import { createDeletedUserPurger } from './modules/deprovisioning/deleted-user-purger.js';
import { createStatisticsKeeper } from './db/statistics-keeper.js';
import { sqlFor } from './db/sql.js';
import { followAuditEntries } from './modules/companies/audit-log.js';

export interface AppDeps {
  config: Config;
  orm: Orm;
  logger: Logger;
  events: EventBus;
  consoleDist?: string;
}

export interface App {
  server: Server;
  /** Listens (and the metrics listener on METRICS_PORT) and resolves with the bound port (0 picks a free one). */
  start(port?: number, host?: string): Promise<number>;
  /** The metrics listener's bound port, once started. */
  metricsPort(): number | undefined;
  /** Flags migrations (and the first-start bootstrap) as done; /readyz answers 503 until then. */
  markReady(): void;
  /** Stops accepting, lets in-flight requests finish (bounded), closes sockets. */
  stop(): Promise<void>;
}

const DEFAULT_DIST = fileURLToPath(new URL('../../console/dist', import.meta.url));

export function buildApp({ config, orm, logger, events, consoleDist = DEFAULT_DIST }: AppDeps): App {
  let ready = false;
  let metricsPort: number | undefined;
  const metrics = createMetrics(orm);
  followOperations(metrics, { orm, events, logger });
  const graphql = createGraphqlServer({ orm, config, logger, events, metrics });
  const scim = createScimHandler({ orm, config, logger, events, metrics });
  const metricsHandler = createMetricsHandler(metrics, config.metricsToken);
  const metricsServer = createMetricsServer(metricsHandler);
  const consoleHandler = createConsoleHandler(consoleDist);
  const bulkDeleteRunner = createBulkDeleteRunner({ orm, events, logger });
  const sql = sqlFor(orm.em);
  const countCompactor = createCountCompactor(sql, logger);
  const deletedUserPurger = createDeletedUserPurger(sql, logger);
  // The tables behind the prepared SCIM statements.
  const statisticsKeeper = createStatisticsKeeper(sql, ['directory_user', 'directory_group', 'directory_membership', 'provisioning_event'], logger);
  metrics.watch({ activityRecorder: scim.activityStats, bulkDeleteJobsRunning: bulkDeleteRunner.running });
  const listener = createRequestListener(
    {
      scim: scim.handle,
      graphql: graphql.handle,
      console: async (req, res, url) => void (await consoleHandler(req, res, url.pathname)),
      healthz,
      readyz: createReadyz(orm, () => ready),
      metrics: publicMetricsHandler(metricsHandler, config.metricsToken),
      export: createExportHandler({ orm, config, logger }),
    },
    metrics,
    logger,
    config.accessLog ? createAccessLog(logger) : undefined,
  );
  const server = createServer({ keepAliveTimeout: 65_000 }, listener);
  guardServer(server, logger);
  const closeWebSocket = graphql.attachWebSocket(server);

  return {
    server,
    start: async (port = config.port, host = config.host) => {
      const bound = await listen(server, port, host);
      metricsPort = await metricsServer.start(config.metricsPort, config.metricsHost).catch((error: unknown) => {
        throw new Error(`METRICS_PORT ${config.metricsPort} on ${config.metricsHost}: ${error instanceof Error ? error.message : String(error)}`);
      });
      return bound;
    },
    metricsPort: () => metricsPort,
    markReady: () => {
      ready = true;
      // Jobs are claimed only once the schema is migrated (markReady follows the migrations).
      void bulkDeleteRunner.start();
      countCompactor.start();
      deletedUserPurger.start();
      statisticsKeeper.start();
    },
    stop: async () => {
      await bulkDeleteRunner.stop();
      await countCompactor.stop();
      await deletedUserPurger.stop();
      await statisticsKeeper.stop();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closeWebSocket();
      await scim.stop();
      await metricsServer.stop();
      const deadline = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutMs);
      await closed;
      clearTimeout(deadline);
    },
  };
}

/** Event-bus reconnects become a metric; every audit entry written becomes one admin-action log line. */
function followOperations(metrics: Metrics, { orm, events, logger }: Pick<AppDeps, 'orm' | 'events' | 'logger'>): void {
  events.onReconnect(() => metrics.countReconnect());
  followAuditEntries(orm, ({ action, auditId, companyId, actor, detail }) =>
    logger.info({ adminAction: action, auditId, companyId, actor, detail }, 'admin action'));
}
