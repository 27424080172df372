import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Company } from '../companies/company.entity.js';
import { WebhookEndpoint } from './webhook-endpoint.entity.js';

/** One event's delivery to one endpoint, over all its attempts. */
export const WebhookDelivery = defineEntity({
  name: 'WebhookDelivery',
  tableName: 'webhook_delivery',
  indexes: [
    { name: 'webhook_delivery_endpoint_index', expression: 'create index webhook_delivery_endpoint_index on webhook_delivery (endpoint_id, created_at)' },
    {
      name: 'webhook_delivery_failed_index',
      expression: `create index webhook_delivery_failed_index on webhook_delivery (endpoint_id, created_at) where status = 'FAILED'`,
    },
    {
      name: 'webhook_delivery_manual_due_index',
      expression: `create index webhook_delivery_manual_due_index on webhook_delivery (next_attempt_at) where manual and status = 'PENDING'`,
    },
    { name: 'webhook_delivery_created_at_index', properties: ['createdAt'] },
  ],
  properties: {
    company: p.manyToOne(Company).primary().deleteRule('cascade'),
    id: p.uuid().primary(),
    endpoint: p.manyToOne(WebhookEndpoint).joinColumns('company_id', 'endpoint_id').deleteRule('cascade'),
    eventId: p.text(),
    eventType: p.text(),
    status: p.text(),
    attempts: p.integer().default(0),
    manual: p.boolean().default(false),
    payload: p.text().nullable(),
    nextAttemptAt: p.datetime().nullable(),
    lastStatusCode: p.integer().nullable(),
    leasedBy: p.text().nullable(),
    leaseUntil: p.datetime().nullable(),
    createdAt: p.datetime(),
    finishedAt: p.datetime().nullable(),
  },
});
export type WebhookDelivery = InferEntity<typeof WebhookDelivery>;

/** One HTTP attempt of a delivery: what the receiver answered, how fast, the start of its body. */
export const WebhookAttempt = defineEntity({
  name: 'WebhookAttempt',
  tableName: 'webhook_attempt',
  indexes: [
    { name: 'webhook_attempt_delivery_index', expression: 'create index webhook_attempt_delivery_index on webhook_attempt (delivery_id, id)' },
  ],
  properties: {
    company: p.manyToOne(Company).primary().deleteRule('cascade'),
    id: p.bigint('string').primary().autoincrement(),
    delivery: p.manyToOne(WebhookDelivery).joinColumns('company_id', 'delivery_id').deleteRule('cascade'),
    attemptedAt: p.datetime(),
    statusCode: p.integer().nullable(),
    durationMs: p.integer(),
    responseBody: p.text().nullable(),
    error: p.text().nullable(),
  },
});
export type WebhookAttempt = InferEntity<typeof WebhookAttempt>;
