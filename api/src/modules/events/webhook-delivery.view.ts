import { DomainError } from '../../domain/domain-error.js';
import { sql } from '../../db/sql-tag.js';
import type { Sql } from '../../db/sql.js';
import type { DeliveryStatus } from './webhook-delivery.store.js';

export interface WebhookAttemptView {
  attemptedAt: Date;
  statusCode: number | null;
  durationMs: number;
  responseBody: string | null;
  error: string | null;
}

export interface WebhookDeliveryView {
  id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: number;
  manual: boolean;
  lastStatusCode: number | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
  finishedAt: Date | null;
  /** The latest attempts, newest first. */
  recentAttempts: WebhookAttemptView[];
}

const RECENT_ATTEMPTS = 5;

const DELIVERY_COLUMNS = sql`d.id, d.endpoint_id as "endpointId", d.event_id as "eventId", d.event_type as "eventType", d.status,
  d.attempts, d.manual, d.last_status_code as "lastStatusCode", d.next_attempt_at as "nextAttemptAt", d.created_at as "createdAt",
  d.finished_at as "finishedAt", d.created_at::text as "cursorAt",
  coalesce((select json_agg(a order by a."attemptedAt" desc) from (select x.attempted_at as "attemptedAt", x.status_code as "statusCode",
      x.duration_ms as "durationMs", x.response_body as "responseBody", x.error from webhook_attempt x
    where x.company_id = d.company_id and x.delivery_id = d.id order by x.id desc limit ${RECENT_ATTEMPTS}) a), '[]'::json) as "recentAttempts"`;

type DeliveryRow = WebhookDeliveryView & { cursorAt: string };

const date = (value: Date | string | null) => (value === null ? null : new Date(value));

// The ORM's pool hands timestamps over as text.
const toView = ({ cursorAt: _cursorAt, ...row }: DeliveryRow): WebhookDeliveryView => ({
  ...row,
  createdAt: new Date(row.createdAt),
  nextAttemptAt: date(row.nextAttemptAt),
  finishedAt: date(row.finishedAt),
  recentAttempts: row.recentAttempts.map((a) => ({ ...a, attemptedAt: new Date(a.attemptedAt) })),
});

export interface DeliveryPageRequest {
  first: number;
  after: string | null;
  failedOnly: boolean;
}

// The time as PostgreSQL wrote it (microseconds): a JavaScript Date would round it to milliseconds.
const encode = (row: { cursorAt: string; id: string }) => Buffer.from(`d:${row.cursorAt}|${row.id}`).toString('base64url');

function decode(cursor: string): { at: string; id: string } {
  const match = /^d:([0-9 TZ:.+-]{10,40})\|([0-9a-f-]{36})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match || Number.isNaN(Date.parse(match[1]!))) {
    throw new DomainError('INVALID_INPUT', 'Invalid cursor; pass an endCursor you received');
  }
  return { at: match[1]!, id: match[2]! };
}

/** An endpoint's deliveries, newest first, a page at a time. */
export async function listDeliveries(db: Sql, companyId: string, endpointId: string, page: DeliveryPageRequest) {
  const after = page.after ? decode(page.after) : null;
  const rows = await db.query<DeliveryRow>(sql`select ${DELIVERY_COLUMNS} from webhook_delivery d
    where d.company_id = ${companyId} and d.endpoint_id = ${endpointId}
      ${page.failedOnly ? sql`and d.status = 'FAILED'` : sql``}
      ${after ? sql`and (d.created_at, d.id) < (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
    order by d.created_at desc, d.id desc limit ${page.first + 1}`);
  const kept = rows.slice(0, page.first);
  return {
    nodes: kept.map((row) => ({ node: toView(row), cursor: encode(row) })),
    pageInfo: { hasNextPage: rows.length > page.first, endCursor: kept.length ? encode(kept.at(-1)!) : null },
  };
}

export async function findDelivery(db: Sql, companyId: string, id: string): Promise<WebhookDeliveryView | undefined> {
  const [row] = await db.query<DeliveryRow>(sql`select ${DELIVERY_COLUMNS} from webhook_delivery d
    where d.company_id = ${companyId} and d.id = ${id}`);
  return row && toView(row);
}
