import type { TestProject } from 'vitest/node';
import type {} from 'vitest';
import { setup as setupPostgres, teardown as teardownPostgres } from './global-setup.js';
import { startPgBouncer, type PgBouncer } from './pgbouncer.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set in the `pgbouncer` project: the pooler's port in front of the run's PostgreSQL. */
    pgbouncerPort: number;
  }
}

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
