import { randomUUID } from 'node:crypto';
import type { Config } from '../../config.js';
import type { Sql } from '../../db/sql.js';
import type { EventBus } from '../../events/event-bus.js';
import type { Logger } from '../../logger.js';
import { DIRECTORY_EVENTS_CHANNEL } from '../../events/channels.js';
import { createEventStore, toEventView, type EventRow } from './event-store.js';
import type { SecretBox } from './webhook-secrets.js';
import { webhookBody, signedHeaders } from './webhook-signing.js';
import { postWebhook, succeeded, type WebhookAttempt } from './webhook-http.js';
import { createDeliveryStore, type DeliveryOutcome, type ManualDelivery, type StreamState } from './webhook-delivery.store.js';
import type { EndpointRow } from './webhook-endpoint.store.js';
import { retryDelayMs } from './webhook-schedule.js';

export interface WebhookWorkerDeps {
  sql: Sql;
  events: EventBus;
  logger: Logger;
  config: Pick<Config, 'publicUrl' | 'events'>;
  secrets: SecretBox;
}

const BATCH = 200;
const ENDPOINTS_PER_CLAIM = 16;

/** The secrets that sign now: the current one, and the previous one during its grace period. */
function signingSecrets(endpoint: Pick<EndpointRow, 'secret' | 'previousSecret' | 'previousSecretExpiresAt'>, box: SecretBox): string[] {
  const previousValid = endpoint.previousSecret && endpoint.previousSecretExpiresAt && new Date(endpoint.previousSecretExpiresAt) > new Date();
  return [box.open(endpoint.secret), ...(previousValid ? [box.open(endpoint.previousSecret!)] : [])];
}

const subscribes = (endpoint: EndpointRow, type: string) => !endpoint.eventTypes || endpoint.eventTypes.includes(type);

/**
 * Delivers the outbox to webhook endpoints. Runs on every replica: an endpoint is leased to one
 * replica at a time (claimed with SKIP LOCKED) and its events go out one after another in outbox
 * order; a failing event holds the ones behind it until it succeeds or runs out of attempts. A
 * replica that dies mid-batch loses its lease and the next one re-sends what it had not recorded.
 */
