import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../config.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { findFreePort } from './free-port.js';
import { claimInstance, isAlive, readInstance, updateInstance } from './instance-lock.js';
import { pgClient } from './pg-options.js';

export interface Database {
  readonly url: string;
  /** For sessions a transaction-mode pooler cannot give: LISTEN, the migration lock (DATABASE_DIRECT_URL). */
  readonly directUrl: string;
  readonly embedded: boolean;
  /** True when this call created the embedded cluster (first start). */
  readonly fresh: boolean;
  /** Records the HTTP port in the instance file so the CLI and humans can find the server. */
  announce(httpPort: number): Promise<void>;
  close(): Promise<void>;
}

const DATABASE_NAME = 'roster';

/** `DATABASE_URL` when set; otherwise the embedded cluster under DATA_DIR. */
export async function openDatabase(config: Config, log: (line: string) => void): Promise<Database> {
  if (config.databaseUrl) {
    const directUrl = config.databaseDirectUrl ?? config.databaseUrl;
    return { url: config.databaseUrl, directUrl, embedded: false, fresh: false, announce: async () => {}, close: async () => {} };
  }
  return openEmbedded(config.dataDir, log);
}

/**
 * The CLI's way in: the running instance's cluster when `npm start` is up, else its own start
 * of the embedded cluster for the duration of the command.
 */
export async function attachDatabase(config: Config, log: (line: string) => void): Promise<Database> {
  if (config.databaseUrl) return openDatabase(config, log);
  const url = await runningInstanceUrl(config.dataDir);
  if (url) return { url, directUrl: url, embedded: true, fresh: false, announce: async () => {}, close: async () => {} };
  return openEmbedded(config.dataDir, log);
}

/** The embedded database of the Roster running on this data folder (`npm start`), if one is. */
export async function runningInstanceUrl(dataDir: string): Promise<string | undefined> {
  const running = await readInstance(dataDir);
  if (!running) return undefined;
  return clusterUrl(running.pgPort, await readPassword(dataDir), DATABASE_NAME);
}

async function openEmbedded(dataDir: string, log: (line: string) => void): Promise<Database> {
  await mkdir(dataDir, { recursive: true });
  const pgPort = await findFreePort();
  const release = await claimInstance(dataDir, { pid: process.pid, pgPort });
  try {
    const fresh = !existsSync(join(dataDir, 'pg', 'PG_VERSION'));
    await stopOrphanedCluster(join(dataDir, 'pg'));
    const password = fresh ? await createPassword(dataDir) : await readPassword(dataDir);
    const server = await startEmbeddedPostgres({ dataDir, port: pgPort, password, onLog: log });
    await ensureDatabase(clusterUrl(pgPort, password, 'postgres'), DATABASE_NAME);
    const url = server.url(DATABASE_NAME);
    return {
      url,
      directUrl: url,
      embedded: true,
      fresh,
      announce: (httpPort) => updateInstance(dataDir, { pid: process.pid, pgPort, httpPort }),
      close: async () => {
        await server.stop();
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}

/** A Roster killed with -9 leaves its postgres child running and holding the data folder. */
async function stopOrphanedCluster(clusterDir: string): Promise<void> {
  let pid: number;
  try {
    pid = Number((await readFile(join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  } catch {
    return;
  }
  if (!pid || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) await sleep(100);
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = pgClient(adminUrl);
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

async function createPassword(dataDir: string): Promise<string> {
  const password = randomBytes(24).toString('base64url');
  await writeFile(join(dataDir, 'pg-password'), password, { mode: 0o600 });
  return password;
}

async function readPassword(dataDir: string): Promise<string> {
  return (await readFile(join(dataDir, 'pg-password'), 'utf8')).trim();
}

function clusterUrl(port: number, password: string, database: string): string {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}
