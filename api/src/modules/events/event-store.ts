import { sql } from '../../db/sql-tag.js';
import type { Sql } from '../../db/sql.js';
import { serializeGroup, serializeUser, type GroupRow, type UserRow } from '../../scim/resources/serialize.js';
import { scimBaseUrl } from '../companies/company.service.js';
import type { DirectoryEventType } from './event-catalogue.js';

/** An event as the pull API, the subscription and webhooks show it. */
export interface DirectoryEventView {
  /** The cursor: `<tx_id>.<id>`, ordered by the transaction first (see the outbox migration). */
  id: string;
  type: DirectoryEventType;
  occurredAt: Date;
  resourceType: string;
  resourceId: string;
  resourceVersion: string;
  data: Record<string, unknown>;
  source: string | null;
}

export interface EventPosition {
  txId: string;
  id: string;
}

export interface EventRow {
  companyId: string;
  slug: string;
  id: string;
  txId: string;
  type: DirectoryEventType;
  occurredAt: Date;
  resourceType: string;
  resourceId: string;
  resourceVersion: string;
  data: Record<string, unknown>;
  source: string | null;
}

export const START: EventPosition = { txId: '0', id: '0' };

export const formatCursor = (position: EventPosition) => `${position.txId}.${position.id}`;

/** undefined for anything that is not a cursor this API handed out. */
export function parseCursor(cursor: string): EventPosition | undefined {
  const match = /^(\d{1,19})\.(\d{1,19})$/.exec(cursor);
  return match ? { txId: match[1]!, id: match[2]! } : undefined;
}

/** The stored snapshot as SCIM returns the resource; deletions and the rest are stored as shown. */
function renderData(row: EventRow, publicUrl: string): Record<string, unknown> {
  const options = { baseUrl: scimBaseUrl(publicUrl, row.slug) };
  if (row.type === 'user.deleted' || row.type === 'group.deleted') return row.data;
  if (row.resourceType === 'User') return serializeUser(row.data as unknown as UserRow, options);
  if (row.type === 'group.created' || row.type === 'group.updated') return serializeGroup(row.data as unknown as GroupRow, options);
  return row.data;
}

export function toEventView(row: EventRow, publicUrl: string): DirectoryEventView {
  return {
    id: formatCursor(row),
    type: row.type,
    occurredAt: new Date(row.occurredAt),
    resourceType: row.resourceType,
    resourceId: row.resourceId,
    resourceVersion: String(row.resourceVersion),
    data: renderData(row, publicUrl),
    source: row.source,
  };
}

export const EVENT_COLUMNS = sql`e.company_id as "companyId", c.slug, e.id::text as id, e.tx_id::text as "txId", e.type,
  e.occurred_at as "occurredAt", e.resource_type as "resourceType", e.resource_id as "resourceId",
  e.resource_version::text as "resourceVersion", e.data, e.source`;

/** Events of transactions that ended (the horizon), so the order below a cursor never changes. */
export const SETTLED = sql`e.tx_id < directory_event_horizon()`;

export const after = (position: EventPosition) => sql`(e.tx_id, e.id) > (${position.txId}::bigint, ${position.id}::bigint)`;

export function createEventStore(db: Sql) {
  /** A company's settled events after `position`, oldest first. */
  async function list(companyId: string, position: EventPosition, limit: number, types?: readonly string[]): Promise<EventRow[]> {
    const typeFilter = types?.length ? sql`and e.type = any(${types}::text[])` : sql``;
    return db.query<EventRow>(sql`select ${EVENT_COLUMNS} from directory_event e join company c on c.id = e.company_id
      where e.company_id = ${companyId} and ${SETTLED} and ${after(position)} ${typeFilter}
      order by e.tx_id, e.id limit ${limit}`);
  }

  /** Settled events of every company after `position` (the live stream's feed). */
  async function listAll(position: EventPosition, limit: number): Promise<EventRow[]> {
    return db.query<EventRow>(sql`select ${EVENT_COLUMNS} from directory_event e join company c on c.id = e.company_id
      where ${SETTLED} and ${after(position)} order by e.tx_id, e.id limit ${limit}`);
  }

  /** Where the settled stream ends now: a new reader starts here. */
  async function head(): Promise<EventPosition> {
    const [row] = await db.query<{ txId: string }>(sql`select (directory_event_horizon() - 1)::text as "txId"`);
    return { txId: row!.txId, id: '9223372036854775807' };
  }

  /** Deletes events older than `days`; in slices so a large backlog never holds one long lock. */
  async function prune(days: number, slice = 10_000): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await db.query<{ n: number }>(sql`with gone as (delete from directory_event where (company_id, id) in (
          select company_id, id from directory_event where occurred_at < now() - make_interval(days => ${days}) limit ${slice})
        returning 1) select count(*)::int as n from gone`);
      total += rows[0]!.n;
      if (rows[0]!.n < slice) return total;
    }
  }

  return { list, listAll, head, prune };
}

export type EventStore = ReturnType<typeof createEventStore>;
