import type { Sql } from '../../db/sql.js';
import { sql, type SqlFragment } from '../../db/sql-tag.js';
import { GROUP_COLUMNS, type GroupRow, type MemberRow } from './directory-group.store.js';
import { versionAccepted, type AcceptedVersions } from './directory-sql.js';

/**
 * CTE `targets`: the wanted ids (CTE `wanted`) that name a user or a group of the company, with
 * which of the two each is.
 */
const targets = (companyId: string) => sql`targets as (
     select w.id, u.id as user_id, g.id as group_id from wanted w
       left join directory_user u on u.id = w.id and u.company_id = ${companyId}
       left join directory_group g on g.id = w.id and g.company_id = ${companyId}
      where u.id is not null or g.id is not null)`;

const MEMBERS_CURSOR = sql.raw('group_members');

/** Members of the groups `groupIds` (an `= …` right-hand side), oldest membership first. */
const membersSelect = (companyId: string, groupIds: SqlFragment) => sql`select m.group_id as "groupId", m.member_id::text as value,
       case when m.member_user_id is not null then 'User' else 'Group' end as type,
       coalesce(u.display_name, u.user_name, g.display_name) as display
  from directory_membership m
  left join directory_user u on u.company_id = m.company_id and u.id = m.member_user_id
  left join directory_group g on g.company_id = m.company_id and g.id = m.member_group_id
 where m.company_id = ${companyId} and m.group_id = ${groupIds}
 order by m.created_at, m.member_id`;

interface GroupTouch {
  companyId: string;
  groupId: string;
  accepted: AcceptedVersions;
  tokenId: string | undefined;
  /** The version goes up by one per request a statement serves. */
  requests: number;
}

/** Bumps the group's version and names the writing token when its version is accepted. */
const touchGroup = ({ companyId, groupId, accepted, tokenId, requests }: GroupTouch) => sql`update directory_group g set version = g.version + ${requests}::int,
     updated_by_token_id = coalesce(${tokenId ?? null}::uuid, g.updated_by_token_id), updated_at = now()
   where g.company_id = ${companyId} and g.id = ${groupId} and ${versionAccepted('g', accepted)}`;

/**
 * Group membership in set operations over id arrays, so adding or removing thousands of members
 * never loads the group's current member list.
 */
export function createMembershipStore(db: Sql) {
  /** Adds the members that exist in the company; returns the ids that matched no user or group. */
  async function add(companyId: string, groupId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const found = await db.query<{ id: string }>(
      sql`with wanted as (select distinct unnest(${ids}::uuid[]) as id),
       ${targets(companyId)},
       inserted as (
         insert into directory_membership (group_id, member_id, member_user_id, member_group_id, company_id)
         select ${groupId}, id, user_id, group_id, ${companyId} from targets
         on conflict (company_id, group_id, member_id) do nothing)
       select id::text as id from targets`,
    );
    const existing = new Set(found.map((row) => row.id));
    return ids.filter((id) => !existing.has(id.toLowerCase()));
  }

  async function remove(companyId: string, groupId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await db.query(
      sql`delete from directory_membership where company_id = ${companyId} and group_id = ${groupId} and member_id = any(${ids}::uuid[])`,
    );
  }

  async function removeAll(companyId: string, groupId: string): Promise<void> {
    await db.query(sql`delete from directory_membership where company_id = ${companyId} and group_id = ${groupId}`);
  }

  /**
   * A member PATCH in one statement: adds the members and bumps the group's version, or changes
   * nothing at all when the group is missing, its version is not accepted or any id matches no
   * user or group of the company (undefined; the caller then finds out which). One id is bound
   * as a scalar: an array's unknown length keeps PostgreSQL re-planning the statement every time.
   */
  async function addTouchingGroup(
    companyId: string, groupId: string, ids: string[], accepted: AcceptedVersions, tokenId: string | undefined, requests = 1,
  ) {
    const wanted = ids.length === 1 ? sql`select ${ids[0]}::uuid as id` : sql`select distinct unnest(${ids}::uuid[]) as id`;
    const rows = await db.query<GroupRow>(
      sql`with wanted as (${wanted}),
       ${targets(companyId)},
       touched as (
         ${touchGroup({ companyId, groupId, accepted, tokenId, requests })} and (select count(*) from targets) = (select count(*) from wanted)
         returning ${GROUP_COLUMNS}),
       inserted as (
         insert into directory_membership (group_id, member_id, member_user_id, member_group_id, company_id)
         select touched.id, t.id, t.user_id, t.group_id, touched."companyId" from targets t cross join touched
         on conflict (company_id, group_id, member_id) do nothing)
       select * from touched`,
    );
    return rows[0];
  }

  /** Like addTouchingGroup for removals: unknown ids are simply not members. */
  async function removeTouchingGroup(companyId: string, groupId: string, ids: string[], accepted: AcceptedVersions, tokenId: string | undefined) {
    const rows = await db.query<GroupRow>(
      sql`with touched as (${touchGroup({ companyId, groupId, accepted, tokenId, requests: 1 })} returning ${GROUP_COLUMNS}),
       removed as (
         delete from directory_membership m using touched
          where m.company_id = touched."companyId" and m.group_id = touched.id and m.member_id = any(${ids}::uuid[]))
       select * from touched`,
    );
    return rows[0];
  }

  /** Members of the given groups, with a display name for each. */
  /** The groups' members, oldest membership first; the first `limit` of them when given. */
  async function membersOf(companyId: string, groupIds: string[], limit?: number): Promise<MemberRow[]> {
    if (groupIds.length === 0) return [];
    const select = membersSelect(companyId, sql`any(${groupIds}::uuid[])`);
    return db.query<MemberRow>(limit === undefined ? select : sql`${select} limit ${limit}::int`);
  }

  /**
   * Opens a cursor over one group's members, in membersOf's order, for fetchMembers to read in
   * batches: PostgreSQL sorts once and keeps the rest. Inside a transaction, one cursor at a time.
   */
  async function openMembersCursor(companyId: string, groupId: string): Promise<void> {
    await db.query(sql`declare ${MEMBERS_CURSOR} no scroll cursor for ${membersSelect(companyId, sql`${groupId}::uuid`)}`);
  }

  /** The next `count` members of the open cursor (fewer at its end). */
  function fetchMembers(count: number): Promise<MemberRow[]> {
    return db.query<MemberRow>(sql`fetch forward ${sql.raw(String(Math.trunc(count)))} from ${MEMBERS_CURSOR}`);
  }

  return { add, remove, removeAll, addTouchingGroup, removeTouchingGroup, membersOf, openMembersCursor, fetchMembers };
}

export type MembershipStore = ReturnType<typeof createMembershipStore>;
