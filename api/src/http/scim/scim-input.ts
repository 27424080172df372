import type { GroupInput, PatchInput, UserInput } from '../../modules/directory/directory-input.js';
import { groupInputFrom, userInputFrom } from '../../modules/directory/directory-input.js';
import type { ListQuery } from '../../modules/directory/directory-list-query.js';
import { parseListQuery, parseSearchRequest } from '../../scim/list/list-params.js';
import { parsePatchRequest } from '../../scim/patch/patch-request.js';
import { normalizeGroupInput, normalizeUserInput } from '../../scim/resources/normalize.js';
import { isAttributeReturned, parseProjection, type Projection } from '../../scim/resources/projection.js';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from '../../scim/schema/resource-types.js';
import type { ScimRequest } from './scim-route.js';

/** Request bodies and query strings, read into the typed inputs the directory service takes. */

const DEFAULT_COUNT = 100;

/** GET query parameters, or the body of a POST …/.search. */
export function listQueryOf(query: URLSearchParams, searchBody: unknown, maxResults: number): ListQuery {
  const limits = { defaultCount: Math.min(DEFAULT_COUNT, maxResults), maxCount: maxResults };
  return searchBody === undefined ? parseListQuery(query, limits) : parseSearchRequest(searchBody, limits);
}

/** A list request: the body of a POST …/.search, else the query string. */
export function listRequestOf(request: ScimRequest): ListQuery {
  return listQueryOf(request.query, request.method === 'POST' ? request.body : undefined, request.config.scimMaxResults);
}

export function projectionOf(query: URLSearchParams): Projection {
  return parseProjection(query.get('attributes'), query.get('excludedAttributes'));
}

export const returnsGroups = (projection: Projection) => isAttributeReturned(USER_RESOURCE_TYPE, projection, 'groups');
export const returnsMembers = (projection: Projection) => isAttributeReturned(GROUP_RESOURCE_TYPE, projection, 'members');

export const userInputOf = (body: unknown): UserInput => userInputFrom(normalizeUserInput(body));
export const groupInputOf = (body: unknown): GroupInput => groupInputFrom(normalizeGroupInput(body));

/** A body that is no PatchOp is kept as its error, for the service to report after 404 and If-Match. */
export function patchInputOf(body: unknown): PatchInput {
  try {
    return parsePatchRequest(body);
  } catch (unreadable) {
    return { unreadable };
  }
}
