import type { Sql } from '../../db/sql.js';
import { sql, type SqlFragment } from '../../db/sql-tag.js';

/** A WHERE fragment over the list's table alias. */
export type Condition = SqlFragment;

export interface UserViewRow {
  id: string;
  userName: string;
  displayName: string | null;
  externalId: string | null;
  active: boolean | null;
  source: 'SCIM' | 'MANUAL';
  name: unknown;
  emails: unknown;
  createdByToken: string | null;
  updatedByToken: string | null;
  createdAt: string | Date;
  updatedAt: string | Date;
  sortKey: string;
}

export interface GroupViewRow {
  id: string;
  displayName: string;
  externalId: string | null;
  source: 'SCIM' | 'MANUAL';
  memberCount: number;
  createdByToken: string | null;
  updatedByToken: string | null;
  createdAt: string | Date;
  updatedAt: string | Date;
  sortKey: string;
}

export interface MemberViewRow {
  id: string;
  type: 'USER' | 'GROUP';
  display: string | null;
}

/** Token labels through the row's token columns; a token of another company never names a row. */
const tokenLabels = (alias: string) => sql.raw(`(select t.label from scim_token t where t.id = ${alias}.created_by_token_id and t.company_id = ${alias}.company_id) as "createdByToken",
  (select t.label from scim_token t where t.id = ${alias}.updated_by_token_id and t.company_id = ${alias}.company_id) as "updatedByToken"`);

const USER_VIEW = sql`u.id, u.user_name as "userName", u.display_name as "displayName", u.external_id as "externalId", u.active, u.source,
  u.attributes -> 'name' as name, u.attributes -> 'emails' as emails, ${tokenLabels('u')},
  u.created_at as "createdAt", u.updated_at as "updatedAt", lower(u.user_name) as "sortKey"`;

// The primary key (group_id, member_id) answers the count from the index alone.
const GROUP_VIEW = sql`g.id, g.display_name as "displayName", g.external_id as "externalId", g.source,
  (select count(*) from directory_membership c where c.company_id = g.company_id and c.group_id = g.id)::int as "memberCount", ${tokenLabels('g')},
  g.created_at as "createdAt", g.updated_at as "updatedAt", lower(g.display_name) as "sortKey"`;

/** The rows after `afterKey` in the order of a unique key (written in code), conditions and-ed. */
function keyset(conditions: Condition[], key: string, afterKey: string | null): SqlFragment {
  const all = afterKey === null ? conditions : [...conditions, sql`${sql.raw(key)} > ${afterKey}`];
  return all.length === 0 ? sql.raw('true') : sql.join(all.map((condition) => sql`(${condition})`), ' and ');
}

/**
 * Keyset pages over the directory for the console and the exports: ordered by a key unique per
 * company (the lower-cased userName or group displayName, as the unique indexes have it; a member's
 * id), so page N costs what page 1 costs and rows written meanwhile never shift a page.
 */
export function createDirectoryViewStore(db: Sql) {
  async function users(companyId: string, conditions: Condition[], afterKey: string | null, limit: number) {
    const where = keyset(conditions, 'lower(u.user_name)', afterKey);
    return db.query<UserViewRow>(sql.planPerCall(
      sql`select ${USER_VIEW} from directory_user u where u.company_id = ${companyId} and ${where} order by lower(u.user_name) limit ${limit}`,
    ));
  }

  async function groups(companyId: string, conditions: Condition[], afterKey: string | null, limit: number) {
    const where = keyset(conditions, 'lower(g.display_name)', afterKey);
    return db.query<GroupViewRow>(sql.planPerCall(
      sql`select ${GROUP_VIEW} from directory_group g where g.company_id = ${companyId} and ${where} order by lower(g.display_name) limit ${limit}`,
    ));
  }

  async function user(companyId: string, id: string) {
    return (await db.query<UserViewRow>(sql`select ${USER_VIEW} from directory_user u where u.company_id = ${companyId} and u.id = ${id}`))[0];
  }

  async function group(companyId: string, id: string) {
    return (await db.query<GroupViewRow>(sql`select ${GROUP_VIEW} from directory_group g where g.company_id = ${companyId} and g.id = ${id}`))[0];
  }

  /** Walks the primary key (company_id, group_id, member_id): thousands of members page without a sort. */
  async function members(companyId: string, groupId: string, afterId: string | null, limit: number) {
    return db.query<MemberViewRow>(
      sql`select m.member_id::text as id, case when m.member_user_id is not null then 'USER' else 'GROUP' end as type,
              coalesce(u.display_name, u.user_name, s.display_name) as display
         from directory_membership m
         left join directory_user u on u.company_id = m.company_id and u.id = m.member_user_id
         left join directory_group s on s.company_id = m.company_id and s.id = m.member_group_id
        where m.company_id = ${companyId} and m.group_id = ${groupId}${afterId === null ? sql.empty : sql` and m.member_id > ${afterId}::uuid`}
        order by m.member_id limit ${limit}`,
    );
  }

  /** The groups a user belongs to directly, by group id (a user has few; the member index finds them). */
  async function groupsOf(companyId: string, userId: string, afterId: string | null, limit: number) {
    return db.query<GroupViewRow>(
      sql`select ${GROUP_VIEW} from directory_membership m join directory_group g on g.company_id = m.company_id and g.id = m.group_id
        where m.company_id = ${companyId} and m.member_user_id = ${userId}${afterId === null ? sql.empty : sql` and m.group_id > ${afterId}::uuid`}
        order by m.group_id limit ${limit}`,
    );
  }

  return { users, groups, user, group, members, groupsOf };
}
