import { Migration } from '@mikro-orm/migrations';

/**
 * A company's own SCIM rate limit (both null: the deployment's default; per second 0: no limit).
 * Cached SCIM callers carry the limit, so the scim_auth trigger now fires on its change too and
 * every replica applies a new limit when it commits. Throttled requests are counted per hour for
 * the overview from a partial index that holds only them.
 */
export class Migration20261201700000_scim_rate_limit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table company
        add column scim_rate_limit_per_second integer null,
        add column scim_rate_limit_burst integer null,
        add constraint company_scim_rate_limit_check check (
          (scim_rate_limit_per_second is null and scim_rate_limit_burst is null)
          or (scim_rate_limit_per_second >= 0 and scim_rate_limit_burst >= 1));
      drop trigger company_scim_auth_update on company;
      create trigger company_scim_auth_update after update on company
        for each row when (old.scim_status is distinct from new.scim_status
          or old.entra_id_enabled is distinct from new.entra_id_enabled or old.slug is distinct from new.slug
          or old.scim_rate_limit_per_second is distinct from new.scim_rate_limit_per_second
          or old.scim_rate_limit_burst is distinct from new.scim_rate_limit_burst)
        execute function scim_auth_notify();
      create index provisioning_event_throttled_index on provisioning_event (company_id, occurred_at) where status = 429;
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop index provisioning_event_throttled_index;
      drop trigger company_scim_auth_update on company;
      create trigger company_scim_auth_update after update on company
        for each row when (old.scim_status is distinct from new.scim_status
          or old.entra_id_enabled is distinct from new.entra_id_enabled or old.slug is distinct from new.slug)
        execute function scim_auth_notify();
      alter table company
        drop constraint company_scim_rate_limit_check,
        drop column scim_rate_limit_per_second,
        drop column scim_rate_limit_burst;
    `);
  }
}
