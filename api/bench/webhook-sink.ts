import { fork } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { PathLog, SinkMode, SinkReply, SinkRequest } from './webhook-sink-process.js';

export type { SinkMode } from './webhook-sink-process.js';

/** Milliseconds since the epoch with sub-millisecond precision, comparable across processes. */
export const preciseNow = () => performance.timeOrigin + performance.now();

/**
 * A loopback webhook receiver for the events bench, in a process of its own as a host
 * application's receiver would be (in Roster's process it would take Roster's CPU): per path,
 * what it accepted and when.
 */
export async function startWebhookSink() {
  const child = fork(fileURLToPath(new URL('./webhook-sink-process.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const waiting = new Map<number, (reply: SinkReply) => void>();
  let nextId = 0;
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('message', (message) => resolve((message as { port: number }).port));
  });
  child.on('message', (message) => {
    const reply = message as SinkReply;
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  const ask = (request: Omit<SinkRequest, 'id'>) => new Promise<SinkReply>((resolve) => {
    const id = (nextId += 1);
    waiting.set(id, resolve);
    child.send({ ...request, id });
  });
  const log = async (path: string): Promise<PathLog> => (await ask({ op: 'log', path })).log!;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    log,
    setMode: async (path: string, mode: SinkMode) => void (await ask({ op: 'mode', path, mode })),
    refused: async () => (await ask({ op: 'refused' })).refused!,
    async waitFor(path: string, count: number, timeoutMs: number): Promise<boolean> {
      const deadline = Date.now() + timeoutMs;
      while ((await ask({ op: 'count', path })).count! < count) {
        if (Date.now() > deadline) return false;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return true;
    },
    close: () => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill();
    }),
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
