import { decodeKeyCursor, decodeTimeCursor, type Page } from '../../domain/paging.js';
import { DomainError } from '../../domain/domain-error.js';
import { isStorableText } from '../../domain/storable-text.js';
import type { ListedProvisioningEvent } from '../../modules/activity/activity.service.js';
import type { DirectoryGroupView, DirectoryUserView } from '../../modules/directory/directory-view.service.js';
import type { Services } from '../../services.js';
import { csvChunks, type CsvColumn } from './csv-stream.js';

/** Rows per database round trip: large enough to amortise it, small enough to stay light in memory. */
const BATCH = 1_000;

/** An export's CSV text, one chunk per database batch. */
export type CsvExport = AsyncGenerator<string>;

function text(query: URLSearchParams, name: string): string | undefined {
  const value = query.get(name) ?? undefined;
  // PostgreSQL cannot take NUL or a lone surrogate: refused here rather than failing as a 500 there.
  if (value !== undefined && !isStorableText(value)) throw new DomainError('INVALID_INPUT', `${name} holds a character that cannot be stored`);
  return value === '' ? undefined : value;
}

function flag(query: URLSearchParams, name: string): boolean | undefined {
  const value = text(query, name);
  if (value === undefined) return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new DomainError('INVALID_INPUT', `${name} must be true or false`);
}

function instant(query: URLSearchParams, name: string): Date | undefined {
  const value = text(query, name);
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new DomainError('INVALID_INPUT', `${name} must be an ISO 8601 date-time, e.g. 2026-12-01T00:00:00Z`);
  return date;
}

/** Keyset batches: each page starts after the last key of the one before, never with OFFSET. */
async function* pages<T>(load: (after: string | null) => Promise<Page<T>>): AsyncGenerator<readonly T[]> {
  let after: string | null = null;
  do {
    const page: Page<T> = await load(after);
    yield page.nodes;
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after !== null);
}

const iso = (date: Date) => date.toISOString();
const yesNo = (value: boolean | null) => (value === null ? null : String(value));

const USER_COLUMNS: CsvColumn<DirectoryUserView>[] = [
  { header: 'id', value: (u) => u.id },
  { header: 'userName', value: (u) => u.userName },
  { header: 'displayName', value: (u) => u.displayName },
  { header: 'givenName', value: (u) => u.name?.givenName ?? null },
  { header: 'familyName', value: (u) => u.name?.familyName ?? null },
  { header: 'emails', value: (u) => u.emails.map((email) => email.value).join(' ') },
  { header: 'externalId', value: (u) => u.externalId },
  { header: 'active', value: (u) => yesNo(u.active) },
  { header: 'source', value: (u) => u.source },
  { header: 'createdByToken', value: (u) => u.createdByToken },
  { header: 'updatedByToken', value: (u) => u.updatedByToken },
  { header: 'created', value: (u) => iso(u.createdAt) },
  { header: 'lastModified', value: (u) => iso(u.updatedAt) },
];

const GROUP_COLUMNS: CsvColumn<DirectoryGroupView>[] = [
  { header: 'id', value: (g) => g.id },
  { header: 'displayName', value: (g) => g.displayName },
  { header: 'externalId', value: (g) => g.externalId },
  { header: 'source', value: (g) => g.source },
  { header: 'memberCount', value: (g) => g.memberCount },
  { header: 'createdByToken', value: (g) => g.createdByToken },
  { header: 'updatedByToken', value: (g) => g.updatedByToken },
  { header: 'created', value: (g) => iso(g.createdAt) },
  { header: 'lastModified', value: (g) => iso(g.updatedAt) },
];

const ACTIVITY_COLUMNS: CsvColumn<ListedProvisioningEvent>[] = [
  { header: 'id', value: (e) => e.id },
  { header: 'occurredAt', value: (e) => iso(e.occurredAt) },
  { header: 'tokenLabel', value: (e) => e.tokenLabel },
  { header: 'userAgent', value: (e) => e.userAgent },
  { header: 'method', value: (e) => e.method },
  { header: 'operation', value: (e) => e.operation },
  { header: 'resourceType', value: (e) => e.resourceType },
  { header: 'resourceId', value: (e) => e.resourceId },
  { header: 'status', value: (e) => e.status },
  { header: 'scimType', value: (e) => e.scimType },
  { header: 'message', value: (e) => e.message },
  { header: 'durationMs', value: (e) => e.durationMs },
];

export function usersExport(services: Services, companyId: string, query: URLSearchParams): CsvExport {
  const criteria = { search: text(query, 'search'), filter: text(query, 'filter'), active: flag(query, 'active') };
  const load = (after: string | null) =>
    services.directoryView.listUsers(companyId, criteria, { first: BATCH, afterKey: after && decodeKeyCursor(after) });
  return csvChunks(USER_COLUMNS, pages(load));
}

export function groupsExport(services: Services, companyId: string, query: URLSearchParams): CsvExport {
  const criteria = { search: text(query, 'search'), filter: text(query, 'filter') };
  const load = (after: string | null) =>
    services.directoryView.listGroups(companyId, criteria, { first: BATCH, afterKey: after && decodeKeyCursor(after) });
  return csvChunks(GROUP_COLUMNS, pages(load));
}

/** Newest first, like recentActivity. */
export function activityExport(services: Services, companyId: string, query: URLSearchParams): CsvExport {
  const failuresOnly = flag(query, 'failuresOnly') ?? false;
  const range = { since: instant(query, 'since'), until: instant(query, 'until') };
  const load = (after: string | null) =>
    services.activity.listRecent(companyId, { first: BATCH, after: after ? decodeTimeCursor(after) : null }, failuresOnly, range);
  return csvChunks(ACTIVITY_COLUMNS, pages(load));
}
