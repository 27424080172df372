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
import { createStatisticsKeeper } from './db/statistics-keeper.js';
import { openSqlPool, type Sql } from './db/sql.js';
import { followAuditEntries } from './modules/companies/audit-log.js';
import { createScimCallerCache } from './modules/access/scim-caller-cache.js';
import { createServices, type Services, type SharedState } from './services.js';
import { answerMetricsRequests, metricsFromPrimary } from './cluster/cluster-metrics.js';

export interface AppDeps {
  config: Config;
  orm: Orm;
  logger: Logger;
  events: EventBus;
  consoleDist?: string;
  /** A WORKERS>1 worker: the primary serves METRICS_PORT and asks each worker for its series. */
  clusterWorker?: boolean;
}

export interface App {
  server: Server;
  /** Listens (and the metrics listener on METRICS_PORT) and resolves with the bound port (0 picks a free one). */
  start(port?: number, host?: string): Promise<number>;
  /** The metrics listener's bound port, once started. */
  metricsPort(): number | undefined;
  /** Flags migrations (and the first-start bootstrap) as done; /readyz answers 503 until then. */
  markReady(): void;
  /** The app's SQL pool, open from `buildApp` until `stop`. */
  readonly sql: Sql;
  /** The domain services over a fresh entity manager and the app's `Sql` (start-up bootstrap, tests). */
  services(): Services;
  /** Stops accepting, lets in-flight requests finish (bounded), closes sockets and the SQL pool. */
  stop(): Promise<void>;
}

const DEFAULT_DIST = fileURLToPath(new URL('../../console/dist', import.meta.url));

export function buildApp({ config, orm, logger, events, consoleDist = DEFAULT_DIST, clusterWorker = false }: AppDeps): App {
  let ready = false;
  let metricsPort: number | undefined;
  // The hot paths' statements and their registry of prepared names live as long as this app.
  const sql = openSqlPool({
    url: orm.config.get('clientUrl')!, poolMax: config.databasePoolMax, preparedStatements: config.databasePreparedStatements,
  });
  const metrics = createMetrics(sql);
  followOperations(metrics, { orm, events, logger });
  const accessLog = config.accessLog ? createAccessLog(logger) : undefined;
  const noteCompany = accessLog?.noteCompany ?? (() => undefined);
  // The app's only in-process caches are built here (and inside the handlers it builds), never at module level.
  const scimCallers = createScimCallerCache();
  const shared: SharedState = { forgetScimCallers: scimCallers.forget };
  const graphql = createGraphqlServer({ orm, sql, config, logger, events, metrics, noteCompany, shared });
  const scim = createScimHandler({ sql, config, logger, events, scimCallers, metrics });
  const metricsHandler = createMetricsHandler(metrics.registry, config.metricsToken);
  // A worker's public /metrics shows the whole process group, as METRICS_PORT on the primary does.
  const publicMetrics = clusterWorker ? createMetricsHandler(metricsFromPrimary(), config.metricsToken) : metricsHandler;
  const metricsServer = createMetricsServer(metricsHandler);
  const consoleHandler = createConsoleHandler(consoleDist);
  const bulkDeleteRunner = createBulkDeleteRunner({ sql, events, logger });
  const countCompactor = createCountCompactor(sql, logger);
  // The tables behind the prepared SCIM statements.
  const statisticsKeeper = createStatisticsKeeper(sql, ['directory_user', 'directory_group', 'directory_membership', 'provisioning_event'], logger);
  metrics.watch({ activityRecorder: scim.activityStats, bulkDeleteJobsRunning: bulkDeleteRunner.running });
  const listener = createRequestListener(
    {
      scim: scim.handle,
      graphql: graphql.handle,
      console: async (req, res, url) => void (await consoleHandler(req, res, url.pathname)),
      healthz,
      readyz: createReadyz({ orm, sql }, () => ready),
      metrics: publicMetricsHandler(publicMetrics, config.metricsToken),
      export: createExportHandler({ orm, sql, config, logger, noteCompany }),
    },
    metrics,
    logger,
    accessLog?.log,
  );
  const server = createServer({ keepAliveTimeout: 65_000 }, listener);
  guardServer(server, logger);
  const closeWebSocket = graphql.attachWebSocket(server);
  let stopAnsweringMetrics = () => {};

  return {
    server,
    sql,
    start: async (port = config.port, host = config.host) => {
      const bound = await listen(server, port, host);
      if (clusterWorker) {
        stopAnsweringMetrics = answerMetricsRequests(metrics.registry);
        return bound;
      }
      metricsPort = await metricsServer.start(config.metricsPort, config.metricsHost).catch((error: unknown) => {
        throw new Error(`METRICS_PORT ${config.metricsPort} on ${config.metricsHost}: ${error instanceof Error ? error.message : String(error)}`);
      });
      return bound;
    },
    metricsPort: () => metricsPort,
    services: () => createServices(orm.em.fork(), sql, config, shared),
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
      stopAnsweringMetrics();
      await metricsServer.stop();
      const deadline = setTimeout(() => server.closeAllConnections(), config.shutdownTimeoutMs);
      await closed;
      clearTimeout(deadline);
      await sql.close();
    },
  };
}

/** Event-bus reconnects become a metric; every audit entry written becomes one admin-action log line. */
function followOperations(metrics: Metrics, { orm, events, logger }: Pick<AppDeps, 'orm' | 'events' | 'logger'>): void {
  events.onReconnect(() => metrics.countReconnect());
  followAuditEntries(orm, ({ action, auditId, companyId, actor, detail }) =>
    logger.info({ adminAction: action, auditId, companyId, actor, detail }, 'admin action'));
}
