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

/**
 * Node's parser accepts targets the WHATWG parser refuses (`GET http://[ HTTP/1.1`); such a
 * request gets a 400, where a throw here used to end the process. An origin-form target is
 * appended to the origin rather than resolved against it: resolved, `//host/path` would name a
 * host, not a path.
 */
function parseTarget(target = '/'): URL | undefined {
  try {
    return target.startsWith('/') ? new URL(`http://localhost${target}`) : new URL(target);
  } catch {
    return undefined;
  }
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
    const url = parseTarget(req.url);
    const family = url ? familyOf(url.pathname) : 'other';
    res.once('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.observe(family, req.method ?? 'GET', res.statusCode, seconds);
      accessLog?.({ req, res, family, pathname: url?.pathname ?? '', requestId, seconds });
    });
    // A stream error after the client went away is not worth a crash; it is worth a debug line.
    const onStreamError = (error: Error) => logger.debug({ err: error, requestId }, 'request stream error');
    req.on('error', onStreamError);
    res.on('error', onStreamError);
    if (!url) return badTarget(res);
    // `new Promise` turns a synchronous throw in a handler into a rejection, answered like any other.
    new Promise<void>((resolve) => resolve(byFamily[family](req, res, url, requestId))).catch((error: unknown) => {
      logger.error({ err: error, requestId }, 'unhandled error in request handler');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`Internal server error (request ${requestId})`);
    });
  };
}

function badTarget(res: ServerResponse): void {
  res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
  res.end('Bad request target');
}

function validRequestId(header: string | string[] | undefined): string | undefined {
  return typeof header === 'string' && /^[\w.-]{1,100}$/.test(header) ? header : undefined;
}
