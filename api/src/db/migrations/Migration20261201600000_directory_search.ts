import { Migration } from '@mikro-orm/migrations';

/**
 * The console's directory search is a case-insensitive substring match, which no btree serves:
 * pg_trgm GIN indexes do (ILIKE '%…%' from three characters on). pg_trgm ships with PostgreSQL's
 * contrib modules (the embedded server, the postgres image, the managed services) and is a
 * trusted extension, so the migrating role needs no superuser. Emails are a text[]: the index
 * goes over their joined text through an immutable wrapper (array_to_string itself is stable).
 *
 * The token columns say which SCIM token created and last changed a row; a deleted token leaves
 * them null rather than blocking its deletion.
 */
export class Migration20261201600000_directory_search extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create extension if not exists pg_trgm;
      create function directory_email_text(text[]) returns text language sql immutable parallel safe
        as $$ select array_to_string($1, ' ') $$;
      create index directory_user_user_name_trgm on directory_user using gin (user_name gin_trgm_ops);
      create index directory_user_display_name_trgm on directory_user using gin (display_name gin_trgm_ops);
      create index directory_user_external_id_trgm on directory_user using gin (external_id gin_trgm_ops);
      create index directory_user_emails_trgm on directory_user using gin (directory_email_text(email_values) gin_trgm_ops);
      create index directory_group_display_name_trgm on directory_group using gin (display_name gin_trgm_ops);
      create index directory_group_external_id_trgm on directory_group using gin (external_id gin_trgm_ops);

      alter table directory_user
        add column created_by_token_id uuid references scim_token (id) on delete set null,
        add column updated_by_token_id uuid references scim_token (id) on delete set null;
      alter table directory_group
        add column created_by_token_id uuid references scim_token (id) on delete set null,
        add column updated_by_token_id uuid references scim_token (id) on delete set null;
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      alter table directory_group drop column created_by_token_id, drop column updated_by_token_id;
      alter table directory_user drop column created_by_token_id, drop column updated_by_token_id;
      drop index directory_group_external_id_trgm;
      drop index directory_group_display_name_trgm;
      drop index directory_user_emails_trgm;
      drop index directory_user_external_id_trgm;
      drop index directory_user_display_name_trgm;
      drop index directory_user_user_name_trgm;
      drop function directory_email_text(text[]);
    `);
  }
}
