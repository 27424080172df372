import { randomUUID } from 'node:crypto';
import { sql, type SqlFragment } from '../../db/sql-tag.js';
import type { Sql } from '../../db/sql.js';
import { ENDPOINT_COLUMNS, type EndpointRow } from './webhook-endpoint.store.js';
import type { WebhookAttempt } from './webhook-http.js';
import type { EventPosition } from './event-store.js';

export type DeliveryStatus = 'PENDING' | 'SUCCEEDED' | 'FAILED';

/** An attempt's result for one event of an endpoint's stream (or of a manual delivery). */
export interface DeliveryOutcome {
  deliveryId: string;
  eventId: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  attempt: WebhookAttempt;
  attemptedAt: Date;
}

/** Where an endpoint's stream stands after a batch. */
export interface StreamState {
  cursor: EventPosition;
  headDeliveryId: string | null;
  nextAttemptAt: Date | null;
  failedDeliveries: number;
  disabledReason: string | null;
}

export interface ManualDelivery {
  id: string;
  companyId: string;
  eventId: string;
  eventType: string;
  attempts: number;
  payload: string;
  endpoint: EndpointRow;
}

const outcomesJson = (outcomes: readonly DeliveryOutcome[]) => JSON.stringify(outcomes.map((o) => ({
  id: o.deliveryId, event_id: o.eventId, event_type: o.eventType, status: o.status, attempts: o.attempts,
  next_attempt_at: o.nextAttemptAt, last_status_code: o.attempt.statusCode, attempted_at: o.attemptedAt,
  duration_ms: o.attempt.durationMs, response_body: o.attempt.responseBody, error: o.attempt.error,
  finished_at: o.status === 'PENDING' ? null : o.attemptedAt,
})));

/**
 * The outcomes' delivery rows (inserted, or updated when retried) and their attempt rows, as CTEs
 * of one statement; `gate` is a CTE that yields a row only when the write may happen.
 */
function outcomeWrites(gate: SqlFragment, companyId: string, endpointId: string, outcomes: readonly DeliveryOutcome[]): SqlFragment {
  const json = outcomesJson(outcomes);
  return sql`outcomes as (select r.* from jsonb_to_recordset(${json}::jsonb) as r(id uuid, event_id text, event_type text, status text,
      attempts int, next_attempt_at timestamptz, last_status_code int, attempted_at timestamptz, finished_at timestamptz,
      duration_ms int, response_body text, error text)
    where exists (select 1 from ${gate})
  ), deliveries as (insert into webhook_delivery as d (id, company_id, endpoint_id, event_id, event_type, status, attempts,
      next_attempt_at, last_status_code, created_at, finished_at)
    select r.id, ${companyId}, ${endpointId}, r.event_id, r.event_type, r.status, r.attempts, r.next_attempt_at,
      r.last_status_code, r.attempted_at, r.finished_at from outcomes r
    on conflict (company_id, id) do update set status = excluded.status, attempts = excluded.attempts, next_attempt_at = excluded.next_attempt_at,
      last_status_code = excluded.last_status_code, finished_at = excluded.finished_at, leased_by = null, lease_until = null
  ), attempts as (insert into webhook_attempt (company_id, delivery_id, attempted_at, status_code, duration_ms, response_body, error)
    select ${companyId}, r.id, r.attempted_at, r.last_status_code, r.duration_ms, r.response_body, r.error from outcomes r)`;
}

const ORIGIN = (url: SqlFragment) => sql`lower(substring(${url} from '^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]+'))`;

