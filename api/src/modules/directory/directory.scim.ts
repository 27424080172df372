import { isAttributeReturned, parseProjection, type Projection } from '../../scim/resources/projection.js';
import { normalizeGroupInput, normalizeUserInput } from '../../scim/resources/normalize.js';
import { formatVersion, overlayPromoted, promotedUserColumns, serializeGroup, serializeUser } from '../../scim/resources/serialize.js';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from '../../scim/schema/resource-types.js';
import { compileFilter } from '../../scim/filter/to-sql.js';
import { parseFilter } from '../../scim/filter/parser.js';
import { compileSort } from '../../scim/filter/compile-sort.js';
import { groupFilterTarget, userFilterTarget } from '../../scim/filter/filter-target.js';
import { applyPatch } from '../../scim/patch/apply-patch.js';
import { applyGroupPatch, memberOnlyChanges, type MemberChange } from '../../scim/patch/apply-group-patch.js';
import { parsePatchRequest } from '../../scim/patch/patch-request.js';
import { parseListQuery, parseSearchRequest, type ListParams } from '../../scim/list/list-params.js';
import type { GroupRow } from './directory-group.store.js';
import type { UserRow, UserWrite } from './directory-user.store.js';
import type { GroupRecord, UserRecord } from './directory.service.js';

export type { MemberChange };

/** A parsed list request: paging, sorting, filter and projection. */
export type ListQuery = ListParams;

const DEFAULT_COUNT = 100;

/** GET query parameters, or the body of a POST …/.search. */
export function listQueryFromRequest(query: URLSearchParams, searchBody: unknown, maxResults: number): ListQuery {
  const limits = { defaultCount: Math.min(DEFAULT_COUNT, maxResults), maxCount: maxResults };
  return searchBody === undefined ? parseListQuery(query, limits) : parseSearchRequest(searchBody, limits);
}

export function projectionOf(query: URLSearchParams): Projection {
  return parseProjection(query.get('attributes'), query.get('excludedAttributes'));
}

export const etagOf = formatVersion;

export const returnsGroups = (projection: Projection) => isAttributeReturned(USER_RESOURCE_TYPE, projection, 'groups');
export const returnsMembers = (projection: Projection) => isAttributeReturned(GROUP_RESOURCE_TYPE, projection, 'members');

/** If-None-Match: any listed tag equal to the current version (weak comparison). */
export function notModified(ifNoneMatch: string | undefined, version: number): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || tag.trim().replace(/^W\//, '') === `"${version}"`);
}

export function userResource(record: UserRecord, baseUrl: string, projection: Projection) {
  return serializeUser(record, { baseUrl, projection });
}

export function groupResource(record: GroupRecord, baseUrl: string, projection: Projection) {
  return serializeGroup(record, { baseUrl, projection });
}

type NormalizedUserWrite = Omit<UserWrite, 'passwordHash'> & { password: string | null };

export function userInput(body: unknown, options: { patched?: boolean } = {}): NormalizedUserWrite {
  const { attributes, userName, externalId, displayName, active, emailValues, password } = normalizeUserInput(body, options);
  return { attributes, userName, externalId, displayName, active, emailValues, password };
}

/** PATCH starts from the user as served (columns over `attributes`), so it edits what the client saw. */
export function userPatch(current: UserRow, body: unknown): NormalizedUserWrite {
  const served = overlayPromoted({ ...current.attributes }, promotedUserColumns(current));
  return userInput(applyPatch(served, parsePatchRequest(body), { resourceType: USER_RESOURCE_TYPE }), { patched: true });
}

export function groupInput(body: unknown) {
  const { attributes, displayName, externalId, members } = normalizeGroupInput(body);
  return { attributes, displayName, externalId, memberIds: members.map((member) => member.value) };
}

export function groupPatch(current: GroupRow, body: unknown) {
  const { resource, memberChanges } = applyGroupPatch(current.attributes, parsePatchRequest(body));
  const { attributes, displayName, externalId } = normalizeGroupInput(resource);
  return { write: { attributes, displayName, externalId }, changes: memberChanges };
}

/**
 * The member edits of a PATCH that edits only `members`, else undefined. A body it cannot read
 * is undefined too: the full path reports it, after the group's 404 and If-Match checks.
 */
export function memberOnlyPatch(body: unknown): MemberChange[] | undefined {
  try {
    return memberOnlyChanges(parsePatchRequest(body));
  } catch {
    return undefined;
  }
}

/**
 * The filter compiler may place a value's placeholder before those of values bound earlier (the
 * email prefilter does), so markers are renumbered into `?` in text order for knex.
 */
function toPositional(filter: NonNullable<ListQuery['filter']>, target: ReturnType<typeof userFilterTarget>) {
  const bound: unknown[] = [];
  const marked = compileFilter(filter, target, { add: (value) => `\uE000${bound.push(value) - 1}\uE000` });
  const params: unknown[] = [];
  const where = marked.replace(/\uE000(\d+)\uE000/g, (_, index: string) => (params.push(bound[Number(index)]), '?'));
  return { where, params };
}

const USER_TARGET = userFilterTarget('u');
const GROUP_TARGET = groupFilterTarget('g');

/**
 * totalResults of a page: the window count its rows carry. An empty first page means no match
 * at all (an IdP's lookup of a resource it has yet to create), so only an empty later page or
 * count=0 needs the separate count.
 */
export async function pageTotal(
  rows: readonly { total: string }[], page: { offset: number; count: number }, count: () => Promise<number>,
): Promise<number> {
  if (rows[0]) return Number(rows[0].total);
  return page.offset === 0 && page.count > 0 ? 0 : count();
}

/** A SCIM filter expression as a WHERE fragment over `u` (users) or `g` (groups), `?` placeholders. */
export function compileFilterText(kind: 'User' | 'Group', text: string): { where: string; params: unknown[] } {
  return toPositional(parseFilter(text), kind === 'User' ? USER_TARGET : GROUP_TARGET);
}

/** Compiles filter, sort and paging into SQL pieces over the directory tables (`?` placeholders). */
export function compileListQuery(kind: 'User' | 'Group', query: ListQuery, maxResults: number) {
  const target = kind === 'User' ? USER_TARGET : GROUP_TARGET;
  const { where, params } = query.filter ? toPositional(query.filter, target) : { where: 'true', params: [] };
  const resourceType = kind === 'User' ? USER_RESOURCE_TYPE : GROUP_RESOURCE_TYPE;
  return {
    where,
    params,
    orderBy: compileSort(query.sortBy, query.sortOrder, target),
    offset: Math.max(0, query.startIndex - 1),
    count: Math.min(query.count, maxResults),
    includeRelations: isAttributeReturned(resourceType, query.projection, kind === 'User' ? 'groups' : 'members'),
  };
}
