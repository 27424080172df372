import { requestHeader as header, type ScimRequest, type ScimReply, type ScimRoute } from './scim-route.js';
import type { UserRecord } from '../../modules/directory/directory.service.js';
import { formatEtag, notModified } from '../../scim/etag.js';
import { buildListResponse as listResponse } from '../../scim/list/list-response.js';
import { serializeUser } from '../../scim/resources/serialize.js';
import { listRequestOf, patchInputOf, projectionOf, returnsGroups, userInputOf } from './scim-input.js';

function userReply(request: ScimRequest, status: number, record: UserRecord): ScimReply {
  const resource = serializeUser(record, { baseUrl: request.baseUrl, projection: projectionOf(request.query) });
  const headers: Record<string, string> = { etag: formatEtag(record.version) };
  if (status === 201) headers['location'] = `${request.baseUrl}/Users/${record.id}`;
  return { status, body: resource, headers, resourceType: 'User', resourceId: record.id };
}

async function list(request: ScimRequest): Promise<ScimReply> {
  const query = listRequestOf(request);
  const result = await request.directory.listUsers(request.caller.companyId, query);
  const resources = result.rows.map((row) => serializeUser(row, { baseUrl: request.baseUrl, projection: query.projection }));
  return { status: 200, body: listResponse(resources, result.total, result.startIndex), resourceType: 'User' };
}

async function get(request: ScimRequest): Promise<ScimReply> {
  const projection = projectionOf(request.query);
  const record = await request.directory.getUser(request.caller.companyId, request.params[0]!, returnsGroups(projection));
  if (notModified(header(request, 'if-none-match'), record.version)) {
    return { status: 304, headers: { etag: formatEtag(record.version) }, resourceType: 'User', resourceId: record.id };
  }
  return userReply(request, 200, record);
}

export const userRoutes: ScimRoute[] = [
  {
    pattern: ['Users', '.search'],
    methods: { POST: { operation: 'Search Users', handle: list } },
  },
  {
    pattern: ['Users'],
    methods: {
      GET: { operation: 'List Users', handle: list },
      POST: {
        operation: 'Create User',
        handle: async (r) => userReply(r, 201, await r.directory.createUser(r.caller.companyId, userInputOf(r.body), r.caller.tokenId)),
      },
    },
  },
  {
    pattern: ['Users', ':id'],
    methods: {
      GET: { operation: 'Get User', handle: get },
      PUT: {
        operation: 'Replace User',
        handle: async (r) =>
          userReply(r, 200, await r.directory.replaceUser(r.caller.companyId, r.params[0]!, userInputOf(r.body), header(r, 'if-match'), r.caller.tokenId)),
      },
      PATCH: {
        operation: 'Update User',
        handle: async (r) =>
          userReply(r, 200, await r.directory.patchUser(r.caller.companyId, r.params[0]!, patchInputOf(r.body), header(r, 'if-match'), r.caller.tokenId)),
      },
      DELETE: {
        operation: 'Delete User',
        handle: async (r) => {
          await r.directory.deleteUser(r.caller.companyId, r.params[0]!, header(r, 'if-match'), r.caller.tokenId);
          return { status: 204, resourceType: 'User', resourceId: r.params[0]! };
        },
      },
    },
  },
];
