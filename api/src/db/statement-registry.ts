/** One statement text as `Sql` runs it: named (a server-side prepared statement) or not. */
export interface Statement {
  readonly text: string;
  uses: number;
  name?: string;
  /** Planned per call (`sql.planPerCall`), or PostgreSQL refused its prepared form (see `unprepare`). */
  unprepared: boolean;
}

export interface StatementRegistry {
  /** The statement for `text`, named from its second use unless it is planned per call. */
  statementFor(text: string, planPerCall: boolean): Statement;
  /** From now on `statement` runs unnamed (its prepared form went stale). */
  unprepare(statement: Statement): void;
}

export interface StatementRegistryOptions {
  /** false: never name a statement (a pooler without prepared-statement support, e.g. PgBouncer in transaction mode). */
  prepare: boolean;
  maxCached?: number;
  /**
   * At most this many statements are prepared per connection. A list filter's shape is part of
   * its text, so the cap keeps arbitrary filters from growing every backend's plan cache.
   */
  maxPrepared?: number;
}

/**
 * Statements are named from their second use on: planning the SCIM statements cost PostgreSQL
 * more than running them. Their generic plans follow the tables' growth through the statistics
 * keeper. A name, once given to a text, stays with it, so every connection that prepared it
 * prepared the same text.
 */
export function createStatementRegistry({ prepare, maxCached = 2_000, maxPrepared = 200 }: StatementRegistryOptions): StatementRegistry {
  const statements = new Map<string, Statement>();
  const names = new Map<string, string>();

  function nameFor(text: string): string | undefined {
    let name = names.get(text);
    if (!name && names.size < maxPrepared) {
      name = `roster_${names.size + 1}`;
      names.set(text, name);
    }
    return name;
  }

  return {
    statementFor(text, planPerCall) {
      let statement = statements.get(text);
      if (!statement) {
        if (statements.size >= maxCached) statements.clear();
        statement = { text, uses: 0, unprepared: planPerCall || !prepare };
        statements.set(text, statement);
      }
      statement.uses += 1;
      if (statement.uses > 1 && !statement.name && !statement.unprepared) statement.name = nameFor(text);
      return statement;
    },
    unprepare(statement) {
      statement.name = undefined;
      statement.unprepared = true;
    },
  };
}
