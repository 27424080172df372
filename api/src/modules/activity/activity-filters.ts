import { DomainError } from '../../domain/domain-error.js';
import { isStorableText } from '../../domain/storable-text.js';
import { sql, type SqlFragment } from '../../db/sql-tag.js';
import { isUuid } from '../../scim/filter/sql-leaf.js';

/** Which provisioning events a list or export shows. `since` is inclusive, `until` exclusive. */
export interface ActivityFilters {
  /** Failures only: status 400 or above, except throttled requests (429). */
  failuresOnly?: boolean;
  /** Exactly these HTTP statuses. */
  status?: readonly number[];
  operation?: string;
  tokenId?: string;
  resourceId?: string;
  since?: Date;
  until?: Date;
}

const MAX_STATUSES = 20;
const MAX_TEXT = 300;

function invalid(message: string): never {
  throw new DomainError('INVALID_INPUT', message);
}

/** Refuses filters PostgreSQL could only answer with an error, so bad input is a 400, never a 500. */
export function assertValidFilters(filters: ActivityFilters): void {
  const { status, operation, tokenId, resourceId, since, until } = filters;
  if (status && (status.length > MAX_STATUSES || status.some((code) => !Number.isInteger(code) || code < 100 || code > 599))) {
    invalid(`status takes up to ${MAX_STATUSES} HTTP status codes between 100 and 599`);
  }
  for (const [name, value] of [['operation', operation], ['resourceId', resourceId]] as const) {
    if (value !== undefined && (value.length > MAX_TEXT || !isStorableText(value))) invalid(`${name} must be text of at most ${MAX_TEXT} characters`);
  }
  if (tokenId !== undefined && !isUuid(tokenId)) invalid('tokenId must be the id of a SCIM token');
  for (const [name, value] of [['since', since], ['until', until]] as const) {
    if (value !== undefined && Number.isNaN(value.getTime())) invalid(`${name} must be a date-time`);
  }
}

/**
 * The conditions, each served by an index that leads with company_id: time
 * (provisioning_event_company_time_index), failures (…_failures_time_index), token, resource and
 * operation (…_token/resource/operation_time_index, migration 20261202500000).
 */
export function filterConditions(companyId: string, filters: ActivityFilters): SqlFragment {
  const { failuresOnly, status, operation, tokenId, resourceId, since, until } = filters;
  const conditions = [sql`company_id = ${companyId}`];
  // A throttled request (429) is not a failure: the IdP retries it after Retry-After.
  if (failuresOnly) conditions.push(sql`status >= 400 and status <> 429`);
  if (status?.length) conditions.push(sql`status = any(${[...status]}::int[])`);
  if (operation !== undefined) conditions.push(sql`operation = ${operation}`);
  if (tokenId !== undefined) conditions.push(sql`token_id = ${tokenId}::uuid`);
  if (resourceId !== undefined) conditions.push(sql`resource_id = ${resourceId}`);
  if (since) conditions.push(sql`occurred_at >= ${since}`);
  if (until) conditions.push(sql`occurred_at < ${until}`);
  return sql.join(conditions, ' and ');
}
