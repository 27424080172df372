import { sql, type SqlFragment } from '../../db/sql-tag.js';

/** The columns a user keeps while soft-deleted: every directory_user column, in one order for both tables. */
const USER_COLUMNS = sql.raw(`id, company_id, source, user_name, external_id, display_name, active, email_values, attributes,
  password_hash, version, created_at, updated_at, created_by_token_id, updated_by_token_id`);

/**
 * CTEs that keep the rows of `deleted` (a CTE of `delete from directory_user … returning *`) for a
 * restore when `keep` holds, with their memberships. They read directory_membership in the
 * statement's snapshot, so they see the memberships the delete's cascade removes at its end.
 * The CTE names are `kept` and `kept_members`. Every row is the company's: statements stay on its shard.
 */
export function keepDeleted(deleted: string, keep: SqlFragment, jobId: string | null, companyId: string): SqlFragment {
  const from = sql.raw(deleted);
  return sql`kept as (
    insert into deleted_directory_user (${USER_COLUMNS}, deleted_at, bulk_delete_job_id)
    select ${USER_COLUMNS}, now(), ${jobId}::uuid from ${from} where ${keep}
    returning id
  ), kept_members as (
    insert into deleted_group_membership (member_user_id, group_id, company_id, created_at)
    select m.member_user_id, m.group_id, m.company_id, m.created_at from directory_membership m
    where m.company_id = ${companyId}::uuid and m.member_user_id = any (array(select id from kept))
    returning member_user_id
  )`;
}

/** Whether the company's policy keeps deleted users (a primary-key lookup inside the delete's statement). */
export const softDeletes = (companyId: string) =>
  sql`coalesce((select c.deprovisioning_policy = 'SOFT_DELETE' from company c where c.id = ${companyId}::uuid), false)`;

/**
 * CTEs that follow a CTE named `back` (the users just moved back into the directory, returning
 * their `id`): their archived memberships to groups that still exist (checked here: the archive has
 * no foreign keys, and a group deleted while its member was being archived may leave one behind),
 * then their archive rows removed. Named `back_members` (returning `group_id`) and `unkept`.
 */
export function restoreMembershipsOfBack(companyId: string): SqlFragment {
  return sql`back_members as (
    insert into directory_membership (group_id, member_id, member_user_id, company_id, created_at)
    select m.group_id, m.member_user_id, m.member_user_id, m.company_id, m.created_at
    from deleted_group_membership m where m.company_id = ${companyId}::uuid and m.member_user_id = any (array(select id from back))
      and exists (select 1 from directory_group g where g.company_id = m.company_id and g.id = m.group_id)
    on conflict do nothing
    returning group_id
  ), unkept as (
    delete from deleted_directory_user d where d.company_id = ${companyId}::uuid and d.id = any (array(select id from back)) returning d.id
  )`;
}

/**
 * CTEs that move the soft-deleted users of `picked` (a CTE of ids) back into the directory with
 * their `id` and memberships. A user whose userName has been taken since stays deleted (restore it
 * after renaming the other one). Named `back`, `back_members`, `unkept`.
 */
export function moveBack(picked: string, companyId: string): SqlFragment {
  const ids = sql.raw(`array(select id from ${picked})`);
  return sql`back as (
    insert into directory_user (${USER_COLUMNS})
    select ${USER_COLUMNS} from deleted_directory_user d
    where d.company_id = ${companyId}::uuid and d.id = any (${ids})
      and not exists (select 1 from directory_user u where u.company_id = d.company_id and lower(u.user_name) = lower(d.user_name))
    on conflict do nothing
    returning id
  ), ${restoreMembershipsOfBack(companyId)}`;
}
