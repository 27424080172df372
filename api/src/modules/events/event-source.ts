import { sql } from '../../db/sql-tag.js';
import type { Sql } from '../../db/sql.js';

/**
 * Who caused a change, as events name it: `scim_token:<id>`, `operator:<email>`, `api_token:<id>`.
 * Rows written by SCIM carry their token; a deletion leaves no row, so its transaction says it.
 */
export type EventSource = `scim_token:${string}` | `operator:${string}` | `api_token:${string}`;

/** Runs `work` in one transaction whose events name `source` (the `roster.event_source` setting). */
export async function withEventSource<T>(db: Sql, source: EventSource | undefined, work: (tx: Sql) => Promise<T>): Promise<T> {
  if (!source) return work(db);
  return db.transaction(async (tx) => {
    await tx.query(sql`select set_config('roster.event_source', ${source}, true)`);
    return work(tx);
  });
}

export const scimTokenSource = (tokenId: string | undefined): EventSource | undefined =>
  tokenId ? `scim_token:${tokenId}` : undefined;
