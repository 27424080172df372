import { Migration } from '@mikro-orm/migrations';

/**
 * The directory's outbox. Triggers write each change's events in the change's own transaction,
 * whichever statement made it (single SCIM writes, member CTEs, Bulk, Delete All Users), set-based
 * from transition tables so a 10,000-row statement writes its events in one insert.
 *
 * - `tx_id` is the writing transaction's id. Readers only see events of transactions older than
 *   every transaction still running (`directory_event_horizon()`), and order by (tx_id, id): that
 *   prefix can no longer grow in the middle, so a cursor never skips an event that commits late.
 * - `resource_version` is taken from the same sequence as `id`, after the statement has locked the
 *   resource's row, so it grows per resource in commit order (a receiver drops a stale retry).
 * - `data` is a snapshot of the row; the application renders it as the SCIM resource.
 * - `source`: the transaction's `roster.event_source` setting, else the SCIM token on the row.
 * - Memberships that end because their user or group is deleted write no member_removed event:
 *   the deletion's own event says it (and Delete All Users stays one event per user).
 */
export class Migration20261202600000_directory_events extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table directory_event (
        id bigserial primary key,
        company_id uuid not null references company (id) on delete cascade,
        tx_id bigint not null,
        type text not null,
        occurred_at timestamptz not null,
        resource_type text not null,
        resource_id uuid not null,
        resource_version bigint not null,
        data jsonb not null,
        source text null
      );
      create index directory_event_company_order_index on directory_event (company_id, tx_id, id);
      create index directory_event_order_index on directory_event (tx_id, id);
      create index directory_event_occurred_at_index on directory_event (occurred_at);

      create function directory_event_horizon() returns bigint language sql stable as
        $$ select pg_snapshot_xmin(pg_current_snapshot())::text::bigint $$;

      create function directory_event_source() returns text language sql stable as
        $$ select nullif(current_setting('roster.event_source', true), '') $$;

      create function directory_user_snapshot(u directory_user) returns jsonb language sql immutable as
        $$ select jsonb_build_object('id', u.id, 'userName', u.user_name, 'externalId', u.external_id,
             'displayName', u.display_name, 'active', u.active, 'attributes', u.attributes, 'version', u.version,
             'createdAt', u.created_at, 'updatedAt', u.updated_at) $$;

      create function directory_group_snapshot(g directory_group) returns jsonb language sql immutable as
        $$ select jsonb_build_object('id', g.id, 'displayName', g.display_name, 'externalId', g.external_id,
             'attributes', g.attributes, 'version', g.version, 'createdAt', g.created_at, 'updatedAt', g.updated_at) $$;

      create function write_directory_events(rows jsonb) returns void language sql as $$
        insert into directory_event (id, company_id, tx_id, type, occurred_at, resource_type, resource_id, resource_version, data, source)
        select e.id, e.company_id, pg_current_xact_id()::text::bigint, e.type, now(), e.resource_type, e.resource_id, e.id, e.data, e.source
          from (select nextval('directory_event_id_seq') as id, r.* from jsonb_to_recordset(rows)
                  as r(company_id uuid, type text, resource_type text, resource_id uuid, data jsonb, source text)) e
         -- A company being deleted takes its directory with it by cascade: those rows have no events.
         where exists (select 1 from company c where c.id = e.company_id)
      $$;

      create function directory_user_events() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          perform write_directory_events(jsonb_agg(jsonb_build_object('company_id', n.company_id, 'type', 'user.created',
              'resource_type', 'User', 'resource_id', n.id, 'data', directory_user_snapshot(n),
              'source', coalesce(directory_event_source(), 'scim_token:' || n.created_by_token_id::text))))
            from new_rows n having count(*) > 0;
        elsif tg_op = 'UPDATE' then
          perform write_directory_events(jsonb_agg(jsonb_build_object('company_id', n.company_id,
              'type', case when coalesce(o.active, false) = coalesce(n.active, false) then 'user.updated'
                           when coalesce(n.active, false) then 'user.reactivated' else 'user.deactivated' end,
              'resource_type', 'User', 'resource_id', n.id, 'data', directory_user_snapshot(n),
              'source', coalesce(directory_event_source(), 'scim_token:' || n.updated_by_token_id::text))))
            from new_rows n join old_rows o on o.id = n.id having count(*) > 0;
        else
          perform write_directory_events(jsonb_agg(jsonb_build_object('company_id', o.company_id, 'type', 'user.deleted',
              'resource_type', 'User', 'resource_id', o.id,
              'data', jsonb_build_object('id', o.id, 'userName', o.user_name, 'externalId', o.external_id),
              'source', directory_event_source())))
            from old_rows o having count(*) > 0;
        end if;
        return null;
      end $$;

      create function directory_group_events() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          perform write_directory_events(jsonb_agg(jsonb_build_object('company_id', n.company_id, 'type', 'group.created',
              'resource_type', 'Group', 'resource_id', n.id, 'data', directory_group_snapshot(n),
              'source', coalesce(directory_event_source(), 'scim_token:' || n.created_by_token_id::text))))
            from new_rows n having count(*) > 0;
        elsif tg_op = 'UPDATE' then
          -- A member change only touches the group (version, updated_at): its member events say it.
          perform write_directory_events(jsonb_agg(jsonb_build_object('company_id', n.company_id, 'type', 'group.updated',
              'resource_type', 'Group', 'resource_id', n.id, 'data', directory_group_snapshot(n),
              'source', coalesce(directory_event_source(), 'scim_token:' || n.updated_by_token_id::text))))
            from new_rows n join old_rows o on o.id = n.id
           where (o.display_name, o.external_id, o.attributes) is distinct from (n.display_name, n.external_id, n.attributes)
          having count(*) > 0;
        else
          perform write_directory_events(jsonb_agg(jsonb_build_object('company_id', o.company_id, 'type', 'group.deleted',
              'resource_type', 'Group', 'resource_id', o.id,
              'data', jsonb_build_object('id', o.id, 'displayName', o.display_name, 'externalId', o.external_id),
              'source', directory_event_source())))
            from old_rows o having count(*) > 0;
        end if;
        return null;
      end $$;

      create function directory_membership_events() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          perform write_directory_events(jsonb_agg(jsonb_build_object('company_id', g.company_id, 'type', 'group.member_added',
              'resource_type', 'Group', 'resource_id', g.id,
              'data', jsonb_build_object('group', jsonb_build_object('id', g.id, 'displayName', g.display_name, 'externalId', g.external_id),
                'member', jsonb_build_object('value', m.member_id, 'type', case when m.member_user_id is null then 'Group' else 'User' end)),
              'source', coalesce(directory_event_source(), 'scim_token:' || g.updated_by_token_id::text))))
            from new_rows m join directory_group g on g.id = m.group_id having count(*) > 0;
        else
          -- Cascades from a deleted user or group find it gone: no event (see the migration's note).
          perform write_directory_events(jsonb_agg(jsonb_build_object('company_id', g.company_id, 'type', 'group.member_removed',
              'resource_type', 'Group', 'resource_id', g.id,
              'data', jsonb_build_object('group', jsonb_build_object('id', g.id, 'displayName', g.display_name, 'externalId', g.external_id),
                'member', jsonb_build_object('value', m.member_id, 'type', case when m.member_user_id is null then 'Group' else 'User' end)),
              'source', coalesce(directory_event_source(), 'scim_token:' || g.updated_by_token_id::text))))
            from old_rows m join directory_group g on g.id = m.group_id
           where exists (select 1 from directory_user u where u.id = m.member_user_id)
              or exists (select 1 from directory_group mg where mg.id = m.member_group_id)
          having count(*) > 0;
        end if;
        return null;
      end $$;

      create function company_scim_events() returns trigger language plpgsql as $$
      begin
        perform write_directory_events(jsonb_build_array(jsonb_build_object('company_id', new.id,
          'type', case when new.scim_status = 'ACTIVE' then 'scim.activated' else 'scim.deactivated' end,
          'resource_type', 'Company', 'resource_id', new.id,
          'data', jsonb_build_object('id', new.id, 'slug', new.slug, 'scimStatus', new.scim_status),
          'source', directory_event_source())));
        return null;
      end $$;

      create function bulk_delete_events() returns trigger language plpgsql as $$
      begin
        if new.status = 'RUNNING' and old.status = 'QUEUED' or new.status in ('SUCCEEDED', 'FAILED') then
          perform write_directory_events(jsonb_build_array(jsonb_build_object('company_id', new.company_id,
            'type', case when new.status = 'RUNNING' then 'bulk_delete.started' else 'bulk_delete.finished' end,
            'resource_type', 'BulkDeleteJob', 'resource_id', new.id,
            'data', jsonb_build_object('id', new.id, 'status', new.status, 'total', new.total, 'deleted', new.deleted,
              'requestedBy', new.requested_by, 'startedAt', new.started_at, 'finishedAt', new.finished_at),
            'source', coalesce(directory_event_source(), 'operator:' || new.requested_by))));
        end if;
        return null;
      end $$;

      create trigger directory_user_insert_events after insert on directory_user
        referencing new table as new_rows for each statement execute function directory_user_events();
      create trigger directory_user_update_events after update on directory_user
        referencing old table as old_rows new table as new_rows for each statement execute function directory_user_events();
      create trigger directory_user_delete_events after delete on directory_user
        referencing old table as old_rows for each statement execute function directory_user_events();
      create trigger directory_group_insert_events after insert on directory_group
        referencing new table as new_rows for each statement execute function directory_group_events();
      create trigger directory_group_update_events after update on directory_group
        referencing old table as old_rows new table as new_rows for each statement execute function directory_group_events();
      create trigger directory_group_delete_events after delete on directory_group
        referencing old table as old_rows for each statement execute function directory_group_events();
      create trigger directory_membership_insert_events after insert on directory_membership
        referencing new table as new_rows for each statement execute function directory_membership_events();
      create trigger directory_membership_delete_events after delete on directory_membership
        referencing old table as old_rows for each statement execute function directory_membership_events();
      create trigger company_scim_events after update on company
        for each row when (old.scim_status is distinct from new.scim_status) execute function company_scim_events();
      create trigger bulk_delete_events after update on bulk_delete_job
        for each row when (old.status is distinct from new.status) execute function bulk_delete_events();
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop trigger bulk_delete_events on bulk_delete_job;
      drop trigger company_scim_events on company;
      drop trigger directory_membership_delete_events on directory_membership;
      drop trigger directory_membership_insert_events on directory_membership;
      drop trigger directory_group_delete_events on directory_group;
      drop trigger directory_group_update_events on directory_group;
      drop trigger directory_group_insert_events on directory_group;
      drop trigger directory_user_delete_events on directory_user;
      drop trigger directory_user_update_events on directory_user;
      drop trigger directory_user_insert_events on directory_user;
      drop function bulk_delete_events, company_scim_events, directory_membership_events, directory_group_events,
        directory_user_events, write_directory_events, directory_group_snapshot, directory_user_snapshot,
        directory_event_source, directory_event_horizon;
      drop table directory_event;
    `);
  }
}