export function createWebhookWorker({ sql, events, logger, config, secrets }: WebhookWorkerDeps) {
  const owner = `worker-${randomUUID()}`;
  const store = createDeliveryStore(sql);
  const eventStore = createEventStore(sql);
  const schedule = config.events;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = true;
  let unsubscribe: (() => Promise<void>) | undefined;

  /**
   * Signed with the attempt's time, not the event's: receivers refuse a webhook-timestamp more
   * than 5 minutes old (replay protection), so a retry or redelivery signed with the time the
   * event happened would never verify. The body's `timestamp` keeps the event's time.
   */
  function post(endpoint: Pick<EndpointRow, 'url' | 'secret' | 'previousSecret' | 'previousSecretExpiresAt'>, id: string, body: string) {
    const headers = signedHeaders({ id, timestamp: new Date(), body }, signingSecrets(endpoint, secrets));
    return postWebhook(endpoint.url, headers, body, schedule.allowInsecure);
  }

  function outcomeOf(deliveryId: string, event: { eventId: string; eventType: string }, attempts: number, attempt: WebhookAttempt): DeliveryOutcome {
    const ok = succeeded(attempt);
    const exhausted = !ok && attempts >= schedule.maxAttempts;
    const nextAttemptAt = ok || exhausted ? null : new Date(Date.now() + retryDelayMs(attempts, schedule));
    return { deliveryId, ...event, status: ok ? 'SUCCEEDED' : exhausted ? 'FAILED' : 'PENDING', attempts, nextAttemptAt, attempt, attemptedAt: new Date() };
  }

  /** One endpoint's next events, in order, stopping at the first that must wait for a retry. */
  async function deliverStream(endpoint: EndpointRow): Promise<void> {
    const state: StreamState = {
      cursor: { txId: endpoint.cursorTxId, id: endpoint.cursorId }, headDeliveryId: endpoint.headDeliveryId,
      nextAttemptAt: null, failedDeliveries: endpoint.failedDeliveries, disabledReason: null,
    };
    const rows = await eventStore.list(endpoint.companyId, state.cursor, BATCH);
    const outcomes: DeliveryOutcome[] = [];
    // A slow receiver must not keep the batch past its lease: the rest waits for the next claim.
    const budgetEnds = Date.now() + schedule.leaseMs / 3;
    for (const row of rows) {
      if (Date.now() > budgetEnds) break;
      const outcome = subscribes(endpoint, row.type) ? await deliverEvent(endpoint, row, state) : undefined;
      if (outcome) outcomes.push(outcome);
      if (outcome?.status === 'PENDING') break;
      state.cursor = { txId: row.txId, id: row.id };
      if (state.disabledReason) break;
    }
    const recorded = await store.recordStream(endpoint, owner, outcomes, state, true);
    if (!recorded) logger.warn({ endpointId: endpoint.id }, 'webhook endpoint lease lost; another replica resends its batch');
  }

  async function deliverEvent(endpoint: EndpointRow, row: EventRow, state: StreamState): Promise<DeliveryOutcome> {
    const view = toEventView(row, config.publicUrl);
    const deliveryId = state.headDeliveryId ?? randomUUID();
    const attempts = (state.headDeliveryId ? await store.attemptsOf(state.headDeliveryId) : 0) + 1;
    const attempt = await post(endpoint, view.id, webhookBody(view.type, view.occurredAt, view.data));
    const outcome = outcomeOf(deliveryId, { eventId: view.id, eventType: view.type }, attempts, attempt);
    state.headDeliveryId = outcome.status === 'PENDING' ? deliveryId : null;
    state.nextAttemptAt = outcome.nextAttemptAt;
    if (outcome.status === 'SUCCEEDED') state.failedDeliveries = 0;
    if (outcome.status === 'FAILED') {
      state.failedDeliveries += 1;
      if (state.failedDeliveries >= schedule.disableAfterFailures) {
        state.disabledReason = `Disabled after ${state.failedDeliveries} deliveries in a row failed every attempt`;
        logger.warn({ endpointId: endpoint.id, companyId: endpoint.companyId }, 'webhook endpoint disabled after repeated failures');
      }
    }
    return outcome;
  }

  async function deliverManual(delivery: ManualDelivery): Promise<void> {
    const attempt = await post(delivery.endpoint, delivery.eventId, delivery.payload);
    await store.recordManual(delivery, outcomeOf(delivery.id, delivery, delivery.attempts + 1, attempt));
  }

  async function round(): Promise<void> {
    for (;;) {
      const endpoints = await store.claimEndpoints(owner, schedule.leaseMs, ENDPOINTS_PER_CLAIM);
      const manual = await store.claimManual(owner, schedule.leaseMs, ENDPOINTS_PER_CLAIM);
      await Promise.all([
        ...endpoints.map((endpoint) => deliverStream(endpoint).catch(async (error: unknown) => {
          logger.error({ err: error, endpointId: endpoint.id }, 'webhook delivery failed');
          await store.release(endpoint.id, owner).catch(() => undefined);
        })),
        ...manual.map((delivery) => deliverManual(delivery).catch((error: unknown) =>
          logger.error({ err: error, deliveryId: delivery.id }, 'webhook redelivery failed'))),
      ]);
      if (endpoints.length === 0 && manual.length === 0) return;
    }
  }

  /** One round at a time; a wake-up during a round runs another right after it. */
  function wake(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = round()
      .catch((error: unknown) => logger.error({ err: error }, 'webhook worker round failed'))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          wake();
        }
      });
  }

  function tick(): void {
    wake();
    timer = setTimeout(tick, schedule.pollMs);
  }

  return {
    wake,
    async start(): Promise<void> {
      stopped = false;
      unsubscribe = await events.subscribe(DIRECTORY_EVENTS_CHANNEL, () => wake()).catch((error: unknown) => {
        logger.warn({ err: error }, 'webhook worker listens again once the database is back; polling meanwhile');
        return undefined;
      });
      tick();
    },
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      await unsubscribe?.();
      await running;
    },
  };
}

export type WebhookWorker = ReturnType<typeof createWebhookWorker>;
