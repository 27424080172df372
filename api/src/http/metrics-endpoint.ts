import { listen } from './listen.js';
import { createServer, type Server } from 'node:http';
import { bearerToken } from '../modules/access/credentials.js';
import { hashToken, tokenMatches } from '../modules/access/secrets.js';
import type { Handler } from './router.js';

/** The Prometheus text of one process's registry, or of a cluster's workers merged. */
export interface MetricsText {
  readonly contentType: string;
  metrics(): Promise<string>;
}

function plain(res: Parameters<Handler>[1], status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain', ...headers });
  res.end(text);
}

/** The Prometheus text; with METRICS_TOKEN set, only for `Authorization: Bearer <token>`. */
export function createMetricsHandler(source: MetricsText, token: string | undefined): Handler {
  const expected = token && hashToken(token);
  return async (req, res) => {
    if (expected) {
      const presented = bearerToken(req.headers.authorization);
      if (!presented || !tokenMatches(presented, expected)) {
        return plain(res, 401, 'Unauthorized\n', { 'www-authenticate': 'Bearer realm="metrics"' });
      }
    }
    const text = await source.metrics();
    res.writeHead(200, { 'content-type': source.contentType, 'cache-control': 'no-store' });
    res.end(text);
  };
}

/** The public port answers /metrics only when a token guards it; otherwise it has no such page. */
export function publicMetricsHandler(handler: Handler, token: string | undefined): Handler {
  return token ? handler : (_req, res) => plain(res, 404, 'Not found\n');
}

export interface MetricsServer {
  /** Listens and resolves with the bound port (0 picks a free one). */
  start(port: number, host: string): Promise<number>;
  stop(): Promise<void>;
}

/** A listener of its own (METRICS_PORT, loopback by default) that serves /metrics and nothing else. */
export function createMetricsServer(handler: Handler): MetricsServer {
  const server: Server = createServer((req, res) => {
    // Compared as text: a malformed URL must not be able to throw here.
    if ((req.url ?? '').split('?')[0] !== '/metrics') return plain(res, 404, 'Not found\n');
    Promise.resolve(handler(req, res, new URL('http://localhost/metrics'), '')).catch(() => {
      if (!res.headersSent) plain(res, 500, 'Internal server error\n');
      else res.end();
    });
  });
  return {
    start: (port, host) => listen(server, port, host),
    stop: () =>
      new Promise((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
