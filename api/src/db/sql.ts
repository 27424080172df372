import type { Knex } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Parameterised SQL for the hot SCIM paths, over the ORM's own pool. Placeholders are `?`
 * (knex turns them into $n), so SQL written for it must not use the jsonb `?` operators.
 */
export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs `work` in one transaction; everything inside commits or rolls back together. */
  transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T>;
}

function over(runner: Knex | Knex.Transaction): Sql {
  return {
    async query<T>(text: string, params: readonly unknown[] = []) {
      const result = (await runner.raw(text, params as Knex.RawBinding[])) as { rows: T[] };
      return result.rows;
    },
    transaction(work) {
      return runner.transaction((trx) => work(over(trx)));
    },
  };
}

export function sqlFor(em: EntityManager): Sql {
  return over(em.getKnex());
}

/** PostgreSQL's unique_violation, with the index that was violated. */
export function uniqueViolation(error: unknown): string | undefined {
  const pgError = error as { code?: string; constraint?: string };
  return pgError?.code === '23505' ? (pgError.constraint ?? '') : undefined;
}
