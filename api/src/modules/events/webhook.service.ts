import { randomUUID } from 'node:crypto';
import type { Config } from '../../config.js';
import { assertFound, DomainError } from '../../domain/domain-error.js';
import type { Sql } from '../../db/sql.js';
import { UUID } from '../directory/directory-preconditions.js';
import { createEventStore, parseCursor, toEventView } from './event-store.js';
import { DIRECTORY_EVENT_TYPES } from './event-catalogue.js';
import { secretBoxFor } from './webhook-secrets.js';
import { generateWebhookSecret } from './webhook-secrets.js';
import { createDeliveryStore } from './webhook-delivery.store.js';
import { findDelivery, listDeliveries, type DeliveryPageRequest } from './webhook-delivery.view.js';
import { createEndpointStore, type EndpointChange, type EndpointRow } from './webhook-endpoint.store.js';
import { refusedUrl } from './webhook-http.js';
import { webhookBody } from './webhook-signing.js';

/** How long a rotated-out secret keeps signing beside the new one. */
export const ROTATION_GRACE_MS = 24 * 60 * 60 * 1000;
const MAX_ENDPOINTS_PER_COMPANY = 20;
/** The event id of a test event (`webhook-id` too), apart from the outbox's `<tx>.<id>` cursors. */
const TEST_EVENT_PREFIX = 'test_';

export type WebhookEndpointView = Omit<EndpointRow, 'secret' | 'previousSecret' | 'cursorTxId' | 'cursorId' | 'headDeliveryId'>;

function toEndpointView(row: EndpointRow): WebhookEndpointView {
  const { secret: _s, previousSecret: _p, cursorTxId: _t, cursorId: _c, headDeliveryId: _h, ...view } = row;
  // The ORM's pool hands timestamps over as text.
  return {
    ...view,
    createdAt: new Date(view.createdAt),
    updatedAt: new Date(view.updatedAt),
    previousSecretExpiresAt: view.previousSecretExpiresAt && new Date(view.previousSecretExpiresAt),
  };
}

function checkedUrl(url: string, allowInsecure: boolean): string {
  const refusal = refusedUrl(url.trim(), allowInsecure);
  if (refusal) throw new DomainError('INVALID_INPUT', `The endpoint URL ${refusal}`);
  return url.trim();
}

function checkedTypes(types: readonly string[] | null | undefined): string[] | null {
  if (!types || types.length === 0) return null;
  return DIRECTORY_EVENT_TYPES.filter((type) => types.includes(type));
}

