import { Migration } from '@mikro-orm/migrations';

// Top-level keys under a schema the resource type declares, such as
// "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:schemas": no attribute is stored so.
const USER_KEYS = String.raw`^urn:ietf:params:scim:schemas:(core:2\.0|extension:enterprise:2\.0):User:`;
const GROUP_KEYS = String.raw`^urn:ietf:params:scim:schemas:core:2\.0:Group:`;

function dropKeys(table: string, pattern: string): string {
  const misfiled = `select k from jsonb_object_keys(t.attributes) k where k ~* '${pattern}'`;
  return `update ${table} t set attributes = t.attributes - array(${misfiled}), version = t.version + 1
    where exists (${misfiled});`;
}

/**
 * PATCH with the enterprise URN as path stored the value's `schemas` as such a key, and every
 * later response carried it (issue 12). The writes no longer do; this removes what they left.
 * The version moves on so that a cached ETag does not vouch for the old body.
 */
export class Migration20261201101000_misfiled_schema_keys extends Migration {
  override async up(): Promise<void> {
    this.addSql(dropKeys('directory_user', USER_KEYS));
    this.addSql(dropKeys('directory_group', GROUP_KEYS));
  }

  override async down(): Promise<void> {
    // The removed keys were never data of the resource; there is nothing to restore.
  }
}
