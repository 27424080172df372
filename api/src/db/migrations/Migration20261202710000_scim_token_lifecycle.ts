import { Migration } from '@mikro-orm/migrations';

/**
 * SCIM token expiry and rotation: a token may expire, and a rotated token names the one it
 * replaces. Cached SCIM callers carry the expiry, so changing it notifies every replica (the
 * scim_auth trigger of migration scim_auth_notify, now also on expires_at).
 */
export class Migration20261202710000_scim_token_lifecycle extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table scim_token
        add column expires_at timestamptz null,
        add column rotated_from_id uuid null references scim_token (id) on delete set null;
      create index scim_token_rotated_from_index on scim_token (rotated_from_id);
      drop trigger scim_token_auth_update on scim_token;
      create trigger scim_token_auth_update after update on scim_token
        for each row when (old.revoked_at is distinct from new.revoked_at or old.expires_at is distinct from new.expires_at
          or old.token_hash is distinct from new.token_hash or old.company_id is distinct from new.company_id)
        execute function scim_auth_notify();
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop trigger scim_token_auth_update on scim_token;
      create trigger scim_token_auth_update after update on scim_token
        for each row when (old.revoked_at is distinct from new.revoked_at
          or old.token_hash is distinct from new.token_hash or old.company_id is distinct from new.company_id)
        execute function scim_auth_notify();
      drop index scim_token_rotated_from_index;
      alter table scim_token drop column rotated_from_id, drop column expires_at;
    `);
  }
}
