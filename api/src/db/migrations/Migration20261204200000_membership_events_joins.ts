import { Migration } from '@mikro-orm/migrations';

/**
 * The membership delete trigger finds the removed memberships whose member still exists with two
 * joins (a membership has a user or a group, never both: the branches never overlap), where it had
 * two ORed EXISTS. The planner could only run those as hashes of the whole users table, built once
 * per statement: each 2,000-user batch of Delete All Users, whose memberships go by cascade, read all
 * 100,000 users to learn they were gone (37 ms of a 130 ms batch). Joins let it probe the primary
 * key for a small statement and still hash for a large one (measured, 2,000-user batches of a
 * 100,000-user directory: 11.6k → 15.9k users/s; one 100,000-user DELETE unchanged within noise,
 * where forcing probes made it 25 % slower). The events are the same.
 */
const MEMBERSHIP_EVENTS_BY_PROBE = `
  create or replace function directory_membership_events() returns trigger language plpgsql as $$
  begin
    if tg_op = 'INSERT' then
      perform write_directory_events(jsonb_agg(jsonb_build_object('company_id', g.company_id, 'type', 'group.member_added',
          'resource_type', 'Group', 'resource_id', g.id,
          'data', jsonb_build_object('group', jsonb_build_object('id', g.id, 'displayName', g.display_name, 'externalId', g.external_id),
            'member', jsonb_build_object('value', m.member_id, 'type', case when m.member_user_id is null then 'Group' else 'User' end)),
          'source', coalesce(directory_event_source(), 'scim_token:' || g.updated_by_token_id::text))))
        from new_rows m join directory_group g on g.company_id = m.company_id and g.id = m.group_id having count(*) > 0;
    else
      -- Cascades from a deleted user or group find it gone: no event (see migration directory_events).
      perform write_directory_events(jsonb_agg(jsonb_build_object('company_id', g.company_id, 'type', 'group.member_removed',
          'resource_type', 'Group', 'resource_id', g.id,
          'data', jsonb_build_object('group', jsonb_build_object('id', g.id, 'displayName', g.display_name, 'externalId', g.external_id),
            'member', jsonb_build_object('value', m.member_id, 'type', case when m.member_user_id is null then 'Group' else 'User' end)),
          'source', coalesce(directory_event_source(), 'scim_token:' || g.updated_by_token_id::text))))
        from (select m.* from old_rows m join directory_user u on u.company_id = m.company_id and u.id = m.member_user_id
              union all
              select m.* from old_rows m join directory_group mg on mg.company_id = m.company_id and mg.id = m.member_group_id) m
        join directory_group g on g.company_id = m.company_id and g.id = m.group_id
      having count(*) > 0;
    end if;
    return null;
  end $$;
`;

export class Migration20261204200000_membership_events_joins extends Migration {
  override async up(): Promise<void> {
    this.addSql(MEMBERSHIP_EVENTS_BY_PROBE);
  }
}
