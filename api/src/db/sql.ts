import type { EntityManager } from '@mikro-orm/postgresql';
import { renderSql, SqlFragment } from './sql-tag.js';

/**
 * Parameterised SQL for the hot SCIM paths, over the ORM's own pool. Placeholders are `?`
 * (turned into $n here, as knex does), so SQL written for it must not use the jsonb `?` operators.
 */
export interface Sql {
  /** A statement built with the `sql` tag (`./sql-tag.ts`): the way new SQL is written. */
  query<T = Record<string, unknown>>(statement: SqlFragment): Promise<T[]>;
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs `work` in one transaction; everything inside commits or rolls back together. */
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
}

interface PgConnection {
  query(text: string | { name?: string; text: string; values: readonly unknown[] }, values?: readonly unknown[]): Promise<{ rows: unknown[] }>;
}

/** The part of knex's client that lends out its pooled `pg` connections. */
interface ConnectionLender {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<void>;
}

interface Statement {
  text: string;
  uses: number;
  name?: string;
  /** Planned per call (PLAN_PER_CALL), or PostgreSQL refused its prepared form (see run). */
  unprepared: boolean;
}

const MAX_CACHED_STATEMENTS = 2_000;
/**
 * At most this many statements are prepared per connection. A list filter's shape is part of
 * its text, so the cap keeps arbitrary filters from growing every backend's plan cache.
 */
const MAX_PREPARED_STATEMENTS = 200;
const statements = new Map<string, Statement>();
const preparedNames = new Map<string, string>();

/** `?` → `$n` with `\?` as a literal `?` (knex's rule). */
export function numberPlaceholders(text: string): string {
  let count = 0;
  return text.replace(/(\\*)\?/g, (_, escapes: string) => (escapes.length % 2 ? '?' : `$${++count}`));
}

/**
 * Prefix for statements whose best plan depends on the values (SCIM list filters): they are never
 * prepared, so PostgreSQL plans each call for its values. A generic plan cannot see which company
 * or filter value it serves — `active eq false` matches nobody in one directory and most of
 * another — and a filter's shape is part of its text, so each shape would be prepared anew.
 */
export const PLAN_PER_CALL = '/* plan per call */ ';

/**
 * The converted statement, named (a server-side prepared statement) from its second use on:
 * planning the SCIM statements cost PostgreSQL more than running them. Their generic plans follow
 * the tables' growth through the statistics keeper.
 */
function statementFor(text: string, numbered = false, planPerCall = false): Statement {
  let statement = statements.get(text);
  if (!statement) {
    if (statements.size >= MAX_CACHED_STATEMENTS) statements.clear();
    const unprepared = planPerCall || text.startsWith(PLAN_PER_CALL);
    statement = { text: numbered ? text : numberPlaceholders(text), uses: 0, unprepared };
    statements.set(text, statement);
  }
  statement.uses += 1;
  if (statement.uses > 1 && !statement.name && !statement.unprepared) statement.name = nameFor(statement.text);
  return statement;
}

function nameFor(text: string): string | undefined {
  let name = preparedNames.get(text);
  if (!name && preparedNames.size < MAX_PREPARED_STATEMENTS) {
    name = `roster_${preparedNames.size + 1}`;
    preparedNames.set(text, name);
  }
  return name;
}

/** PostgreSQL's refusal to run a prepared statement whose result columns changed (DDL by a newer release). */
const isStalePlan = (error: unknown) => (error as { code?: string }).code === '0A000';

type Statable = string | SqlFragment;

function prepare(statement: Statable, params: readonly unknown[]): { statement: Statement; values: readonly unknown[] } {
  if (!(statement instanceof SqlFragment)) return { statement: statementFor(statement), values: params };
  // Rendered texts already carry $n, so they can share the registry with `?` texts without clashing.
  const rendered = renderSql(statement);
  return { statement: statementFor(rendered.text, true, rendered.planPerCall), values: rendered.values };
}

async function run<T>(connection: PgConnection, text: Statable, params: readonly unknown[] = []): Promise<T[]> {
  const { statement, values } = prepare(text, params);
  try {
    return (await connection.query({ name: statement.name, text: statement.text, values })).rows as T[];
  } catch (error) {
    if (!statement.name || !isStalePlan(error)) throw error;
    // A migration of a newer replica changed a `returning *`: run it unprepared from now on.
    statement.name = undefined;
    statement.unprepared = true;
    return (await connection.query({ text: statement.text, values })).rows as T[];
  }
}

/** Statements on one connection inside an open transaction; a nested transaction is a savepoint. */
function onConnection(connection: PgConnection): Sql {
  let savepoints = 0;
  const sql: Sql = {
    query: <T>(text: Statable, params?: readonly unknown[]) => run<T>(connection, text, params),
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

async function inTransaction<T>(connection: PgConnection, work: (sql: Sql) => Promise<T>): Promise<T> {
  await connection.query('begin');
  try {
    const result = await work(onConnection(connection));
    await connection.query('commit');
    return result;
  } catch (error) {
    await connection.query('rollback').catch(() => undefined);
    throw error;
  }
}

/**
 * Borrows the pool's `pg` connection for each statement rather than going through knex.raw: on
 * the SCIM paths knex's query building and per-transaction knex instances cost more CPU than
 * the statements themselves.
 */
function overPool(lender: ConnectionLender): Sql {
  async function borrow<T>(use: (connection: PgConnection) => Promise<T>): Promise<T> {
    const connection = await lender.acquireConnection();
    try {
      return await use(connection);
    } finally {
      await lender.releaseConnection(connection);
    }
  }
  return {
    query: <T>(text: Statable, params?: readonly unknown[]) => borrow((connection) => run<T>(connection, text, params)),
    transaction: (work) => borrow((connection) => inTransaction(connection, work)),
  };
}

export function sqlFor(em: EntityManager): Sql {
  return overPool(em.getKnex().client as ConnectionLender);
}

/** PostgreSQL's unique_violation, with the index that was violated. */
export function uniqueViolation(error: unknown): string | undefined {
  const pgError = error as { code?: string; constraint?: string };
  return pgError?.code === '23505' ? (pgError.constraint ?? '') : undefined;
}
