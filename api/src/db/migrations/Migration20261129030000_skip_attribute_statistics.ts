import { Migration } from '@mikro-orm/migrations';

/**
 * The whole-document `attributes` statistics cost ANALYZE half its time and no plan ever reads
 * them: filters on attributes compare path expressions, which have no column statistics.
 */
export class Migration20261129030000_skip_attribute_statistics extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table directory_user alter column attributes set statistics 0;
      alter table directory_group alter column attributes set statistics 0;
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      alter table directory_user alter column attributes set statistics -1;
      alter table directory_group alter column attributes set statistics -1;
    `);
  }
}
