import { Migration } from '@mikro-orm/migrations';

/**
 * A PATCH that removes `active` leaves it unassigned (RFC 7644 §3.5.2.2) instead of applying the
 * creation default again, which re-activated suspended users. NULL is that unassigned state;
 * dropping NOT NULL changes no row and rewrites nothing.
 */
export class Migration20261201100000_active_unassigned extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table directory_user alter column active drop not null;');
  }

  override async down(): Promise<void> {
    // Unassigned was never active, so it goes back as false, not as the default.
    this.addSql(`
      update directory_user set active = false where active is null;
      alter table directory_user alter column active set not null;
    `);
  }
}
