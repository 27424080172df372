import { Migration } from '@mikro-orm/migrations';

/**
 * Deprovisioning policy per company. Existing companies keep HARD_DELETE (the behaviour their
 * IdPs were set up against); companies created from now on default to SOFT_DELETE.
 *
 * Soft-deleted users move to their own tables, so that every SCIM query, index and uniqueness
 * rule on directory_user stays as it is and a deleted userName is free for reuse at once. A
 * membership kept for a restore cascades away with its group (a group deleted since cannot come
 * back) and with its user (the purge). Bulk-delete jobs gain a kind: RESTORE puts a run back.
 */
export class Migration20261202800000_soft_delete extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table company
        add column deprovisioning_policy text not null default 'HARD_DELETE'
          check (deprovisioning_policy in ('HARD_DELETE', 'SOFT_DELETE')),
        add column deleted_user_retention_days integer not null default 30
          check (deleted_user_retention_days between 1 and 365);
      alter table company alter column deprovisioning_policy set default 'SOFT_DELETE';

      alter table bulk_delete_job
        add column kind text not null default 'DELETE' check (kind in ('DELETE', 'RESTORE')),
        add column restorable boolean not null default false,
        add column restores_job_id uuid null;

      create table deleted_directory_user (
        id uuid primary key,
        company_id uuid not null references company (id) on delete cascade,
        source text not null check (source in ('SCIM', 'MANUAL')),
        user_name text not null,
        external_id text null,
        display_name text null,
        active boolean null default true,
        email_values text[] not null default '{}',
        attributes jsonb not null,
        password_hash text null,
        version integer not null default 1,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        created_by_token_id uuid null references scim_token (id) on delete set null,
        updated_by_token_id uuid null references scim_token (id) on delete set null,
        deleted_at timestamptz not null default now(),
        bulk_delete_job_id uuid null references bulk_delete_job (id) on delete set null
      );
      create index deleted_directory_user_deleted_at_index on deleted_directory_user (company_id, deleted_at, id);
      create index deleted_directory_user_external_id_index on deleted_directory_user (company_id, external_id);
      create index deleted_directory_user_user_name_index on deleted_directory_user (company_id, lower(user_name));
      create index deleted_directory_user_job_index on deleted_directory_user (bulk_delete_job_id, id);

      create table deleted_group_membership (
        member_user_id uuid not null references deleted_directory_user (id) on delete cascade,
        group_id uuid not null references directory_group (id) on delete cascade,
        company_id uuid not null references company (id) on delete cascade,
        created_at timestamptz not null,
        primary key (member_user_id, group_id)
      );
      create index deleted_group_membership_group_index on deleted_group_membership (group_id);
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop table deleted_group_membership;
      drop table deleted_directory_user;
      alter table bulk_delete_job drop column restores_job_id, drop column restorable, drop column kind;
      alter table company drop column deleted_user_retention_days, drop column deprovisioning_policy;
    `);
  }
}
