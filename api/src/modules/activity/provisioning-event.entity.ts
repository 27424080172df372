import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Company } from '../companies/company.entity.js';

/** One inbound SCIM request, refused ones included; written in batches off the request path. */
export const ProvisioningEvent = defineEntity({
  name: 'ProvisioningEvent',
  tableName: 'provisioning_event',
  properties: {
    id: p.bigint('string').primary().autoincrement(),
    company: p.manyToOne(Company),
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
  },
});
export type ProvisioningEvent = InferEntity<typeof ProvisioningEvent>;
