import type { Sql } from '../../db/sql.js';
import { sql } from '../../db/sql-tag.js';
import { likePattern } from '../../scim/filter/sql-leaf.js';
import { moveBack } from './soft-delete.sql.js';

/** A soft-deleted user as the console lists it. */
export interface DeletedUserRow {
  id: string;
  userName: string;
  displayName: string | null;
  externalId: string | null;
  active: boolean | null;
  deletedAt: Date;
  /** Microsecond UTC text of deleted_at, for the keyset cursor (a Date keeps only milliseconds). */
  deletedAtKey: string;
  restorableUntil: Date;
  bulkDeleteJobId: string | null;
}

export interface DeletedUserPosition {
  deletedAt: string;
  id: string;
}

/**
 * Newest first, after `position`, on the (company_id, deleted_at, id) index. The search matches
 * userName, displayName or externalId (a company's deleted users only, so no trigram index).
 */
export async function listDeletedUsers(
  db: Sql, companyId: string, { limit, after, search }: { limit: number; after: DeletedUserPosition | null; search: string | null },
): Promise<DeletedUserRow[]> {
  const pattern = search ? likePattern('co', search) : null;
  const rows = await db.query<DeletedUserRow>(sql`
    select d.id, d.user_name as "userName", d.display_name as "displayName", d.external_id as "externalId", d.active,
      d.deleted_at as "deletedAt", to_char(d.deleted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "deletedAtKey",
      d.deleted_at + make_interval(days => c.deleted_user_retention_days) as "restorableUntil",
      d.bulk_delete_job_id as "bulkDeleteJobId"
    from deleted_directory_user d join company c on c.id = d.company_id
    where d.company_id = ${companyId}::uuid
      ${after ? sql`and (d.deleted_at, d.id) < (${after.deletedAt}::timestamptz, ${after.id}::uuid)` : sql.empty}
      ${pattern ? sql`and (d.user_name ilike ${pattern} or d.display_name ilike ${pattern} or d.external_id ilike ${pattern})` : sql.empty}
    order by d.deleted_at desc, d.id desc
    limit ${limit}`);
  // The pool hands timestamps over as text (db/pg-options.ts).
  return rows.map((row) => ({ ...row, deletedAt: new Date(row.deletedAt), restorableUntil: new Date(row.restorableUntil) }));
}

export interface RestoredUsers {
  restored: string[];
  /** Asked for, of this company, still deleted: their userName is taken by a user in the directory. */
  userNameTaken: string[];
}

/** Restores the company's soft-deleted users among `ids` in one statement (see moveBack). */
export async function restoreDeletedUsers(db: Sql, companyId: string, ids: string[]): Promise<RestoredUsers> {
  const rows = await db.query<{ restored: string[] | null; taken: string[] | null }>(sql`
    with picked as (
      select d.id from deleted_directory_user d where d.company_id = ${companyId}::uuid and d.id = any (${ids}::uuid[])
      for update
    ), ${moveBack('picked', companyId)}
    select (select array_agg(id::text) from back) as restored,
      (select array_agg(p.id::text) from picked p where p.id <> all (array(select id from back))) as taken`);
  return { restored: rows[0]?.restored ?? [], userNameTaken: rows[0]?.taken ?? [] };
}
