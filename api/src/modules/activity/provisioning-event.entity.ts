import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Company } from '../companies/company.entity.js';

/** One inbound SCIM request, refused ones included; written in batches off the request path. */
export const ProvisioningEvent = defineEntity({
  name: 'ProvisioningEvent',
  tableName: 'provisioning_event',
  indexes: [
    // Retention pruning walks ids; the console reads newest first by time (events kept through an
    // outage arrive late), and its failure and throttling counters read only their own rows.
    {
      name: 'provisioning_event_company_index',
      expression: 'create index provisioning_event_company_index on provisioning_event (company_id, id desc)',
    },
    {
      name: 'provisioning_event_company_time_index',
      expression:
        'create index provisioning_event_company_time_index on provisioning_event (company_id, occurred_at desc, id desc)',
    },
    {
      name: 'provisioning_event_failures_time_index',
      expression: 'create index provisioning_event_failures_time_index on provisioning_event'
        + ' (company_id, occurred_at desc, id desc) where status >= 400',
    },
    {
      name: 'provisioning_event_throttled_index',
      expression:
        'create index provisioning_event_throttled_index on provisioning_event (company_id, occurred_at) where status = 429',
    },
    // The activity filters by token, resource and operation keep keyset pages as index scans.
    { name: 'provisioning_event_token_time_index', expression: 'create index provisioning_event_token_time_index on provisioning_event (company_id, token_id, occurred_at desc, id desc)' },
    { name: 'provisioning_event_resource_time_index', expression: 'create index provisioning_event_resource_time_index on provisioning_event (company_id, resource_id, occurred_at desc, id desc)' },
    { name: 'provisioning_event_operation_time_index', expression: 'create index provisioning_event_operation_time_index on provisioning_event (company_id, operation, occurred_at desc, id desc)' },
  ],
  properties: {
    company: p.manyToOne(Company).primary().deleteRule('cascade'),
    id: p.bigint('string').primary().autoincrement(),
    occurredAt: p.datetime(),
    tokenId: p.uuid().nullable(),
    tokenLabel: p.text().nullable(),
    userAgent: p.text().nullable(),
    method: p.text(),
    operation: p.text(),
    resourceType: p.text().nullable(),
    resourceId: p.text().nullable(),
    status: p.integer(),
    scimType: p.text().nullable(),
    message: p.text().nullable(),
    durationMs: p.float(),
    path: p.text().nullable(),
    resourceName: p.text().nullable(),
    changedAttributes: p.array().nullable(),
  },
});
export type ProvisioningEvent = InferEntity<typeof ProvisioningEvent>;