/** Webhook endpoints of the caller's company; `wake` nudges this replica's delivery worker. */
export function createWebhookService({ sql, config, wake = () => undefined }: { sql: Sql; config: Config; wake?: () => void }) {
  const endpoints = createEndpointStore(sql);
  const deliveries = createDeliveryStore(sql);
  const box = secretBoxFor(config);
  const allowInsecure = config.events.allowInsecure;

  async function endpointOf(companyId: string, id: string): Promise<EndpointRow> {
    return assertFound(UUID.test(id) ? await endpoints.find(companyId, id) : undefined, 'WEBHOOK_NOT_FOUND', 'No such webhook endpoint');
  }

  /** A disabled endpoint receives nothing, a test or a redelivery included. */
  async function enabledEndpointOf(companyId: string, id: string): Promise<EndpointRow> {
    const endpoint = await endpointOf(companyId, id);
    if (!endpoint.enabled) throw new DomainError('WEBHOOK_DISABLED', 'The endpoint is disabled; enable it to send events to it');
    return endpoint;
  }

  async function createEndpoint(companyId: string, input: { url: string; eventTypes?: readonly string[] | null; description?: string | null }) {
    const url = checkedUrl(input.url, allowInsecure);
    if ((await endpoints.list(companyId)).length >= MAX_ENDPOINTS_PER_COMPANY) {
      throw new DomainError('INVALID_INPUT', `A company has at most ${MAX_ENDPOINTS_PER_COMPANY} webhook endpoints`);
    }
    const secret = generateWebhookSecret();
    const row = await endpoints.insert(companyId, {
      url, eventTypes: checkedTypes(input.eventTypes), description: input.description?.trim().slice(0, 500) || null, secret: box.seal(secret),
    });
    return { endpoint: toEndpointView(row), secret };
  }

  async function updateEndpoint(companyId: string, id: string, change: EndpointChange) {
    await endpointOf(companyId, id);
    const row = await endpoints.update(companyId, id, {
      ...change,
      ...(change.url != null && { url: checkedUrl(change.url, allowInsecure) }),
      ...(change.eventTypes !== undefined && { eventTypes: checkedTypes(change.eventTypes) }),
    });
    if (change.enabled) wake();
    return toEndpointView(assertFound(row, 'WEBHOOK_NOT_FOUND', 'No such webhook endpoint'));
  }

  async function rotateSecret(companyId: string, id: string) {
    await endpointOf(companyId, id);
    const secret = generateWebhookSecret();
    const row = assertFound(await endpoints.rotate(companyId, id, box.seal(secret), ROTATION_GRACE_MS), 'WEBHOOK_NOT_FOUND', 'No such webhook endpoint');
    return { endpoint: toEndpointView(row), secret };
  }

  async function deleteEndpoint(companyId: string, id: string): Promise<boolean> {
    if (!UUID.test(id) || !(await endpoints.remove(companyId, id))) throw new DomainError('WEBHOOK_NOT_FOUND', 'No such webhook endpoint');
    return true;
  }

  /**
   * Sends a stored event to the endpoint again, beside its stream (same webhook-id and body:
   * receivers dedupe). A test event is not in the outbox: its first delivery's body is sent again.
   */
  async function redeliver(companyId: string, endpointId: string, eventId: string) {
    await enabledEndpointOf(companyId, endpointId);
    if (eventId.startsWith(TEST_EVENT_PREFIX)) return redeliverTest(companyId, endpointId, eventId);
    const position = assertFound(parseCursor(eventId), 'EVENT_NOT_FOUND', 'No such event');
    const [row] = await createEventStore(sql).list(companyId, { txId: position.txId, id: String(BigInt(position.id) - 1n) }, 1);
    if (!row || row.id !== position.id || row.txId !== position.txId) throw new DomainError('EVENT_NOT_FOUND', 'No such event');
    const view = toEventView(row, config.publicUrl);
    return enqueue(companyId, endpointId, view.id, view.type, webhookBody(view.type, view.occurredAt, view.data));
  }

  async function redeliverTest(companyId: string, endpointId: string, eventId: string) {
    const sent = assertFound(await deliveries.manualPayloadOf(companyId, endpointId, eventId), 'EVENT_NOT_FOUND', 'No such event');
    return enqueue(companyId, endpointId, eventId, sent.eventType, sent.payload);
  }

  /** A `webhook.test` message, signed and retried like any other delivery. */
  async function sendTest(companyId: string, endpointId: string) {
    await enabledEndpointOf(companyId, endpointId);
    const body = webhookBody('webhook.test', new Date(), { endpointId, message: 'A test event sent from the Roster console.' });
    return enqueue(companyId, endpointId, `${TEST_EVENT_PREFIX}${randomUUID()}`, 'webhook.test', body);
  }

  async function enqueue(companyId: string, endpointId: string, eventId: string, eventType: string, payload: string) {
    const id = await deliveries.enqueueManual(companyId, endpointId, { eventId, eventType, payload });
    wake();
    return assertFound(await findDelivery(sql, companyId, id), 'WEBHOOK_NOT_FOUND', 'No such webhook endpoint');
  }

  async function listEndpointDeliveries(companyId: string, endpointId: string, page: DeliveryPageRequest) {
    await endpointOf(companyId, endpointId);
    return listDeliveries(sql, companyId, endpointId, page);
  }

  return {
    listEndpoints: async (companyId: string) => (await endpoints.list(companyId)).map(toEndpointView),
    createEndpoint, updateEndpoint, rotateSecret, deleteEndpoint, redeliver, sendTest, listEndpointDeliveries,
    findDelivery: (companyId: string, id: string) => findDelivery(sql, companyId, id),
  };
}

export type WebhookService = ReturnType<typeof createWebhookService>;
