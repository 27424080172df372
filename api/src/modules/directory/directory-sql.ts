/** SQL pieces the directory stores share. */

/** The If-Match versions a conditional statement binds (scim/etag.ts owns their parsing). */
export type { AcceptedVersions } from '../../scim/etag.js';

/** The enterprise extension's manager, as jsonb paths: a deleted user stops being anyone's manager. */
export const MANAGER_PATH = '{urn:ietf:params:scim:schemas:extension:enterprise:2.0:User,manager}';
export const MANAGER_VALUE_PATH = '{urn:ietf:params:scim:schemas:extension:enterprise:2.0:User,manager,value}';

/** The If-Match guard of a conditional statement, bound to one AcceptedVersions parameter. */
export const versionAccepted = (alias: string) => `coalesce(${alias}.version = any(?::int[]), true)`;

/**
 * A prepared statement with a parameter for OFFSET gets a generic plan priced for a large offset,
 * so PostgreSQL re-plans it on every call; the first page (every filtered lookup) has none.
 */
export const page = (offset: number) => (offset === 0 ? 'limit ?' : 'offset ? limit ?');
export const pageParams = (offset: number, limit: number) => (offset === 0 ? [limit] : [offset, limit]);
