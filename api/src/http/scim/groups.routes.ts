import { etagOf, groupResource, listQueryFromRequest, notModified, projectionOf, returnsMembers } from '../../modules/directory/directory.scim.js';
import { buildListResponse as listResponse } from '../../scim/list/list-response.js';
import { requestHeader as header, type ScimRequest, type ScimReply, type ScimRoute } from './scim-route.js';

function groupReply(request: ScimRequest, status: number, record: Parameters<typeof groupResource>[0]): ScimReply {
  const resource = groupResource(record, request.baseUrl, projectionOf(request.query));
  const headers: Record<string, string> = { etag: etagOf(record.version) };
  if (status === 201) headers['location'] = `${request.baseUrl}/Groups/${record.id}`;
  return { status, body: resource, headers, resourceType: 'Group', resourceId: record.id };
}

/** Groups are listed without members when `excludedAttributes=members` (Entra does this). */
async function list(request: ScimRequest): Promise<ScimReply> {
  const query = listQueryFromRequest(request.query, request.method === 'POST' ? request.body : undefined, request.config.scimMaxResults);
  const result = await request.directory.listGroups(request.caller.companyId, query);
  const resources = result.rows.map((row) => groupResource(row, request.baseUrl, query.projection));
  return { status: 200, body: listResponse(resources, result.total, result.startIndex), resourceType: 'Group' };
}

async function get(request: ScimRequest): Promise<ScimReply> {
  const projection = projectionOf(request.query);
  const record = await request.directory.getGroup(request.caller.companyId, request.params[0]!, returnsMembers(projection));
  if (notModified(header(request, 'if-none-match'), record.version)) {
    return { status: 304, headers: { etag: etagOf(record.version) }, resourceType: 'Group', resourceId: record.id };
  }
  return groupReply(request, 200, record);
}

/**
 * PATCH answers 204 unless the client asked for attributes: returning a group of thousands of
 * members after each member change would make every change as slow as a full read.
 */
async function patch(request: ScimRequest): Promise<ScimReply> {
  const wantsBody = request.query.has('attributes') || request.query.has('excludedAttributes');
  const projection = projectionOf(request.query);
  const id = request.params[0]!;
  const record = await request.directory.patchGroup(
    request.caller.companyId, id, request.body, header(request, 'if-match'), wantsBody && returnsMembers(projection), request.caller.tokenId,
  );
  if (!wantsBody) return { status: 204, headers: { etag: etagOf(record.version) }, resourceType: 'Group', resourceId: id };
  return groupReply(request, 200, record);
}

export const groupRoutes: ScimRoute[] = [
  {
    pattern: ['Groups', '.search'],
    methods: { POST: { operation: 'Search Groups', handle: list } },
  },
  {
    pattern: ['Groups'],
    methods: {
      GET: { operation: 'List Groups', handle: list },
      POST: {
        operation: 'Create Group',
        handle: async (r) => groupReply(r, 201, await r.directory.createGroup(r.caller.companyId, r.body, r.caller.tokenId)),
      },
    },
  },
  {
    pattern: ['Groups', ':id'],
    methods: {
      GET: { operation: 'Get Group', handle: get },
      PUT: {
        operation: 'Replace Group',
        handle: async (r) =>
          groupReply(r, 200, await r.directory.replaceGroup(r.caller.companyId, r.params[0]!, r.body, header(r, 'if-match'), true, r.caller.tokenId)),
      },
      PATCH: { operation: 'Update Group', handle: patch },
      DELETE: {
        operation: 'Delete Group',
        handle: async (r) => {
          await r.directory.deleteGroup(r.caller.companyId, r.params[0]!, header(r, 'if-match'), r.caller.tokenId);
          return { status: 204, resourceType: 'Group', resourceId: r.params[0]! };
        },
      },
    },
  },
];
