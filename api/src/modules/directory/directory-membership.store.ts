import type { Sql } from '../../db/sql.js';
import type { MemberRow } from './directory-group.store.js';

/**
 * Group membership in set operations over id arrays, so adding or removing thousands of members
 * never loads the group's current member list.
 */
export function createMembershipStore(sql: Sql) {
  /** Adds the members that exist in the company; returns the ids that matched no user or group. */
  async function add(companyId: string, groupId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const found = await sql.query<{ id: string }>(
      `with wanted as (select distinct unnest(?::uuid[]) as id),
       targets as (
         select w.id, u.id as user_id, g.id as group_id from wanted w
           left join directory_user u on u.id = w.id and u.company_id = ?
           left join directory_group g on g.id = w.id and g.company_id = ?
          where u.id is not null or g.id is not null),
       inserted as (
         insert into directory_membership (group_id, member_id, member_user_id, member_group_id, company_id)
         select ?, id, user_id, group_id, ? from targets
         on conflict (group_id, member_id) do nothing)
       select id::text as id from targets`,
      [ids, companyId, companyId, groupId, companyId],
    );
    const existing = new Set(found.map((row) => row.id));
    return ids.filter((id) => !existing.has(id.toLowerCase()));
  }

  async function remove(companyId: string, groupId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await sql.query(
      'delete from directory_membership where company_id = ? and group_id = ? and member_id = any(?::uuid[])',
      [companyId, groupId, ids],
    );
  }

  async function removeAll(companyId: string, groupId: string): Promise<void> {
    await sql.query('delete from directory_membership where company_id = ? and group_id = ?', [companyId, groupId]);
  }

  /** Members of the given groups, with a display name for each. */
  async function membersOf(companyId: string, groupIds: string[]): Promise<MemberRow[]> {
    if (groupIds.length === 0) return [];
    return sql.query<MemberRow>(
      `select m.group_id as "groupId", m.member_id::text as value,
              case when m.member_user_id is not null then 'User' else 'Group' end as type,
              coalesce(u.display_name, u.user_name, g.display_name) as display
         from directory_membership m
         left join directory_user u on u.id = m.member_user_id
         left join directory_group g on g.id = m.member_group_id
        where m.company_id = ? and m.group_id = any(?::uuid[])
        order by m.created_at, m.member_id`,
      [companyId, groupIds],
    );
  }

  /** Direct groups of the given users, for the read-only User.groups attribute. */
  async function groupsOf(companyId: string, userIds: string[]) {
    if (userIds.length === 0) return [];
    return sql.query<{ userId: string; value: string; display: string }>(
      `select m.member_user_id as "userId", g.id::text as value, g.display_name as display
         from directory_membership m join directory_group g on g.id = m.group_id
        where m.company_id = ? and m.member_user_id = any(?::uuid[])
        order by g.display_name`,
      [companyId, userIds],
    );
  }

  return { add, remove, removeAll, membersOf, groupsOf };
}

export type MembershipStore = ReturnType<typeof createMembershipStore>;
