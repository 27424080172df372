import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/** How the sink answers: 204 at once, 503, or by resetting the connection (a receiver that is gone). */
export type SinkMode = 'up' | '503' | 'refuse';

export interface PathLog {
  /** webhook-id of every accepted (2xx) request, in arrival order; retries appear again. */
  accepted: string[];
  /** Epoch milliseconds (performance.timeOrigin based) of the first and last accepted request. */
  firstAt: number;
  lastAt: number;
}

export interface SinkRequest {
  id: number;
  op: 'log' | 'count' | 'mode' | 'refused';
  path?: string;
  mode?: SinkMode;
}

export interface SinkReply {
  id: number;
  log?: PathLog;
  count?: number;
  refused?: number;
}

/*
 * The events bench's receiver (bench/webhook-sink.ts forks it). It answers without checking
 * signatures (the tests verify them; here it would only measure the receiver).
 */
const paths = new Map<string, PathLog>();
const modes = new Map<string, SinkMode>();
let refused = 0;

function logOf(path: string): PathLog {
  let log = paths.get(path);
  if (!log) paths.set(path, (log = { accepted: [], firstAt: 0, lastAt: 0 }));
  return log;
}

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
    const now = performance.timeOrigin + performance.now();
    if (log.accepted.length === 0) log.firstAt = now;
    log.lastAt = now;
    log.accepted.push(String(req.headers['webhook-id'] ?? ''));
    res.writeHead(204).end();
  });
});
server.keepAliveTimeout = 30_000;

process.on('message', (message) => {
  const request = message as SinkRequest;
  const reply: SinkReply = { id: request.id };
  if (request.op === 'log') reply.log = logOf(request.path!);
  if (request.op === 'count') reply.count = logOf(request.path!).accepted.length;
  if (request.op === 'mode') modes.set(request.path!, request.mode!);
  if (request.op === 'refused') reply.refused = refused;
  process.send!(reply);
});
process.on('SIGTERM', () => process.exit(0));

server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));
