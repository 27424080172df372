import type { Sql } from '../../db/sql.js';
import { sql, type SqlFragment } from '../../db/sql-tag.js';
import { keepDeleted, restoreMembershipsOfBack, softDeletes } from '../deprovisioning/soft-delete.sql.js';
import { MANAGER_PATH, MANAGER_VALUE_PATH, page, versionAccepted, type AcceptedVersions } from './directory-sql.js';

/** A user row as the SCIM layer sees it (password hash never leaves the store). */
export interface UserRow {
  id: string;
  companyId: string;
  source: 'SCIM' | 'MANUAL';
  userName: string;
  externalId: string | null;
  displayName: string | null;
  /** null: unassigned, which counts as not active. */
  active: boolean | null;
  attributes: Record<string, unknown>;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface UserWrite {
  userName: string;
  externalId: string | null;
  displayName: string | null;
  active: boolean | null;
  emailValues: string[];
  attributes: Record<string, unknown>;
  /** undefined keeps the stored hash; null clears it. */
  passwordHash?: string | null;
  /** The SCIM token writing the row (created_by / updated_by_token_id); undefined keeps the last one. */
  tokenId?: string;
}

export interface UserGroupRef {
  value: string;
  display: string;
}

/** A user with its direct groups, for the read-only User.groups attribute. */
export interface UserWithGroups extends UserRow {
  groups: UserGroupRef[];
}

const COLUMNS = sql.raw(`u.id, u.company_id as "companyId", u.source, u.user_name as "userName", u.external_id as "externalId",
  u.display_name as "displayName", u.active, u.attributes, u.version, u.created_at as "createdAt", u.updated_at as "updatedAt"`);

// In the same statement as the user: a second round trip for the groups cost more than this subselect.
const groupsOf = (id: string, companyId: string) => sql.raw(`coalesce((select json_agg(json_build_object('value', g.id::text, 'display', g.display_name) order by g.display_name)
    from directory_membership m join directory_group g on g.company_id = m.company_id and g.id = m.group_id
   where m.member_user_id = ${id} and m.company_id = ${companyId}), '[]'::json) as groups`);

const WITH_GROUPS = sql`${COLUMNS}, ${groupsOf('u.id', 'u.company_id')}`;
const columns = (withGroups: boolean) => (withGroups ? WITH_GROUPS : COLUMNS);

const MANAGER_VALUE = sql.raw(`(attributes #>> '${MANAGER_VALUE_PATH}')`);
const WITHOUT_MANAGER = sql.raw(`attributes #- '${MANAGER_PATH}'`);

/** Soft-deleted users of the company a SCIM POST of `write` would bring back (externalId or userName). */
function deletedMatch(companyId: string, write: UserWrite, columns: SqlFragment = sql.raw('1')) {
  return sql`select ${columns} from deleted_directory_user d where d.company_id = ${companyId}::uuid
    and (d.external_id = ${write.externalId} or lower(d.user_name) = lower(${write.userName}))`;
}

export function createUserStore(db: Sql) {
  async function insert(companyId: string, id: string, write: UserWrite, source: 'SCIM' | 'MANUAL' = 'SCIM') {
    const token = write.tokenId ?? null;
    const rows = await db.query<UserRow>(
      sql`insert into directory_user as u (id, company_id, source, user_name, external_id, display_name, active,
         email_values, attributes, password_hash, created_by_token_id, updated_by_token_id)
       values (${id}, ${companyId}, ${source}, ${write.userName}, ${write.externalId}, ${write.displayName}, ${write.active}, ${write.emailValues}::text[], ${JSON.stringify(write.attributes)}::jsonb, ${write.passwordHash ?? null}, ${token}::uuid, ${token}::uuid)
       returning ${COLUMNS}`,
    );
    return rows[0]!;
  }

  /**
   * The SCIM POST's insert, unless a soft-deleted user of the company matches it by externalId or
   * userName (then undefined: restore that one instead). One statement, as the plain insert was.
   */
  async function insertUnlessDeleted(companyId: string, id: string, write: UserWrite): Promise<UserRow | undefined> {
    const rows = await db.query<UserRow>(sql`
      insert into directory_user as u (id, company_id, source, user_name, external_id, display_name, active,
        email_values, attributes, password_hash, created_by_token_id, updated_by_token_id)
      select ${id}::uuid, ${companyId}::uuid, 'SCIM', ${write.userName}, ${write.externalId}, ${write.displayName}, ${write.active}::boolean,
        ${write.emailValues}::text[], ${JSON.stringify(write.attributes)}::jsonb, ${write.passwordHash ?? null}, ${write.tokenId ?? null}::uuid, ${write.tokenId ?? null}::uuid
      where not exists (${deletedMatch(companyId, write)})
      returning ${COLUMNS}`);
    return rows[0];
  }

  /**
   * Restores the soft-deleted user a POST matches (externalId first, else userName; the latest
   * deleted) with its original id, creation time and memberships, written with the POSTed values.
   * undefined when there is none (purged or restored in between).
   */
  async function restoreForPost(companyId: string, write: UserWrite): Promise<UserWithGroups | undefined> {
    const password = write.passwordHash === undefined ? sql.raw('m.password_hash') : sql`${write.passwordHash}`;
    const rows = await db.query<UserWithGroups>(sql`
      with match as (
        ${deletedMatch(companyId, write, sql.raw('d.*'))}
        order by (d.external_id is not distinct from ${write.externalId}) desc, d.deleted_at desc limit 1 for update
      ), back as (
        insert into directory_user as u (id, company_id, source, user_name, external_id, display_name, active, email_values,
          attributes, password_hash, version, created_at, updated_at, created_by_token_id, updated_by_token_id)
        select m.id, m.company_id, m.source, ${write.userName}, ${write.externalId}, ${write.displayName}, ${write.active}::boolean,
          ${write.emailValues}::text[], ${JSON.stringify(write.attributes)}::jsonb, ${password}, m.version + 1, m.created_at, now(),
          m.created_by_token_id, coalesce(${write.tokenId ?? null}::uuid, m.updated_by_token_id)
        from match m
        returning ${COLUMNS}
      ), ${restoreMembershipsOfBack(companyId)}
      select b.*, coalesce((select json_agg(json_build_object('value', g.id::text, 'display', g.display_name) order by g.display_name)
          from back_members m join directory_group g on g.company_id = ${companyId}::uuid and g.id = m.group_id), '[]'::json) as groups
      from back b`);
    return rows[0];
  }

  function findById(companyId: string, id: string, options: { forUpdate?: boolean; withGroups: true }): Promise<UserWithGroups | undefined>;
  function findById(companyId: string, id: string, options?: { forUpdate?: boolean; withGroups?: boolean }): Promise<UserRow | undefined>;
  async function findById(companyId: string, id: string, { forUpdate = false, withGroups = false } = {}) {
    const rows = await db.query<UserRow>(
      sql`select ${columns(withGroups)} from directory_user u where u.company_id = ${companyId} and u.id = ${id}${forUpdate ? sql.raw(' for update of u') : sql.empty}`,
    );
    return rows[0];
  }

  /** Replaces the user's values if its version is accepted; undefined when no row qualified. */
  /** Writes the user if its version is accepted (and `onlyIf` holds, when given); undefined otherwise. */
  async function update(companyId: string, id: string, write: UserWrite, accepted: AcceptedVersions = null, onlyIf?: SqlFragment) {
    const keepPassword = write.passwordHash === undefined;
    const rows = await db.query<UserWithGroups>(
      sql`update directory_user as u set user_name = ${write.userName}, external_id = ${write.externalId}, display_name = ${write.displayName}, active = ${write.active},
         email_values = ${write.emailValues}::text[], attributes = ${JSON.stringify(write.attributes)}::jsonb,
         password_hash = ${keepPassword ? sql.raw('u.password_hash') : sql`${write.passwordHash}`},
         updated_by_token_id = coalesce(${write.tokenId ?? null}::uuid, u.updated_by_token_id),
         version = u.version + 1, updated_at = now()
       where u.company_id = ${companyId} and u.id = ${id} and ${versionAccepted('u', accepted)}${onlyIf ? sql` and ${onlyIf}` : sql.empty}
       returning ${columns(true)}`,
    );
    return rows[0];
  }

  /**
   * Deletes the user if its version is accepted (and `onlyIf` holds, when given), answering its userName, and clears manager
   * references to it, in one statement. Under the company's SOFT_DELETE policy the row and its
   * memberships move to the deleted_* tables (see keepDeleted); memberships left in the directory
   * go by cascade. The user's own row is left out of the clearing: one statement must not both
   * delete and update a row.
   */
  async function remove(companyId: string, id: string, accepted: AcceptedVersions = null, onlyIf?: SqlFragment): Promise<string | undefined> {
    const rows = await db.query<{ userName: string | null }>(
      sql`with deleted as (delete from directory_user u where u.company_id = ${companyId} and u.id = ${id} and ${versionAccepted('u', accepted)}${onlyIf ? sql` and ${onlyIf}` : sql.empty}
         returning u.*),
       ${keepDeleted('deleted', softDeletes(companyId), null, companyId)},
       cleared as (
         update directory_user set attributes = ${WITHOUT_MANAGER},
           version = version + 1, updated_at = now()
           where company_id = ${companyId} and id <> ${id} and ${MANAGER_VALUE} = ${id} and exists (select 1 from deleted))
       select (select user_name from deleted) as "userName"`,
    );
    return rows[0]?.userName ?? undefined;
  }

  /**
   * One page in `orderBy`. A user's groups are looked up for the page's rows only: in the same
   * select as the sort they would be computed for every row the offset skips as well. One scan of
   * one table, so a stale statistic can misjudge only the scan, never a join order.
   */
  async function list(
    companyId: string, where: SqlFragment, orderBy: SqlFragment, offset: number, limit: number, withGroups: boolean,
  ) {
    return db.query<(UserRow | UserWithGroups) & { total: string }>(sql.planPerCall(
      sql`select p.*${withGroups ? sql`, ${groupsOf('p.id', 'p."companyId"')}` : sql.empty} from (
         select count(*) over () as total, row_number() over (order by ${orderBy}) as ordinal, ${COLUMNS}
           from directory_user u where u.company_id = ${companyId} and (${where})
          order by ${orderBy} ${page(offset, limit)}) p
       order by p.ordinal`,
    ));
  }

  /**
   * The one user whose userName matches case-insensitively (the unique index's own expression).
   * Prepared: at most one row whatever the values, so a generic plan is right once the statistics
   * keeper has analysed a directory that grew past the one it was planned on.
   */
  async function findByUserName(companyId: string, userName: string, withGroups: boolean) {
    return db.query<UserRow | UserWithGroups>(
      sql`select ${columns(withGroups)} from directory_user u where u.company_id = ${companyId} and lower(u.user_name) = lower(${userName})`,
    );
  }

  async function count(companyId: string, where: SqlFragment): Promise<number> {
    const rows = await db.query<{ n: string }>(
      sql.planPerCall(sql`select count(*) as n from directory_user u where u.company_id = ${companyId} and (${where})`),
    );
    return Number(rows[0]?.n ?? 0);
  }

  return { insert, insertUnlessDeleted, restoreForPost, findById, findByUserName, update, remove, list, count };
}

export type UserStore = ReturnType<typeof createUserStore>;
