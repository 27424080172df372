import { Migration } from '@mikro-orm/migrations';

/**
 * Recent activity is read newest first by time, then id: events kept through a database outage
 * are inserted late, so ids alone no longer follow time. The id index stays for retention pruning.
 */
export class Migration20261201400000_activity_time_order extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create index provisioning_event_company_time_index on provisioning_event (company_id, occurred_at desc, id desc);
      drop index provisioning_event_failures_index;
      create index provisioning_event_failures_time_index on provisioning_event (company_id, occurred_at desc, id desc)
        where status >= 400;
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop index provisioning_event_failures_time_index;
      create index provisioning_event_failures_index on provisioning_event (company_id, id desc) where status >= 400;
      drop index provisioning_event_company_time_index;
    `);
  }
}
