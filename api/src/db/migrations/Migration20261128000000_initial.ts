import { Migration } from '@mikro-orm/migrations';

/** The whole domain of DESIGN.md; indexes follow the SCIM and console hot paths. */
export class Migration20261128000000_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table company (
        id uuid primary key,
        slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$'),
        name text not null,
        scim_status text not null default 'ACTIVE' check (scim_status in ('ACTIVE', 'INACTIVE')),
        entra_id_enabled boolean not null default false,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );

      create table directory_user (
        id uuid primary key,
        company_id uuid not null references company (id) on delete cascade,
        source text not null check (source in ('SCIM', 'MANUAL')),
        user_name text not null,
        external_id text,
        display_name text,
        active boolean not null default true,
        email_values text[] not null default '{}',
        attributes jsonb not null default '{}',
        password_hash text,
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create unique index directory_user_user_name_unique on directory_user (company_id, lower(user_name));
      create index directory_user_external_id_index on directory_user (company_id, external_id);
      create index directory_user_source_index on directory_user (company_id, source);
      create index directory_user_display_name_index on directory_user (company_id, lower(display_name));
      create index directory_user_created_at_index on directory_user (company_id, created_at, id);
      create index directory_user_updated_at_index on directory_user (company_id, updated_at);
      create index directory_user_email_values_index on directory_user using gin (email_values);
      create index directory_user_manager_index on directory_user
        ((attributes #>> '{urn:ietf:params:scim:schemas:extension:enterprise:2.0:User,manager,value}'))
;

      create table directory_group (
        id uuid primary key,
        company_id uuid not null references company (id) on delete cascade,
        source text not null default 'SCIM' check (source in ('SCIM', 'MANUAL')),
        display_name text not null,
        external_id text,
        attributes jsonb not null default '{}',
        version integer not null default 1,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      create unique index directory_group_display_name_unique on directory_group (company_id, lower(display_name));
      create index directory_group_external_id_index on directory_group (company_id, external_id);
      create index directory_group_source_index on directory_group (company_id, source);
      create index directory_group_created_at_index on directory_group (company_id, created_at, id);

      create table directory_membership (
        group_id uuid not null references directory_group (id) on delete cascade,
        member_id uuid not null,
        member_user_id uuid references directory_user (id) on delete cascade,
        member_group_id uuid references directory_group (id) on delete cascade,
        company_id uuid not null references company (id) on delete cascade,
        created_at timestamptz not null default now(),
        primary key (group_id, member_id),
        check (num_nonnulls(member_user_id, member_group_id) = 1),
        check (member_id = coalesce(member_user_id, member_group_id))
      );
      create index directory_membership_member_user_index on directory_membership (member_user_id);
      create index directory_membership_member_group_index on directory_membership (member_group_id);

      create table operator (
        id uuid primary key,
        company_id uuid not null references company (id) on delete cascade,
        email text not null,
        password_hash text not null,
        permissions text[] not null default '{}',
        failed_sign_ins integer not null default 0,
        locked_until timestamptz,
        created_at timestamptz not null default now()
      );
      create unique index operator_email_unique on operator (lower(email));

      create table operator_session (
        id uuid primary key,
        token_hash text not null unique,
        operator_id uuid not null references operator (id) on delete cascade,
        expires_at timestamptz not null,
        created_at timestamptz not null default now()
      );
      create index operator_session_expires_at_index on operator_session (expires_at);

      create table api_token (
        id uuid primary key,
        company_id uuid not null references company (id) on delete cascade,
        label text not null,
        prefix text not null,
        token_hash text not null unique,
        permissions text[] not null default '{}',
        created_at timestamptz not null default now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      );
      create index api_token_company_index on api_token (company_id);

      create table scim_token (
        id uuid primary key,
        company_id uuid not null references company (id) on delete cascade,
        label text not null,
        prefix text not null,
        token_hash text not null unique,
        created_by text,
        created_at timestamptz not null default now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      );
      create index scim_token_company_index on scim_token (company_id);

      create table provisioning_event (
        id bigserial primary key,
        company_id uuid not null references company (id) on delete cascade,
        occurred_at timestamptz not null,
        token_id uuid,
        token_label text,
        user_agent text,
        method text not null,
        operation text not null,
        resource_type text,
        resource_id text,
        status integer not null,
        scim_type text,
        message text,
        duration_ms real not null
      );
      create index provisioning_event_company_index on provisioning_event (company_id, id desc);
      create index provisioning_event_failures_index on provisioning_event (company_id, id desc) where status >= 400;

      create table bulk_delete_job (
        id uuid primary key,
        company_id uuid not null references company (id) on delete cascade,
        requested_by text,
        status text not null check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
        total integer not null default 0,
        deleted integer not null default 0,
        cutoff timestamptz not null,
        error text,
        claimed_by text,
        heartbeat_at timestamptz,
        created_at timestamptz not null default now(),
        started_at timestamptz,
        finished_at timestamptz
      );
      create unique index bulk_delete_job_one_running on bulk_delete_job (company_id)
        where status in ('QUEUED', 'RUNNING');

      create table audit_entry (
        id bigserial primary key,
        company_id uuid not null references company (id) on delete cascade,
        actor text not null,
        action text not null,
        detail jsonb not null default '{}',
        occurred_at timestamptz not null default now()
      );
      create index audit_entry_company_index on audit_entry (company_id, id desc);
    `);
  }
}
