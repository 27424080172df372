import http, { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/** How the sink answers: 204 at once, 503, or by resetting the connection (a receiver that is gone). */
export type SinkMode = 'up' | '503' | 'refuse';

interface PathLog {
  /** webhook-id of every accepted (2xx) request, in arrival order; retries appear again. */
  accepted: string[];
  firstAt: number;
  lastAt: number;
}

/**
 * A loopback webhook receiver for the events bench: per path, what it accepted and when. It
 * answers without reading the signature (the tests verify signatures; here it would only measure
 * the receiver), and runs in the bench's process, so it shares that process's CPU with Roster.
 */
export async function startWebhookSink() {
  const paths = new Map<string, PathLog>();
  const modes = new Map<string, SinkMode>();
  let refused = 0;
  const logOf = (path: string) => {
    let log = paths.get(path);
    if (!log) paths.set(path, (log = { accepted: [], firstAt: 0, lastAt: 0 }));
    return log;
  };
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const mode = modes.get(path) ?? 'up';
    if (mode === 'refuse') {
      refused += 1;
      req.socket.destroy();
      return;
    }
    req.resume();
    req.on('end', () => {
      if (mode === '503') {
        refused += 1;
        res.writeHead(503).end('down');
        return;
      }
      const log = logOf(path);
      const now = performance.now();
      if (log.accepted.length === 0) log.firstAt = now;
      log.lastAt = now;
      log.accepted.push(String(req.headers['webhook-id'] ?? ''));
      res.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (path: string) => `${base}${path}`,
    log: (path: string) => logOf(path),
    setMode: (path: string, mode: SinkMode) => modes.set(path, mode),
    refused: () => refused,
    async waitFor(path: string, count: number, timeoutMs: number): Promise<boolean> {
      const deadline = Date.now() + timeoutMs;
      while (logOf(path).accepted.length < count) {
        if (Date.now() > deadline) return false;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return true;
    },
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

export type WebhookSink = Awaited<ReturnType<typeof startWebhookSink>>;

/**
 * The raw limit of one ordered stream on this machine: the same bodies POSTed one after another
 * over a keep-alive connection, with nothing else (no database, no signing). Events per second.
 */
export async function rawOrderedPosts(url: string, bodies: readonly string[]): Promise<number> {
  const target = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const post = (body: string, id: number) => new Promise<void>((resolve, reject) => {
    const request = http.request({
      agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'webhook-id': `raw_${id}` },
    }, (response) => {
      response.resume();
      response.on('end', resolve);
    });
    request.on('error', reject);
    request.end(body);
  });
  const started = performance.now();
  for (const [index, body] of bodies.entries()) await post(body, index);
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return bodies.length / seconds;
}
