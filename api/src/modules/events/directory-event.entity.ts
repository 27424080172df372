import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * The outbox: one row per directory change, written by triggers in the change's transaction
 * (Migration20261202600000_directory_events). Read in (tx_id, id) order below the horizon.
 * `company_id` has no foreign key (Migration20261203300000_outbox_without_company_key): a trigger
 * on company removes a deleted company's events.
 */
export const DirectoryEvent = defineEntity({
  name: 'DirectoryEvent',
  tableName: 'directory_event',
  indexes: [
    { name: 'directory_event_company_order_index', properties: ['companyId', 'txId', 'id'] },
    { name: 'directory_event_order_index', properties: ['txId', 'id'] },
    // BRIN: written in time order, read only by the retention sweep (Migration20261206000000_event_time_brin).
    { name: 'directory_event_occurred_at_index', expression: 'create index directory_event_occurred_at_index on directory_event using brin (occurred_at)' },
  ],
  properties: {
    companyId: p.uuid().primary(),
    id: p.bigint('string').primary().autoincrement(),
    txId: p.bigint('string'),
    type: p.text(),
    occurredAt: p.datetime(),
    resourceType: p.text(),
    resourceId: p.uuid(),
    resourceVersion: p.bigint('string'),
    data: p.json<Record<string, unknown>>(),
    source: p.text().nullable(),
  },
});
export type DirectoryEvent = InferEntity<typeof DirectoryEvent>;
