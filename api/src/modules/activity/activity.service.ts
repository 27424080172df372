import type { Sql } from '../../db/sql.js';
import { sql, type SqlFragment } from '../../db/sql-tag.js';
import { encodeTimeCursor, toPage, type Page, type TimePageRequest } from '../../domain/paging.js';
import type { ProvisioningEventInput } from './activity-recorder.js';

/** A provisioning event as the admin API shows it: what was recorded, with its id. */
export type ProvisioningEventView = Omit<ProvisioningEventInput, 'companyId'> & { id: string };

/** A listed event with the cursor of its place in the list. */
export type ListedProvisioningEvent = ProvisioningEventView & { cursor: string };

// `e.id` wherever the column is meant: a bare `id` in ORDER BY names the text output column,
// which sorted "99" above "468".
const SELECT = sql`select e.id::text as id, occurred_at as "occurredAt", token_id as "tokenId", token_label as "tokenLabel",
  user_agent as "userAgent", method, operation, resource_type as "resourceType", resource_id as "resourceId",
  status, scim_type as "scimType", message, duration_ms as "durationMs",
  to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "cursorAt"
  from provisioning_event e`;

type Row = ProvisioningEventView & { cursorAt: string };

/** A window of time (`since` inclusive, `until` exclusive) and the resource concerned. */
export interface ActivityRange {
  since?: Date;
  until?: Date;
  /** Only the requests about this SCIM resource id. */
  resourceId?: string;
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
   * page; both filters run on the (company_id, occurred_at desc, id desc) indexes.
   */
  async function listRecent(
    companyId: string,
    { first, after }: TimePageRequest,
    failuresOnly: boolean,
    { since, until, resourceId }: ActivityRange = {},
  ): Promise<Page<ListedProvisioningEvent>> {
    const where: SqlFragment[] = [sql`company_id = ${companyId}`];
    // A throttled request (429) is not a failure: the IdP retries it after Retry-After.
    if (failuresOnly) where.push(sql.raw('status >= 400 and status <> 429'));
    if (since) where.push(sql`occurred_at >= ${since}`);
    if (until) where.push(sql`occurred_at < ${until}`);
    if (resourceId !== undefined) where.push(sql`resource_id = ${resourceId}`);
    if (after) where.push(sql`(occurred_at, e.id) < (${after.at}::timestamptz, ${after.id}::bigint)`);
    const rows = await db.query<Row>(
      sql`${SELECT} where ${sql.join(where, ' and ')} order by occurred_at desc, e.id desc limit ${first + 1}`,
    );
    // The ORM's driver hands timestamps back as text; the API speaks Date.
    const listed = rows.map(({ cursorAt, ...row }) => ({
      ...row,
      occurredAt: new Date(row.occurredAt),
      durationMs: Number(row.durationMs),
      cursor: encodeTimeCursor({ at: cursorAt, id: row.id }),
    }));
    return toPage(listed, first, (row) => row.cursor);
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

  return { listRecent, countThrottledLastHour, setupProgress };
}

export type ActivityService = ReturnType<typeof createActivityService>;
