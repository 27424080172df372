import { PLAN_PER_CALL, type Sql } from '../../db/sql.js';
import { MANAGER_PATH, MANAGER_VALUE_PATH, page, pageParams, versionAccepted, type AcceptedVersions } from './directory-sql.js';

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

const COLUMNS = `u.id, u.company_id as "companyId", u.source, u.user_name as "userName", u.external_id as "externalId",
  u.display_name as "displayName", u.active, u.attributes, u.version, u.created_at as "createdAt", u.updated_at as "updatedAt"`;

// In the same statement as the user: a second round trip for the groups cost more than this subselect.
const groupsOf = (id: string, companyId: string) => `coalesce((select json_agg(json_build_object('value', g.id::text, 'display', g.display_name) order by g.display_name)
    from directory_membership m join directory_group g on g.id = m.group_id
   where m.member_user_id = ${id} and m.company_id = ${companyId}), '[]'::json) as groups`;

const columns = (withGroups: boolean) => (withGroups ? `${COLUMNS}, ${groupsOf('u.id', 'u.company_id')}` : COLUMNS);

const VERSION_ACCEPTED = versionAccepted('u');

const MANAGER_VALUE = `(attributes #>> '${MANAGER_VALUE_PATH}')`;

export function createUserStore(sql: Sql) {
  async function insert(companyId: string, id: string, write: UserWrite, source: 'SCIM' | 'MANUAL' = 'SCIM') {
    const rows = await sql.query<UserRow>(
      `insert into directory_user as u (id, company_id, source, user_name, external_id, display_name, active,
         email_values, attributes, password_hash, created_by_token_id, updated_by_token_id)
       values (?, ?, ?, ?, ?, ?, ?, ?::text[], ?::jsonb, ?, ?::uuid, ?::uuid)
       returning ${COLUMNS}`,
      [id, companyId, source, write.userName, write.externalId, write.displayName, write.active,
        write.emailValues, JSON.stringify(write.attributes), write.passwordHash ?? null, write.tokenId ?? null, write.tokenId ?? null],
    );
    return rows[0]!;
  }

  function findById(companyId: string, id: string, options: { forUpdate?: boolean; withGroups: true }): Promise<UserWithGroups | undefined>;
  function findById(companyId: string, id: string, options?: { forUpdate?: boolean; withGroups?: boolean }): Promise<UserRow | undefined>;
  async function findById(companyId: string, id: string, { forUpdate = false, withGroups = false } = {}) {
    const rows = await sql.query<UserRow>(
      `select ${columns(withGroups)} from directory_user u where u.company_id = ? and u.id = ?${forUpdate ? ' for update of u' : ''}`,
      [companyId, id],
    );
    return rows[0];
  }

  /** Replaces the user's values if its version is accepted; undefined when no row qualified. */
  async function update(companyId: string, id: string, write: UserWrite, accepted: AcceptedVersions = null) {
    const keepPassword = write.passwordHash === undefined;
    const rows = await sql.query<UserWithGroups>(
      `update directory_user as u set user_name = ?, external_id = ?, display_name = ?, active = ?,
         email_values = ?::text[], attributes = ?::jsonb,
         password_hash = ${keepPassword ? 'u.password_hash' : '?'},
         updated_by_token_id = coalesce(?::uuid, u.updated_by_token_id),
         version = u.version + 1, updated_at = now()
       where u.company_id = ? and u.id = ? and ${VERSION_ACCEPTED}
       returning ${columns(true)}`,
      [write.userName, write.externalId, write.displayName, write.active, write.emailValues,
        JSON.stringify(write.attributes), ...(keepPassword ? [] : [write.passwordHash]), write.tokenId ?? null, companyId, id, accepted],
    );
    return rows[0];
  }

  /**
   * Deletes the user if its version is accepted (answering its userName), and clears manager references to it, in one
   * statement. Memberships go by cascade. The user's own row is left out of the clearing: one
   * statement must not both delete and update a row.
   */
  async function remove(companyId: string, id: string, accepted: AcceptedVersions = null): Promise<string | undefined> {
    const rows = await sql.query<{ userName: string | null }>(
      `with deleted as (delete from directory_user u where u.company_id = ? and u.id = ? and ${VERSION_ACCEPTED} returning u.id, u.user_name),
       cleared as (
         update directory_user set attributes = attributes #- '${MANAGER_PATH}',
           version = version + 1, updated_at = now()
           where company_id = ? and id <> ? and ${MANAGER_VALUE} = ? and exists (select 1 from deleted))
       select (select user_name from deleted) as "userName"`,
      [companyId, id, accepted, companyId, id, id],
    );
    return rows[0]?.userName ?? undefined;
  }

  /**
   * One page in `orderBy`. A user's groups are looked up for the page's rows only: in the same
   * select as the sort they would be computed for every row the offset skips as well. One scan of
   * one table, so a stale statistic can misjudge only the scan, never a join order.
   */
  async function list(
    companyId: string, where: string, params: unknown[], orderBy: string, offset: number, limit: number, withGroups: boolean,
  ) {
    return sql.query<(UserRow | UserWithGroups) & { total: string }>(
      `${PLAN_PER_CALL}select p.*${withGroups ? `, ${groupsOf('p.id', 'p."companyId"')}` : ''} from (
         select count(*) over () as total, row_number() over (order by ${orderBy}) as ordinal, ${COLUMNS}
           from directory_user u where u.company_id = ? and (${where})
          order by ${orderBy} ${page(offset)}) p
       order by p.ordinal`,
      [companyId, ...params, ...pageParams(offset, limit)],
    );
  }

  /**
   * The one user whose userName matches case-insensitively (the unique index's own expression).
   * Prepared: at most one row whatever the values, so a generic plan is right once the statistics
   * keeper has analysed a directory that grew past the one it was planned on.
   */
  async function findByUserName(companyId: string, userName: string, withGroups: boolean) {
    return sql.query<UserRow | UserWithGroups>(
      `select ${columns(withGroups)} from directory_user u where u.company_id = ? and lower(u.user_name) = lower(?)`,
      [companyId, userName],
    );
  }

  async function count(companyId: string, where: string, params: unknown[]): Promise<number> {
    const rows = await sql.query<{ n: string }>(
      `${PLAN_PER_CALL}select count(*) as n from directory_user u where u.company_id = ? and (${where})`,
      [companyId, ...params],
    );
    return Number(rows[0]?.n ?? 0);
  }

  return { insert, findById, findByUserName, update, remove, list, count };
}

export type UserStore = ReturnType<typeof createUserStore>;
