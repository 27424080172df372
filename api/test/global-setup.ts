import { mkdtemp, rm, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import type {} from 'vitest';
import { startEmbeddedPostgres, type EmbeddedServer } from '../src/db/embedded-postgres.js';
import { findFreePort } from '../src/db/free-port.js';

export interface PgInfo {
  host: string;
  port: number;
  user: string;
  password: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    pg: PgInfo;
  }
}

let server: EmbeddedServer | undefined;
let dir: string | undefined;

/** One embedded PostgreSQL per test run; each test file creates its own database in it. */
export async function setup(project: TestProject): Promise<void> {
  dir = await mkdtemp(join(tmpdir(), 'roster-test-'));
  await chmod(dir, 0o755);
  server = await startEmbeddedPostgres({ dataDir: dir, port: await findFreePort(), password: 'test' });
  project.provide('pg', { host: '127.0.0.1', port: server.port, user: server.user, password: server.password });
}

export async function teardown(): Promise<void> {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
}
