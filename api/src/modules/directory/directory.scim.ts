import { sql, type SqlFragment } from '../../db/sql-tag.js';
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

const MARKER = /\uE000(\d+)\uE000/;

/**
 * The compiled filter as a fragment carrying its values. `scim/` stays free of the app's SQL
 * layer, so its compiler marks each value's place in the text (its own text comes from schema
 * definitions only and never holds the private-use marker); the values then go where their
 * markers are, whatever order the compiler bound them in (the email prefilter binds late).
 */
function toFragment(filter: NonNullable<ListQuery['filter']>, target: ReturnType<typeof userFilterTarget>): SqlFragment {
  const bound: unknown[] = [];
  const marked = compileFilter(filter, target, { add: (value) => `\uE000${bound.push(value) - 1}\uE000` });
  // split with a capturing group alternates text and marker index: text, index, text, …
  const pieces = marked.split(MARKER);
  return sql.join(pieces.map((piece, i) => (i % 2 === 0 ? sql.raw(piece) : sql`${bound[Number(piece)]}`)), '');
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

/** A SCIM filter expression as a WHERE fragment over `u` (users) or `g` (groups). */
export function compileFilterText(kind: 'User' | 'Group', text: string): SqlFragment {
  return toFragment(parseFilter(text), kind === 'User' ? USER_TARGET : GROUP_TARGET);
}

const MATCH_ALL = sql.raw('true');

/** Compiles filter, sort and paging into SQL pieces over the directory tables. */
export function compileListQuery(kind: 'User' | 'Group', query: ListQuery, maxResults: number) {
  const target = kind === 'User' ? USER_TARGET : GROUP_TARGET;
  const resourceType = kind === 'User' ? USER_RESOURCE_TYPE : GROUP_RESOURCE_TYPE;
  return {
    where: query.filter ? toFragment(query.filter, target) : MATCH_ALL,
    // Column names and directions from the schema, never the request's text.
    orderBy: sql.raw(compileSort(query.sortBy, query.sortOrder, target)),
    offset: Math.max(0, query.startIndex - 1),
    count: Math.min(query.count, maxResults),
    includeRelations: isAttributeReturned(resourceType, query.projection, kind === 'User' ? 'groups' : 'members'),
  };
}
