import { randomUUID } from 'node:crypto';
import type { Config } from '../../config.js';
import type { Sql } from '../../db/sql.js';
import type { EventBus } from '../../events/event-bus.js';
import { anyPayload, followChannel } from '../../events/event-stream.js';
import type { Logger } from '../../logger.js';
import { DIRECTORY_EVENTS_CHANNEL } from '../../events/channels.js';
import { createEventStore, toEventView, type EventRow } from './event-store.js';
import type { SecretBox } from './webhook-secrets.js';
import { createSigner, webhookBody, type Signer } from './webhook-signing.js';
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

/** Events read per query: a crash re-sends at most this many of an endpoint's events. */
const PAGE = 500;
/** Endpoint streams delivered side by side (each one in order). */
const LANES = 16;
/** A stream gives its lane up after this long, so due endpoints beyond LANES get their turn. */
const STREAM_TURN_MS = 5_000;
/** How long a wake-up by NOTIFY waits for more commits before claiming. */
const NOTIFY_COALESCE_MS = 100;

/** The secrets that sign now: the current one, and the previous one during its grace period. */
function signingSecrets(endpoint: Pick<EndpointRow, 'secret' | 'previousSecret' | 'previousSecretExpiresAt'>, box: SecretBox): string[] {
  const previousValid = endpoint.previousSecret && endpoint.previousSecretExpiresAt && new Date(endpoint.previousSecretExpiresAt) > new Date();
  return [box.open(endpoint.secret), ...(previousValid ? [box.open(endpoint.previousSecret!)] : [])];
}

const subscribes = (endpoint: EndpointRow, type: string) => !endpoint.eventTypes || endpoint.eventTypes.includes(type);
const last = <T>(rows: readonly T[]) => rows[rows.length - 1];

/**
 * Delivers the outbox to webhook endpoints. Runs on every replica: an endpoint is leased to one
 * replica at a time (claimed with SKIP LOCKED) and its events go out one after another in outbox
 * order; a failing event holds the ones behind it until it succeeds or runs out of attempts. Up to
 * LANES endpoints are delivered at once. A replica that dies mid-page loses its lease and the next
 * one re-sends what it had not recorded.
 */
