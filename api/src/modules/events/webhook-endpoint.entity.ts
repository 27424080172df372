import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Company } from '../companies/company.entity.js';

/** A receiver of a company's events (Migration20261202610000_webhooks); read and written with SQL. */
export const WebhookEndpoint = defineEntity({
  name: 'WebhookEndpoint',
  tableName: 'webhook_endpoint',
  indexes: [
    { name: 'webhook_endpoint_company_index', properties: ['company'] },
    { name: 'webhook_endpoint_due_index', expression: 'create index webhook_endpoint_due_index on webhook_endpoint (next_attempt_at) where enabled' },
  ],
  properties: {
    company: p.manyToOne(Company).primary().deleteRule('cascade'),
    id: p.uuid().primary(),
    url: p.text(),
    description: p.text().nullable(),
    eventTypes: p.array().nullable(),
    enabled: p.boolean().default(true),
    disabledReason: p.text().nullable(),
    secret: p.text().hidden(),
    previousSecret: p.text().nullable().hidden(),
    previousSecretExpiresAt: p.datetime().nullable(),
    cursorTxId: p.bigint('string'),
    cursorId: p.bigint('string'),
    headDeliveryId: p.uuid().nullable(),
    nextAttemptAt: p.datetime(),
    leasedBy: p.text().nullable(),
    leaseUntil: p.datetime().nullable(),
    failedDeliveries: p.integer().default(0),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
});
export type WebhookEndpoint = InferEntity<typeof WebhookEndpoint>;
