import { ScimError } from '../../scim/errors.js';
import { buildListResponse as listResponse } from '../../scim/list/list-response.js';
import { serializeGroup, serializeUser } from '../../scim/resources/serialize.js';
import { listQueryOf } from './scim-input.js';
import type { ScimRequest, ScimReply, ScimRoute } from './scim-route.js';

/**
 * POST /.search across Users and Groups (RFC 7644 §3.4.3): users first, then groups, paged over
 * the concatenation. A filter that names attributes only one type has applies to that type only.
 */
async function searchAll(request: ScimRequest): Promise<ScimReply> {
  const query = listQueryOf(new URLSearchParams(), request.body, request.config.scimMaxResults);
  const { companyId } = request.caller;
  const countOnly = { ...query, startIndex: 1, count: 0 };
  const [userTotal, groupTotal] = await Promise.all([
    applicable(() => request.directory.listUsers(companyId, countOnly)),
    applicable(() => request.directory.listGroups(companyId, countOnly)),
  ]);
  if (userTotal === undefined && groupTotal === undefined) {
    await request.directory.listUsers(companyId, countOnly);
  }
  const users = userTotal?.total ?? 0;
  const groups = groupTotal?.total ?? 0;
  const start = Math.max(1, query.startIndex);
  const resources: unknown[] = [];
  if (userTotal && start <= users && query.count > 0) {
    const page = await request.directory.listUsers(companyId, { ...query, startIndex: start });
    resources.push(...page.rows.map((row) => serializeUser(row, { baseUrl: request.baseUrl, projection: query.projection })));
  }
  const remaining = query.count - resources.length;
  if (groupTotal && remaining > 0 && start + resources.length > users) {
    const groupStart = start + resources.length - users;
    const page = await request.directory.listGroups(companyId, { ...query, startIndex: groupStart, count: remaining });
    resources.push(...page.rows.map((row) => serializeGroup(row, { baseUrl: request.baseUrl, projection: query.projection })));
  }
  return { status: 200, body: listResponse(resources, users + groups, start) };
}

async function applicable<T>(run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ScimError && error.scimType === 'invalidFilter') return undefined;
    throw error;
  }
}

export const searchRoutes: ScimRoute[] = [
  { pattern: ['.search'], methods: { POST: { operation: 'Search', handle: searchAll } } },
];
