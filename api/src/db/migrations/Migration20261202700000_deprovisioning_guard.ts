import { Migration } from '@mikro-orm/migrations';

/**
 * The mass-deprovisioning guard. A company's guard row is created on its first destructive SCIM
 * write and locked by every one after it, so the count in the window and the write it admits
 * commit together on every replica. Applied deactivations and deletions are kept for the window;
 * refused ones are kept for the overview's panel.
 */
export class Migration20261202700000_deprovisioning_guard extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table deprovisioning_guard (
        company_id uuid primary key references company (id) on delete cascade,
        enabled boolean not null default true,
        threshold_percent integer not null default 10 check (threshold_percent between 1 and 100),
        threshold_minimum integer not null default 25 check (threshold_minimum between 1 and 1000000),
        window_minutes integer not null default 60 check (window_minutes between 1 and 10080),
        tripped_at timestamptz null,
        tripped_by_token_id uuid null,
        released_until timestamptz null,
        updated_at timestamptz not null default now()
      );

      create table deprovisioning_applied (
        id bigserial primary key,
        company_id uuid not null references company (id) on delete cascade,
        occurred_at timestamptz not null default now(),
        token_id uuid null,
        operation text not null
      );
      create index deprovisioning_applied_company_index on deprovisioning_applied (company_id, occurred_at);

      create table deprovisioning_refusal (
        id bigserial primary key,
        company_id uuid not null references company (id) on delete cascade,
        occurred_at timestamptz not null default now(),
        token_id uuid null,
        operation text not null,
        resource_id text null
      );
      create index deprovisioning_refusal_company_index on deprovisioning_refusal (company_id, occurred_at);
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop table deprovisioning_refusal;
      drop table deprovisioning_applied;
      drop table deprovisioning_guard;
    `);
  }
}
