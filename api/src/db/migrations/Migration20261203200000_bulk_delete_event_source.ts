import { Migration } from '@mikro-orm/migrations';

/**
 * Who queued a Delete All Users run or a restore, as its events name it (`operator:<email>`,
 * `api_token:<id>`, `cli`): `requested_by` holds a display name, which for an API token is its
 * label, not who it is. Older rows keep the `operator:<requested_by>` fallback.
 */
export class Migration20261203200000_bulk_delete_event_source extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table bulk_delete_job add column event_source text null;

      create or replace function bulk_delete_events() returns trigger language plpgsql as $$
      begin
        if new.status = 'RUNNING' and old.status = 'QUEUED' or new.status in ('SUCCEEDED', 'FAILED') then
          perform write_directory_events(jsonb_build_array(jsonb_build_object('company_id', new.company_id,
            'type', case when new.status = 'RUNNING' then 'bulk_delete.started' else 'bulk_delete.finished' end,
            'resource_type', 'BulkDeleteJob', 'resource_id', new.id,
            'data', jsonb_build_object('id', new.id, 'status', new.status, 'total', new.total, 'deleted', new.deleted,
              'requestedBy', new.requested_by, 'startedAt', new.started_at, 'finishedAt', new.finished_at),
            'source', coalesce(directory_event_source(), new.event_source, 'operator:' || new.requested_by))));
        end if;
        return null;
      end $$;
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      create or replace function bulk_delete_events() returns trigger language plpgsql as $$
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

      alter table bulk_delete_job drop column event_source;
    `);
  }
}
