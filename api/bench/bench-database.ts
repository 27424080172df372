import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { findFreePort } from '../src/db/free-port.js';

/** A throwaway embedded PostgreSQL for one bench run; `stop` removes its data too. */
export async function startBenchDatabase(): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'roster-bench-'));
  await chmod(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: dir, port: await findFreePort(), password: 'bench' });
  return {
    url: server.url('postgres'),
    async stop() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
