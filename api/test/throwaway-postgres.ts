import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/db/embedded-postgres.js';
import { findFreePort } from '../src/db/free-port.js';

export interface ThrowawayPostgres {
  server: EmbeddedServer;
  /** The folder the cluster lives in (under it, `pg/`). */
  dir: string;
  /** Stops the server and removes its data (a cluster is 64 MB). */
  stop(): Promise<void>;
}

/** An embedded PostgreSQL in a fresh temporary folder, for one test run or one bench run. */
export async function startThrowawayPostgres(name: 'test' | 'bench'): Promise<ThrowawayPostgres> {
  const dir = await mkdtemp(join(tmpdir(), `roster-${name}-`));
  const removeDir = () => rm(dir, { recursive: true, force: true });
  try {
    const server = await startEmbeddedPostgres({ dataDir: dir, port: await findFreePort(), password: name });
    return {
      server,
      dir,
      async stop() {
        await server.stop();
        await removeDir();
      },
    };
  } catch (error) {
    await removeDir();
    throw error;
  }
}
