import pg from 'pg';
import { isDatabaseUnavailable } from './database-unavailable.js';
import { pgClientConfig } from './pg-options.js';
import { renderSql, type SqlFragment } from './sql-tag.js';
import { createStatementRegistry, type StatementRegistry } from './statement-registry.js';

/** Parameterised SQL for the hot paths, written with the `sql` tag (`./sql-tag.ts`). */
export interface Sql {
  query<T = Record<string, unknown>>(statement: SqlFragment): Promise<T[]>;
  /** Runs `work` in one transaction; everything inside commits or rolls back together. */
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
}

/** `Sql` over its own pool of connections, closed by whoever opened it. */
export interface SqlPool extends Sql {
  /** Connections by state, for the pool gauge. */
  connections(): { used: number; idle: number; waiting: number };
  close(): Promise<void>;
}

export interface SqlPoolOptions {
  url: string;
  /** Connections at most (DATABASE_POOL_MAX). */
  poolMax: number;
  /** false: statements are never named (DATABASE_PREPARED_STATEMENTS, for PgBouncer in transaction mode). */
  preparedStatements: boolean;
}

/** The pool timings the ORM's pool (knex over tarn) has, which the benches were tuned with. */
const IDLE_TIMEOUT_MS = 30_000;
const ACQUIRE_TIMEOUT_MS = 60_000;

/** PostgreSQL's refusal to run a prepared statement whose result columns changed (DDL by a newer release). */
const isStalePlan = (error: unknown) => (error as { code?: string }).code === '0A000';

function runner(registry: StatementRegistry) {
  return async function run<T>(connection: pg.ClientBase, statement: SqlFragment): Promise<T[]> {
    const { text, values, planPerCall } = renderSql(statement);
    const prepared = registry.statementFor(text, planPerCall);
    try {
      return (await connection.query({ name: prepared.name, text, values })).rows as T[];
    } catch (error) {
      if (!prepared.name || !isStalePlan(error)) throw error;
      // A migration of a newer replica changed a `returning *`: run it unprepared from now on.
      registry.unprepare(prepared);
      return (await connection.query({ text, values })).rows as T[];
    }
  };
}

type Run = ReturnType<typeof runner>;

/** Statements on one connection inside an open transaction; a nested transaction is a savepoint. */
function onConnection(connection: pg.ClientBase, run: Run): Sql {
  let savepoints = 0;
  const sql: Sql = {
    query: <T>(statement: SqlFragment) => run<T>(connection, statement),
    async transaction(work) {
      const name = `sql_savepoint_${++savepoints}`;
      await connection.query(`savepoint ${name}`);
      try {
        const result = await work(sql);
        await connection.query(`release savepoint ${name}`);
        return result;
      } catch (error) {
        await connection.query(`rollback to savepoint ${name}`).catch(() => undefined);
        throw error;
      }
    },
  };
  return sql;
}

async function inTransaction<T>(connection: pg.ClientBase, run: Run, work: (sql: Sql) => Promise<T>): Promise<T> {
  await connection.query('begin');
  try {
    const result = await work(onConnection(connection, run));
    await connection.query('commit');
    return result;
  } catch (error) {
    await connection.query('rollback').catch(() => undefined);
    throw error;
  }
}

function openPool({ url, poolMax }: SqlPoolOptions): pg.Pool {
  const pool = new pg.Pool({
    ...pgClientConfig(url),
    min: 0,
    max: poolMax,
    idleTimeoutMillis: IDLE_TIMEOUT_MS,
    connectionTimeoutMillis: ACQUIRE_TIMEOUT_MS,
  });
  // A connection PostgreSQL ends (a restart, a failover) fails the statement in flight, which
  // reports it; between statements the error would otherwise be unhandled and end the process.
  pool.on('error', () => undefined);
  pool.on('connect', (connection) => void connection.on('error', () => undefined));
  return pool;
}

/**
 * `Sql` over its own `pg` pool on the ORM's database. Statements run on a borrowed connection
 * rather than through the ORM: on the SCIM paths knex's query building and per-transaction knex
 * instances cost more CPU than the statements themselves. The statement registry belongs to this
 * pool, since names are prepared on its connections.
 */
export function openSqlPool(options: SqlPoolOptions): SqlPool {
  const pool = openPool(options);
  const run = runner(createStatementRegistry({ prepare: options.preparedStatements }));
  async function borrow<T>(use: (connection: pg.PoolClient) => Promise<T>): Promise<T> {
    const connection = await pool.connect();
    let lost = false;
    try {
      return await use(connection);
    } catch (error) {
      lost = isDatabaseUnavailable(error);
      throw error;
    } finally {
      // A connection that lost its server is discarded rather than lent again.
      connection.release(lost);
    }
  }
  return {
    query: <T>(statement: SqlFragment) => borrow((connection) => run<T>(connection, statement)),
    transaction: (work) => borrow((connection) => inTransaction(connection, run, work)),
    connections: () => ({ used: pool.totalCount - pool.idleCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => pool.end(),
  };
}

/** PostgreSQL's unique_violation, with the index that was violated. */
export function uniqueViolation(error: unknown): string | undefined {
  const pgError = error as { code?: string; constraint?: string };
  return pgError?.code === '23505' ? (pgError.constraint ?? '') : undefined;
}
