/** SQL pieces the directory stores share. */
import { sql, type SqlFragment } from '../../db/sql-tag.js';

import type { AcceptedVersions } from '../../scim/etag.js';

/** The If-Match versions a conditional statement binds (scim/etag.ts owns their parsing). */
export type { AcceptedVersions };

/** The enterprise extension's manager, as jsonb paths: a deleted user stops being anyone's manager. */
export const MANAGER_PATH = '{urn:ietf:params:scim:schemas:extension:enterprise:2.0:User,manager}';
export const MANAGER_VALUE_PATH = '{urn:ietf:params:scim:schemas:extension:enterprise:2.0:User,manager,value}';

/** The If-Match guard of a conditional statement over the row `alias` (a table alias written in code). */
export const versionAccepted = (alias: string, accepted: AcceptedVersions): SqlFragment =>
  sql`coalesce(${sql.raw(alias)}.version = any(${accepted}::int[]), true)`;

/**
 * A prepared statement with a parameter for OFFSET gets a generic plan priced for a large offset,
 * so PostgreSQL re-plans it on every call; the first page (every filtered lookup) has none.
 */
export const page = (offset: number, limit: number): SqlFragment => (offset === 0 ? sql`limit ${limit}` : sql`offset ${offset} limit ${limit}`);
