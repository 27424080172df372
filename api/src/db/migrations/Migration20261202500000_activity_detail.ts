import { Migration } from '@mikro-orm/migrations';

/**
 * The activity detail (path, resource name, changed attribute names) and the indexes behind the
 * activity filters. Status filters use the existing failures index (status >= 400) or the time
 * index; token, resource and operation filters each get a (key, time, id) index so that keyset
 * pages stay index scans however rare the matching rows are. The audit trail's action filter
 * (sign-ins make it grow) gets its own index too.
 */
export class Migration20261202500000_activity_detail extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table provisioning_event add column path text null, add column resource_name text null,
        add column changed_attributes text[] null;
      create index provisioning_event_token_time_index on provisioning_event (company_id, token_id, occurred_at desc, id desc);
      create index provisioning_event_resource_time_index on provisioning_event (company_id, resource_id, occurred_at desc, id desc);
      create index provisioning_event_operation_time_index on provisioning_event (company_id, operation, occurred_at desc, id desc);
      create index audit_entry_company_action_index on audit_entry (company_id, action, id desc);
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      drop index audit_entry_company_action_index;
      drop index provisioning_event_operation_time_index;
      drop index provisioning_event_resource_time_index;
      drop index provisioning_event_token_time_index;
      alter table provisioning_event drop column changed_attributes, drop column resource_name, drop column path;
    `);
  }
}
