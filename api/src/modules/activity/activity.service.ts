import type { Sql } from '../../db/sql.js';
import { sql } from '../../db/sql-tag.js';
import { encodeTimeCursor, toPage, type Page, type TimePageRequest } from '../../domain/paging.js';
import type { ProvisioningEventInput } from './activity-recorder.js';
import { assertValidFilters, filterConditions, type ActivityFilters } from './activity-filters.js';

/** A provisioning event as the admin API shows it: what was recorded, with its id. */
export type ProvisioningEventView = Omit<ProvisioningEventInput, 'companyId'> & { id: string };

/** A listed event with the cursor of its place in the list. */
export type ListedProvisioningEvent = ProvisioningEventView & { cursor: string };

// `e.id` wherever the column is meant: a bare `id` in ORDER BY names the text output column,
// which sorted "99" above "468".
const SELECT = sql`select e.id::text as id, occurred_at as "occurredAt", token_id as "tokenId", token_label as "tokenLabel",
  user_agent as "userAgent", method, operation, resource_type as "resourceType", resource_id as "resourceId",
  status, scim_type as "scimType", message, duration_ms as "durationMs", path, resource_name as "resourceName",
  changed_attributes as "changedAttributes",
  to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorAt"
  from provisioning_event e`;

type Row = ProvisioningEventView & { cursorAt: string };

const BIGINT_ID = /^\d{1,18}$/;

// The ORM's driver hands timestamps back as text; the API speaks Date.
function toListed({ cursorAt, ...row }: Row): ListedProvisioningEvent {
  return {
    ...row,
    occurredAt: new Date(row.occurredAt),
    durationMs: Number(row.durationMs),
    cursor: encodeTimeCursor({ at: cursorAt, id: row.id }),
  };
}

/** How far the company's first IdP connection has come; each step read from what happened. */
export interface SetupProgress {
  tokenCreated: boolean;
  requestReceived: boolean;
  connectionTested: boolean;
}

/** How far the company's first IdP connection has come; each step read from what happened. */
export interface SetupProgress {
  tokenCreated: boolean;
  requestReceived: boolean;
  connectionTested: boolean;
}

export function createActivityService({ sql: db }: { sql: Sql }) {
  /**
   * Newest first by time, then by the bigserial id for events of the same instant. Pages are
   * keyed on that pair, so events arriving meanwhile neither repeat nor push rows off a later
   * page; every filter runs on an index led by (company_id, …, occurred_at desc, id desc).
   */
  async function listRecent(
    companyId: string,
    { first, after }: TimePageRequest,
    failuresOnly: boolean,
    filters: ActivityFilters = {},
  ): Promise<Page<ListedProvisioningEvent>> {
    const all = { ...filters, failuresOnly: failuresOnly || filters.failuresOnly };
    assertValidFilters(all);
    const keyset = after ? sql` and (occurred_at, e.id) < (${after.at}::timestamptz, ${after.id}::bigint)` : sql.empty;
    const rows = await db.query<Row>(
      sql`${SELECT} where ${filterConditions(companyId, all)}${keyset} order by occurred_at desc, e.id desc limit ${first + 1}`,
    );
    return toPage(rows.map(toListed), first, (row) => row.cursor);
  }

  /** One event of the company; undefined for another company's id or one that does not exist. */
  async function findEvent(companyId: string, id: string): Promise<ProvisioningEventView | undefined> {
    if (!BIGINT_ID.test(id)) return undefined;
    const rows = await db.query<Row>(sql`${SELECT} where company_id = ${companyId} and e.id = ${id}::bigint`);
    return rows[0] && toListed(rows[0]);
  }

  /** Requests refused by the company's rate limit in the last hour (partial index on status 429). */
  async function countThrottledLastHour(companyId: string): Promise<number> {
    const rows = await db.query<{ count: number }>(
      sql`select count(*)::int as count from provisioning_event
        where company_id = ${companyId} and status = 429 and occurred_at > now() - interval '1 hour'`,
    );
    return rows[0]?.count ?? 0;
  }

  /**
   * A live token; a request that authenticated with one of the company's tokens; one of those
   * answered with success (an IdP's Test Connection reads /Users or /ServiceProviderConfig).
   */
  async function setupProgress(companyId: string): Promise<SetupProgress> {
    const rows = await db.query<SetupProgress>(
      sql`select exists (select 1 from scim_token t where t.company_id = ${companyId} and t.revoked_at is null) as "tokenCreated",
         exists (select 1 from provisioning_event e where e.company_id = ${companyId} and e.token_id is not null) as "requestReceived",
         exists (select 1 from provisioning_event e where e.company_id = ${companyId} and e.token_id is not null and e.status < 400) as "connectionTested"`,
    );
    return rows[0] ?? { tokenCreated: false, requestReceived: false, connectionTested: false };
  }

  return { listRecent, findEvent, countThrottledLastHour, setupProgress };
}

export type ActivityService = ReturnType<typeof createActivityService>;
