import cluster, { type Worker } from 'node:cluster';
import type { Logger } from '../logger.js';

const LISTENING = 'roster:listening';
/** A worker that served this long before exiting resets the restart back-off. */
const STABLE_AFTER_MS = 60_000;
const MAX_RESTART_DELAY_MS = 30_000;

interface ListeningMessage { type: typeof LISTENING; port: number }

/** In a worker: tells the primary this worker serves `port` (the one all workers share). */
export function announceListening(port: number): void {
  process.send?.({ type: LISTENING, port } satisfies ListeningMessage);
}

export interface WorkerPoolOptions {
  count: number;
  /** Added to each worker's environment (the database URL the primary opened). */
  env: Record<string, string>;
  logger: Logger;
  /** How long a worker may take to finish its requests on stop before it is killed. */
  stopTimeoutMs: number;
}

export interface WorkerPool {
  /** The shared port once every worker listens; rejects if one exits before that. */
  readonly started: Promise<number>;
  workers(): Worker[];
  stop(): Promise<void>;
}

/**
 * `count` workers serving one port, sharing nothing but PostgreSQL. A worker that dies after
 * start-up is replaced (with a growing delay while it keeps dying); one that dies during start-up
 * fails the start, since its replacement would most likely fail the same way.
 */
export function forkWorkers({ count, env, logger, stopTimeoutMs }: WorkerPoolOptions): WorkerPool {
  const live = new Set<Worker>();
  let stopping = false;
  let listening = 0;
  let restarts = 0;
  let settle!: { resolve: (port: number) => void; reject: (error: Error) => void };
  const started = new Promise<number>((resolve, reject) => (settle = { resolve, reject }));
  let startedUp = false;

  function fork(): void {
    const worker = cluster.fork(env);
    const bornAt = Date.now();
    live.add(worker);
    worker.on('message', (message: unknown) => {
      const listened = message as ListeningMessage | null;
      if (listened?.type !== LISTENING || startedUp) return;
      listening += 1;
      if (listening === count) {
        startedUp = true;
        settle.resolve(listened.port);
      }
    });
    worker.once('exit', (code, signal) => {
      live.delete(worker);
      if (stopping) return;
      if (!startedUp) {
        settle.reject(new Error(`a worker exited during start-up (${signal ?? `code ${code}`})`));
        return;
      }
      restarts = Date.now() - bornAt > STABLE_AFTER_MS ? 0 : restarts + 1;
      const delay = Math.min(MAX_RESTART_DELAY_MS, 250 * 2 ** restarts);
      logger.error({ pid: worker.process.pid, code, signal, restartInMs: delay }, 'worker exited; starting a replacement');
      setTimeout(() => !stopping && fork(), delay).unref();
    });
  }

  for (let i = 0; i < count; i += 1) fork();

  return {
    started,
    workers: () => [...live],
    async stop() {
      stopping = true;
      const exits = [...live].map((worker) => new Promise<void>((resolve) => {
        if (worker.isDead()) return resolve();
        worker.once('exit', () => resolve());
        worker.process.kill('SIGTERM');
      }));
      const killer = setTimeout(() => {
        for (const worker of live) worker.process.kill('SIGKILL');
      }, stopTimeoutMs + 5_000);
      await Promise.all(exits);
      clearTimeout(killer);
    },
  };
}
