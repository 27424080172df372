import type { TestProject } from 'vitest/node';
import type {} from 'vitest';
import { startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres.js';

export interface PgInfo {
  host: string;
  port: number;
  user: string;
  password: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    pg: PgInfo;
    /** Set in the `pgbouncer` project only: the pooler's port in front of the run's PostgreSQL. */
    pgbouncerPort?: number;
  }
}

let database: ThrowawayPostgres | undefined;

/** One embedded PostgreSQL per test run; each test file creates its own database in it. */
export async function setup(project: TestProject): Promise<PgInfo> {
  database = await startThrowawayPostgres('test');
  const { server } = database;
  const info = { host: '127.0.0.1', port: server.port, user: server.user, password: server.password };
  project.provide('pg', info);
  return info;
}

export async function teardown(): Promise<void> {
  await database?.stop();
}
