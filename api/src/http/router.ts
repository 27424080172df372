import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Logger } from '../logger.js';
import type { AccessLog } from './access-log.js';
import type { Metrics, RouteFamily } from './metrics.js';

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL, requestId: string) => Promise<void> | void;

export interface Routes {
  scim: Handler;
  graphql: Handler;
  console: Handler;
  healthz: Handler;
  readyz: Handler;
  metrics: Handler;
  export: Handler;
}

export const SCIM_PREFIX = '/pp/scim/v2/';

function familyOf(pathname: string): RouteFamily {
  if (pathname.startsWith(SCIM_PREFIX)) return 'scim';
  if (pathname === '/graphql') return 'graphql';
  if (pathname === '/healthz' || pathname === '/readyz') return 'health';
  if (pathname === '/metrics') return 'metrics';
  if (pathname.startsWith('/export/')) return 'export';
  return 'console';
}

/** The one router: every request gets a request id, a route family and a duration metric. */
export function createRequestListener(routes: Routes, metrics: Metrics, logger: Logger, accessLog?: AccessLog): RequestListener {
  const byFamily: Record<RouteFamily, Handler> = {
    scim: routes.scim,
    graphql: routes.graphql,
    console: routes.console,
    metrics: routes.metrics,
    export: routes.export,
    other: routes.console,
    health: (req, res, url, id) => (url.pathname === '/healthz' ? routes.healthz : routes.readyz)(req, res, url, id),
  };
  return (req, res) => {
    const started = process.hrtime.bigint();
    const requestId = validRequestId(req.headers['x-request-id']) ?? randomUUID();
    res.setHeader('x-request-id', requestId);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const family = familyOf(url.pathname);
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.observe(family, req.method ?? 'GET', res.statusCode, seconds);
      accessLog?.({ req, res, family, pathname: url.pathname, requestId, seconds });
    });
    Promise.resolve(byFamily[family](req, res, url, requestId)).catch((error: unknown) => {
      logger.error({ err: error, requestId }, 'unhandled error in request handler');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`Internal server error (request ${requestId})`);
    });
  };
}

function validRequestId(header: string | string[] | undefined): string | undefined {
  return typeof header === 'string' && /^[\w.-]{1,100}$/.test(header) ? header : undefined;
}
