import type { TestProject } from 'vitest/node';
import { setup as setupPostgres, teardown as teardownPostgres } from './global-setup.js';
import { startPgBouncer, type PgBouncer } from './pgbouncer.js';

let bouncer: PgBouncer | undefined;

/** The run's PostgreSQL, and PgBouncer in transaction mode in front of it. */
export async function setup(project: TestProject): Promise<void> {
  const pg = await setupPostgres(project);
  bouncer = await startPgBouncer(pg.port, pg.user, pg.password);
  project.provide('pgbouncerPort', bouncer.port);
}

export async function teardown(): Promise<void> {
  await bouncer?.stop();
  await teardownPostgres();
}
