import { Migration } from '@mikro-orm/migrations';

/**
 * Each process keeps successful SCIM token checks for a few seconds. Any change that can turn a
 * token away (revocation, deletion, SCIM deactivation, Entra ID, a new slug) notifies channel
 * `scim_auth` with the company's id, so every replica forgets that company's cached tokens when
 * the change commits, whoever made it (console, CLI, another replica, plain SQL).
 * last_used_at writes do not notify: they change nothing a check depends on.
 */
export class Migration20261129020000_scim_auth_notify extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create function scim_auth_notify() returns trigger language plpgsql as $$
      declare
        company uuid;
      begin
        -- Separate assignments: each table's row has only its own column.
        if tg_table_name = 'company' then company := old.id; else company := old.company_id; end if;
        perform pg_notify('scim_auth', json_build_object('companyId', company)::text);
        return null;
      end $$;

      create trigger scim_token_auth_update after update on scim_token
        for each row when (old.revoked_at is distinct from new.revoked_at
          or old.token_hash is distinct from new.token_hash or old.company_id is distinct from new.company_id)
        execute function scim_auth_notify();
      create trigger scim_token_auth_delete after delete on scim_token
        for each row execute function scim_auth_notify();
      create trigger company_scim_auth_update after update on company
        for each row when (old.scim_status is distinct from new.scim_status
          or old.entra_id_enabled is distinct from new.entra_id_enabled or old.slug is distinct from new.slug)
        execute function scim_auth_notify();
      create trigger company_scim_auth_delete after delete on company
        for each row execute function scim_auth_notify();
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop trigger scim_token_auth_update on scim_token;
      drop trigger scim_token_auth_delete on scim_token;
      drop trigger company_scim_auth_update on company;
      drop trigger company_scim_auth_delete on company;
      drop function scim_auth_notify();
    `);
  }
}
