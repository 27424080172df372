import { randomUUID } from 'node:crypto';
import { sql } from '../../db/sql-tag.js';
import type { Sql } from '../../db/sql.js';

export interface EndpointRow {
  id: string;
  companyId: string;
  url: string;
  description: string | null;
  eventTypes: string[] | null;
  enabled: boolean;
  disabledReason: string | null;
  secret: string;
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
  cursorTxId: string;
  cursorId: string;
  headDeliveryId: string | null;
  failedDeliveries: number;
  createdAt: Date;
  updatedAt: Date;
}

export const ENDPOINT_COLUMNS = sql`w.id, w.company_id as "companyId", w.url, w.description, w.event_types as "eventTypes", w.enabled,
  w.disabled_reason as "disabledReason", w.secret, w.previous_secret as "previousSecret",
  w.previous_secret_expires_at as "previousSecretExpiresAt", w.cursor_tx_id::text as "cursorTxId", w.cursor_id::text as "cursorId",
  w.head_delivery_id as "headDeliveryId", w.failed_deliveries as "failedDeliveries", w.created_at as "createdAt", w.updated_at as "updatedAt"`;

export interface EndpointChange {
  url?: string;
  eventTypes?: string[] | null;
  enabled?: boolean;
  description?: string | null;
}

/** The reason an operator's disabling records; the worker's names the failures instead. */
export const DISABLED_BY_OPERATOR = 'Disabled by an operator';

/** Endpoints of one company at a time: every statement filters by the company. */
export function createEndpointStore(db: Sql) {
  /** A new endpoint receives the events of transactions that had not ended when it was created. */
  async function insert(companyId: string, fields: { url: string; eventTypes: string[] | null; description: string | null; secret: string }) {
    const [row] = await db.query<EndpointRow>(sql`insert into webhook_endpoint as w (id, company_id, url, description, event_types,
        secret, cursor_tx_id, cursor_id, next_attempt_at, created_at, updated_at)
      values (${randomUUID()}, ${companyId}, ${fields.url}, ${fields.description}, ${fields.eventTypes}::text[], ${fields.secret},
        directory_event_horizon() - 1, 9223372036854775807, now(), now(), now())
      returning ${ENDPOINT_COLUMNS}`);
    return row!;
  }

  async function list(companyId: string): Promise<EndpointRow[]> {
    return db.query<EndpointRow>(sql`select ${ENDPOINT_COLUMNS} from webhook_endpoint w where w.company_id = ${companyId}
      order by w.created_at, w.id`);
  }

  async function find(companyId: string, id: string): Promise<EndpointRow | undefined> {
    const [row] = await db.query<EndpointRow>(sql`select ${ENDPOINT_COLUMNS} from webhook_endpoint w
      where w.company_id = ${companyId} and w.id = ${id}`);
    return row;
  }

  /** Re-enabling clears the failure streak and the reason, and wakes the endpoint's stream. */
  async function update(companyId: string, id: string, change: EndpointChange): Promise<EndpointRow | undefined> {
    const sets = [sql`updated_at = now()`];
    if (change.url !== undefined) sets.push(sql`url = ${change.url}`);
    if (change.eventTypes !== undefined) sets.push(sql`event_types = ${change.eventTypes}::text[]`);
    if (change.description !== undefined) sets.push(sql`description = ${change.description}`);
    if (change.enabled === false) sets.push(sql`enabled = false, disabled_reason = ${DISABLED_BY_OPERATOR}`);
    if (change.enabled === true) sets.push(sql`enabled = true, disabled_reason = null, failed_deliveries = 0, next_attempt_at = now()`);
    const [row] = await db.query<EndpointRow>(sql`update webhook_endpoint w set ${sql.join(sets)}
      where w.company_id = ${companyId} and w.id = ${id} returning ${ENDPOINT_COLUMNS}`);
    return row;
  }

  /** The current secret keeps signing beside the new one until `graceMs` has passed. */
  async function rotate(companyId: string, id: string, secret: string, graceMs: number): Promise<EndpointRow | undefined> {
    const [row] = await db.query<EndpointRow>(sql`update webhook_endpoint w set previous_secret = w.secret, secret = ${secret},
        previous_secret_expires_at = now() + make_interval(secs => ${graceMs / 1000}), updated_at = now()
      where w.company_id = ${companyId} and w.id = ${id} returning ${ENDPOINT_COLUMNS}`);
    return row;
  }

  async function remove(companyId: string, id: string): Promise<boolean> {
    const rows = await db.query(sql`delete from webhook_endpoint where company_id = ${companyId} and id = ${id} returning id`);
    return rows.length > 0;
  }

  return { insert, list, find, update, rotate, remove };
}

export type EndpointStore = ReturnType<typeof createEndpointStore>;
