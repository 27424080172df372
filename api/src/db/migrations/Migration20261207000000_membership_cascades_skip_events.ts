import { Migration } from '@mikro-orm/migrations';

/**
 * A membership removed by a foreign key's cascade never has an event: its user or group is gone
 * (see migration membership_events_joins). A cascade runs one DELETE per parent row, each firing
 * the statement trigger, which then joined a row or two only to find nothing: 2,000 calls in each
 * 2,000-user batch of Delete All Users (7 ms of 56). Only cascades delete memberships from inside a
 * trigger (Roster's own deletes are plain statements), so the trigger now fires at depth 0 only.
 */
export class Migration20261207000000_membership_cascades_skip_events extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      drop trigger directory_membership_delete_events on directory_membership;
      create trigger directory_membership_delete_events after delete on directory_membership
        referencing old table as old_rows for each statement when (pg_trigger_depth() = 0)
        execute function directory_membership_events();`);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop trigger directory_membership_delete_events on directory_membership;
      create trigger directory_membership_delete_events after delete on directory_membership
        referencing old table as old_rows for each statement execute function directory_membership_events();`);
  }
}