export function createWebhookWorker({ sql, events, logger, config, secrets }: WebhookWorkerDeps) {
  const owner = `worker-${randomUUID()}`;
  const store = createDeliveryStore(sql);
  const eventStore = createEventStore(sql);
  const schedule = config.events;
  let timer: NodeJS.Timeout | undefined;
  let notified: NodeJS.Timeout | undefined;
  let claiming: Promise<void> | undefined;
  let again = false;
  let againWithManual = false;
  let lanes = 0;
  let manualRunning = false;
  const inFlight = new Set<Promise<void>>();
  let stopped = true;
  let unsubscribe: (() => Promise<void>) | undefined;

  /**
   * Each attempt is signed with its own time, not the event's: receivers refuse a webhook-timestamp
   * more than 5 minutes old (replay protection), so a retry or redelivery signed with the time the
   * event happened would never verify. The body's `timestamp` keeps the event's time.
   */
  const signerOf = (endpoint: Pick<EndpointRow, 'secret' | 'previousSecret' | 'previousSecretExpiresAt'>) =>
    createSigner(signingSecrets(endpoint, secrets));

  function outcomeOf(deliveryId: string, event: { eventId: string; eventType: string }, attempts: number, attempt: WebhookAttempt): DeliveryOutcome {
    const ok = succeeded(attempt);
    const exhausted = !ok && attempts >= schedule.maxAttempts;
    const nextAttemptAt = ok || exhausted ? null : new Date(Date.now() + retryDelayMs(attempts, schedule));
    return { deliveryId, ...event, status: ok ? 'SUCCEEDED' : exhausted ? 'FAILED' : 'PENDING', attempts, nextAttemptAt, attempt, attemptedAt: new Date() };
  }

  /** A retry that went through: streams waiting out a backoff at the same receiver go now. */
  async function recovered(endpoint: EndpointRow): Promise<void> {
    if ((await store.wakeRecovered(endpoint)) > 0) wake();
  }

  /**
   * One endpoint's events, in order, page after page while its turn lasts, stopping at the first
   * that must wait for a retry. The next page is read while the current one is being sent; each
   * page's outcomes are recorded (and the lease renewed) before the next page goes out. True when
   * it ended having sent everything there was.
   */
  async function deliverStream(endpoint: EndpointRow): Promise<boolean> {
    const state: StreamState = {
      cursor: { txId: endpoint.cursorTxId, id: endpoint.cursorId }, headDeliveryId: endpoint.headDeliveryId,
      nextAttemptAt: null, failedDeliveries: endpoint.failedDeliveries, disabledReason: null,
    };
    const sign = signerOf(endpoint);
    const turnEnds = Date.now() + Math.min(STREAM_TURN_MS, schedule.leaseMs / 3);
    let page = await eventStore.list(endpoint.companyId, state.cursor, PAGE);
    for (;;) {
      const lastRow = last(page);
      const next = page.length === PAGE && lastRow ? eventStore.list(endpoint.companyId, lastRow, PAGE) : Promise.resolve([]);
      next.catch(() => undefined);
      const { outcomes, stop } = await deliverPage(endpoint, page, state, sign, turnEnds);
      const more = !stop && page.length === PAGE && Date.now() < turnEnds;
      const held = await store.recordStream(endpoint, owner, outcomes, state, { release: !more, leaseMs: schedule.leaseMs });
      if (!held) {
        logger.warn({ endpointId: endpoint.id }, 'webhook endpoint lease lost; another replica resends its page');
        return false;
      }
      if (outcomes.some((outcome) => outcome.status === 'SUCCEEDED' && outcome.attempts > 1)) await recovered(endpoint);
      if (!more) return !stop && page.length < PAGE;
      page = await next;
    }
  }

  async function deliverPage(endpoint: EndpointRow, page: readonly EventRow[], state: StreamState, sign: Signer, turnEnds: number) {
    const outcomes: DeliveryOutcome[] = [];
    for (const row of page) {
      // A slow receiver must not keep the stream past its turn: the rest waits for the next claim.
      if (Date.now() > turnEnds) return { outcomes, stop: true };
      const outcome = subscribes(endpoint, row.type) ? await deliverEvent(endpoint, row, state, sign) : undefined;
      if (outcome) outcomes.push(outcome);
      if (outcome?.status === 'PENDING') return { outcomes, stop: true };
      state.cursor = { txId: row.txId, id: row.id };
      if (state.disabledReason) return { outcomes, stop: true };
    }
    return { outcomes, stop: false };
  }

  async function deliverEvent(endpoint: EndpointRow, row: EventRow, state: StreamState, sign: Signer): Promise<DeliveryOutcome> {
    const view = toEventView(row, config.publicUrl);
    const deliveryId = state.headDeliveryId ?? randomUUID();
    const attempts = (state.headDeliveryId ? await store.attemptsOf(endpoint.companyId, state.headDeliveryId) : 0) + 1;
    const body = webhookBody(view.type, view.occurredAt, view.data);
    const attempt = await postWebhook(endpoint.url, sign({ id: view.id, timestamp: new Date(), body }), body, schedule.allowInsecure);
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
    const headers = signerOf(delivery.endpoint)({ id: delivery.eventId, timestamp: new Date(), body: delivery.payload });
    const attempt = await postWebhook(delivery.endpoint.url, headers, delivery.payload, schedule.allowInsecure);
    await store.recordManual(delivery, outcomeOf(delivery.id, delivery, delivery.attempts + 1, attempt));
    // A test event or redelivery that went through: the receiver is back, its stream need not wait.
    if (succeeded(attempt)) await recovered(delivery.endpoint);
  }

  async function streamSafely(endpoint: EndpointRow): Promise<boolean> {
    return deliverStream(endpoint).catch(async (error: unknown) => {
      logger.error({ err: error, endpointId: endpoint.id }, 'webhook delivery failed');
      await store.release(endpoint, owner).catch(() => undefined);
      return false;
    });
  }

  /**
   * A lane delivers one endpoint after another, claiming the next as soon as it is free. An
   * endpoint it caught up with waits for the next wake-up: while an IdP writes, its events then go
   * out a wake-up's worth at a time rather than a few per claim.
   */
  async function lane(first: EndpointRow): Promise<void> {
    let endpoint: EndpointRow | undefined = first;
    while (endpoint && !stopped) {
      const caughtUp = await streamSafely(endpoint);
      [endpoint] = stopped ? [] : await store.claimEndpoints(owner, schedule.leaseMs, 1, caughtUp ? endpoint.id : null);
    }
  }

  async function manualDeliveries(): Promise<void> {
    for (;;) {
      const manual = await store.claimManual(owner, schedule.leaseMs, LANES);
      if (manual.length === 0 || stopped) return;
      await Promise.all(manual.map((delivery) => deliverManual(delivery).catch((error: unknown) =>
        logger.error({ err: error, deliveryId: delivery.id }, 'webhook redelivery failed'))));
    }
  }

  /** Runs `work` in the background until it settles, so stop() can wait for it. */
  function track(work: Promise<void>, what: string): void {
    const tracked = work.catch((error: unknown) => logger.error({ err: error }, `webhook worker ${what} failed`))
      .finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  }

  /**
   * Claims due endpoints for the free lanes (each then keeps claiming), and on a poll tick the
   * manual deliveries (a NOTIFY says events were committed, not that one was enqueued).
   */
  async function fill(withManual: boolean): Promise<void> {
    const free = LANES - lanes;
    const endpoints = free > 0 ? await store.claimEndpoints(owner, schedule.leaseMs, free) : [];
    for (const endpoint of endpoints) {
      lanes += 1;
      track(lane(endpoint).finally(() => (lanes -= 1)), 'lane');
    }
    if (withManual && !manualRunning) {
      manualRunning = true;
      track(manualDeliveries().finally(() => (manualRunning = false)), 'redelivery');
    }
  }

  /** One claim at a time; a wake-up during a claim claims again right after it. */
  function wake(withManual = false): void {
    if (stopped) return;
    if (claiming) {
      again = true;
      againWithManual ||= withManual;
      return;
    }
    claiming = fill(withManual)
      .catch((error: unknown) => logger.error({ err: error }, 'webhook worker could not claim; polls again'))
      .finally(() => {
        claiming = undefined;
        if (again) {
          const manual = againWithManual;
          again = false;
          againWithManual = false;
          wake(manual);
        }
      });
  }

  /** Events were committed somewhere: claim after a short while, so a burst of writes is one claim. */
  function committed(): void {
    notified ??= setTimeout(() => {
      notified = undefined;
      wake();
    }, NOTIFY_COALESCE_MS);
  }

  function tick(): void {
    wake(true);
    timer = setTimeout(tick, schedule.pollMs);
  }

  return {
    /** Claims now, manual deliveries included (after one is enqueued). */
    wake: () => wake(true),
    async start(): Promise<void> {
      stopped = false;
      unsubscribe = await followChannel(events, DIRECTORY_EVENTS_CHANNEL, anyPayload, committed).catch((error: unknown) => {
        logger.warn({ err: error }, 'webhook worker listens again once the database is back; polling meanwhile');
        return undefined;
      });
      tick();
    },
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(notified);
      await unsubscribe?.();
      await claiming;
      await Promise.all(inFlight);
    },
  };
}

export type WebhookWorker = ReturnType<typeof createWebhookWorker>;