export function createDeliveryStore(db: Sql) {
  /**
   * Due endpoints with settled events past their cursor, leased to `owner` (SKIP LOCKED: one
   * replica each), other than `except`.
   */
  async function claimEndpoints(owner: string, leaseMs: number, limit: number, except: string | null = null): Promise<EndpointRow[]> {
    return db.query<EndpointRow>(sql`update webhook_endpoint w set leased_by = ${owner},
        lease_until = now() + make_interval(secs => ${leaseMs / 1000})
      where (w.company_id, w.id) in (select e.company_id, e.id from webhook_endpoint e
        where e.enabled and e.next_attempt_at <= now() and (e.lease_until is null or e.lease_until < now())
          and e.id is distinct from ${except}::uuid and exists (select 1 from directory_event d where d.company_id = e.company_id
            and d.tx_id < directory_event_horizon() and (d.tx_id, d.id) > (e.cursor_tx_id, e.cursor_id))
        order by e.next_attempt_at limit ${limit} for update skip locked)
      returning ${ENDPOINT_COLUMNS}`);
  }

  async function attemptsOf(companyId: string, deliveryId: string): Promise<number> {
    const [row] = await db.query<{ attempts: number }>(
      sql`select attempts from webhook_delivery where company_id = ${companyId} and id = ${deliveryId}`);
    return row?.attempts ?? 0;
  }

  /**
   * Records a page of outcomes and moves the stream on, in one statement (so one transaction), if
   * `owner` still holds the lease, which it renews unless `release` (false when another replica
   * took over: its deliveries repeat ours, at least once).
   */
  async function recordStream(endpoint: EndpointRow, owner: string, outcomes: readonly DeliveryOutcome[], state: StreamState,
    lease: { release: boolean; leaseMs: number }) {
    const [row] = await db.query<{ held: boolean }>(sql`with held as (
        select id from webhook_endpoint where company_id = ${endpoint.companyId} and id = ${endpoint.id} and leased_by = ${owner} for update
      ), ${outcomeWrites(sql`held`, endpoint.companyId, endpoint.id, outcomes)},
      moved as (update webhook_endpoint set cursor_tx_id = ${state.cursor.txId}::bigint, cursor_id = ${state.cursor.id}::bigint,
          head_delivery_id = ${state.headDeliveryId}, failed_deliveries = ${state.failedDeliveries},
          next_attempt_at = coalesce(${state.nextAttemptAt}::timestamptz, now()),
          enabled = enabled and ${state.disabledReason}::text is null, disabled_reason = coalesce(${state.disabledReason}, disabled_reason),
          leased_by = case when ${lease.release} then null else leased_by end,
          lease_until = case when ${lease.release} then null else now() + make_interval(secs => ${lease.leaseMs / 1000}) end
        where company_id = ${endpoint.companyId} and id = (select id from held) returning 1)
      select exists (select 1 from moved) as held`);
    return row?.held ?? false;
  }

  /**
   * An endpoint answered 2xx after failing: its own stream, and those of other endpoints at the
   * same origin (scheme, host and port), stop waiting out their backoff and retry now. Without it
   * a stream whose receiver was down for an hour would wait up to another hour and a half (the
   * doubling schedule) before its next attempt. Other companies' endpoints included: the one
   * statement that spans companies outside a sweep (docs/scaling.md), matched by a constant.
   */
  async function wakeRecovered(endpoint: Pick<EndpointRow, 'url'>): Promise<number> {
    const rows = await db.query(sql`update webhook_endpoint w set next_attempt_at = now()
      where w.enabled and w.head_delivery_id is not null and w.next_attempt_at > now()
        and ${ORIGIN(sql`w.url`)} = ${ORIGIN(sql`${endpoint.url}::text`)}
      returning w.id`);
    return rows.length;
  }

  async function release(endpoint: Pick<EndpointRow, 'companyId' | 'id'>, owner: string): Promise<void> {
    await db.query(sql`update webhook_endpoint set leased_by = null, lease_until = null
      where company_id = ${endpoint.companyId} and id = ${endpoint.id} and leased_by = ${owner}`);
  }

  async function claimManual(owner: string, leaseMs: number, limit: number): Promise<ManualDelivery[]> {
    return db.query<ManualDelivery>(sql`with claimed as (update webhook_delivery d set leased_by = ${owner},
        lease_until = now() + make_interval(secs => ${leaseMs / 1000})
      where (d.company_id, d.id) in (select x.company_id, x.id from webhook_delivery x
        where x.manual and x.status = 'PENDING' and x.next_attempt_at <= now() and (x.lease_until is null or x.lease_until < now())
          and exists (select 1 from webhook_endpoint w where w.company_id = x.company_id and w.id = x.endpoint_id and w.enabled)
        order by x.next_attempt_at limit ${limit} for update skip locked)
      returning d.*)
      select c.id, c.company_id as "companyId", c.event_id as "eventId", c.event_type as "eventType", c.attempts, c.payload,
        (select to_jsonb(x) from (select ${ENDPOINT_COLUMNS} from webhook_endpoint w where w.company_id = c.company_id and w.id = c.endpoint_id) x) as endpoint
      from claimed c`);
  }

  async function recordManual(delivery: ManualDelivery, outcome: DeliveryOutcome): Promise<void> {
    await db.query(sql`with gate as (select 1), ${outcomeWrites(sql`gate`, delivery.companyId, delivery.endpoint.id, [outcome])} select 1`);
  }

  /** A delivery sent beside the stream: a redelivery of a stored event, or a test message. */
  async function enqueueManual(companyId: string, endpointId: string, message: { eventId: string; eventType: string; payload: string }) {
    const id = randomUUID();
    await db.query(sql`insert into webhook_delivery (id, company_id, endpoint_id, event_id, event_type, status, attempts, manual,
        payload, next_attempt_at, created_at)
      values (${id}, ${companyId}, ${endpointId}, ${message.eventId}, ${message.eventType}, 'PENDING', 0, true, ${message.payload}, now(), now())`);
    return id;
  }

  /** The body a manual delivery of the endpoint sent for `eventId` (a test event's lives only there). */
  async function manualPayloadOf(companyId: string, endpointId: string, eventId: string): Promise<{ eventType: string; payload: string } | undefined> {
    const [row] = await db.query<{ eventType: string; payload: string }>(sql`select event_type as "eventType", payload from webhook_delivery
      where company_id = ${companyId} and endpoint_id = ${endpointId} and event_id = ${eventId} and payload is not null
      order by created_at limit 1`);
    return row;
  }

  return { claimEndpoints, attemptsOf, recordStream, wakeRecovered, release, claimManual, recordManual, enqueueManual, manualPayloadOf };
}

export type DeliveryStore = ReturnType<typeof createDeliveryStore>;
