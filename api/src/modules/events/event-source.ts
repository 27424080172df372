import { sql } from '../../db/sql-tag.js';
import type { Sql } from '../../db/sql.js';
import type { Principal } from '../access/principal.js';

/**
 * Who caused a change, as events name it: `scim_token:<id>`, `operator:<email>`, `api_token:<id>`,
 * `cli` (the roster CLI), or `system` (Roster itself, e.g. a token's expiry).
 * Rows written by SCIM carry their token; a deletion leaves no row, so its transaction says it.
 */
export type EventSource = `scim_token:${string}` | `operator:${string}` | `api_token:${string}` | 'cli' | 'system';

/**
 * A condition that names `source` in the events of the statement it is part of and of the rest of
 * its transaction (the `roster.event_source` setting). Always true.
 */
export const namingEventSource = (source: EventSource | undefined) =>
  source ? sql`set_config('roster.event_source', ${source}, true) is not null` : sql`true`;

/** Runs `work` in one transaction whose events name `source`. */
export async function withEventSource<T>(db: Sql, source: EventSource | undefined, work: (tx: Sql) => Promise<T>): Promise<T> {
  if (!source) return work(db);
  return db.transaction(async (tx) => {
    await tx.query(sql`select ${namingEventSource(source)}`);
    return work(tx);
  });
}

export const scimTokenSource = (tokenId: string | undefined): EventSource | undefined =>
  tokenId ? `scim_token:${tokenId}` : undefined;

/** An operator by email (what the console and the audit trail show), an API token by id (its label may change). */
export const principalSource = (principal: Pick<Principal, 'kind' | 'id' | 'name'>): EventSource =>
  principal.kind === 'operator' ? `operator:${principal.name}` : `api_token:${principal.id}`;

/** The setting's statement for code that runs its own transaction (MikroORM's, say) rather than `withEventSource`. */
export const EVENT_SOURCE_STATEMENT = "select set_config('roster.event_source', ?, true)";
