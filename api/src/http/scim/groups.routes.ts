import type { GroupRecord } from '../../modules/directory/directory.service.js';
import { formatEtag, notModified } from '../../scim/etag.js';
import { buildListResponse as listResponse } from '../../scim/list/list-response.js';
import { serializeGroup } from '../../scim/resources/serialize.js';
import { groupInputOf, listRequestOf, patchInputOf, projectionOf, returnsMembers } from './scim-input.js';
import { requestHeader as header, type ScimRequest, type ScimReply, type ScimRoute } from './scim-route.js';

function groupReply(request: ScimRequest, status: number, record: GroupRecord): ScimReply {
  const resource = serializeGroup(record, { baseUrl: request.baseUrl, projection: projectionOf(request.query) });
  const headers: Record<string, string> = { etag: formatEtag(record.version) };
  if (status === 201) headers['location'] = `${request.baseUrl}/Groups/${record.id}`;
  return { status, body: resource, headers, resourceType: 'Group', resourceId: record.id };
}

/** Groups are listed without members when `excludedAttributes=members` (Entra does this). */
async function list(request: ScimRequest): Promise<ScimReply> {
  const query = listRequestOf(request);
  const result = await request.directory.listGroups(request.caller.companyId, query);
  const resources = result.rows.map((row) => serializeGroup(row, { baseUrl: request.baseUrl, projection: query.projection }));
  return { status: 200, body: listResponse(resources, result.total, result.startIndex), resourceType: 'Group' };
}

async function get(request: ScimRequest): Promise<ScimReply> {
  const projection = projectionOf(request.query);
  const record = await request.directory.getGroup(request.caller.companyId, request.params[0]!, returnsMembers(projection));
  if (notModified(header(request, 'if-none-match'), record.version)) {
    return { status: 304, headers: { etag: formatEtag(record.version) }, resourceType: 'Group', resourceId: record.id };
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
    request.caller.companyId, id, patchInputOf(request.body), header(request, 'if-match'), wantsBody && returnsMembers(projection), request.caller.tokenId,
  );
  if (!wantsBody) return { status: 204, headers: { etag: formatEtag(record.version) }, resourceType: 'Group', resourceId: id };
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
        handle: async (r) => groupReply(r, 201, await r.directory.createGroup(r.caller.companyId, groupInputOf(r.body), r.caller.tokenId)),
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
          groupReply(r, 200, await r.directory.replaceGroup(r.caller.companyId, r.params[0]!, groupInputOf(r.body), header(r, 'if-match'), true, r.caller.tokenId)),
      },
      PATCH: { operation: 'Update Group', handle: patch },
      DELETE: {
        operation: 'Delete Group',
        handle: async (r) => {
          await r.directory.deleteGroup(r.caller.companyId, r.params[0]!, header(r, 'if-match'));
          return { status: 204, resourceType: 'Group', resourceId: r.params[0]! };
        },
      },
    },
  },
];
