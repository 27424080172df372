import { Migration } from '@mikro-orm/migrations';

/** Sign-in throttling moves from operators to email addresses, so unknown addresses lock out too. */
export class Migration20261129000000_sign_in_throttle extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table sign_in_throttle (
        email text primary key,
        failures integer not null default 0,
        last_failure_at timestamptz not null default now(),
        locked_until timestamptz
      );
      create index sign_in_throttle_last_failure_at_index on sign_in_throttle (last_failure_at);
      alter table operator drop column failed_sign_ins, drop column locked_until;
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      alter table operator add column failed_sign_ins integer not null default 0, add column locked_until timestamptz;
      drop table sign_in_throttle;
    `);
  }
}
