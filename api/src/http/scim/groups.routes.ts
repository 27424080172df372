import type { GroupPart, GroupRecord, MemberRow } from '../../modules/directory/directory.service.js';
import { groupJsonChunks } from '../../scim/resources/group-json-chunks.js';
import { formatEtag, notModified } from '../../scim/etag.js';
import { buildListResponse as listResponse } from '../../scim/list/list-response.js';
import { serializeGroup } from '../../scim/resources/serialize.js';
import { groupInputOf, listRequestOf, patchInputOf, projectionOf, returnsMembers } from './scim-input.js';
import { requestHeader as header, writeActivity, type ScimRequest, type ScimReply, type ScimRoute } from './scim-route.js';

/** Members per database fetch and per chunk written: a group with more is streamed. */
const MEMBER_BATCH = 1_000;

function groupReplyShell(request: ScimRequest, status: number, record: GroupRecord) {
  const headers: Record<string, string> = { etag: formatEtag(record.version) };
  if (status === 201) headers['location'] = `${request.baseUrl}/Groups/${record.id}`;
  return { status, headers, resourceType: 'Group', resourceId: record.id, ...writeActivity(request, record.displayName) };
}

function groupReply(request: ScimRequest, status: number, record: GroupRecord): ScimReply {
  const resource = serializeGroup(record, { baseUrl: request.baseUrl, projection: projectionOf(request.query) });
  return { ...groupReplyShell(request, status, record), body: resource };
}

/** Groups are listed without members when `excludedAttributes=members` (Entra does this). */
async function list(request: ScimRequest): Promise<ScimReply> {
  const query = listRequestOf(request);
  const result = await request.directory.listGroups(request.caller.companyId, query);
  const resources = result.rows.map((row) => serializeGroup(row, { baseUrl: request.baseUrl, projection: query.projection }));
  return { status: 200, body: listResponse(resources, result.total, result.startIndex), resourceType: 'Group' };
}

function notModifiedReply(request: ScimRequest, record: GroupRecord): ScimReply | undefined {
  if (!notModified(header(request, 'if-none-match'), record.version)) return undefined;
  return { status: 304, headers: { etag: formatEtag(record.version) }, resourceType: 'Group', resourceId: record.id };
}

/**
 * A group of at most one batch of members is answered whole from two queries; a larger one is
 * streamed from a snapshot (read again from the start there), which stays open until the reply is
 * written or abandoned. Only large groups wait for one of the few snapshots.
 */
async function get(request: ScimRequest): Promise<ScimReply> {
  const companyId = request.caller.companyId;
  const withMembers = returnsMembers(projectionOf(request.query));
  const record = await request.directory.getGroup(companyId, request.params[0]!, withMembers, MEMBER_BATCH + 1);
  const unchanged = notModifiedReply(request, record);
  if (unchanged) return unchanged;
  if (!record.members || record.members.length <= MEMBER_BATCH) return groupReply(request, 200, record);
  const parts = await request.directory.readGroupInBatches(companyId, record.id, MEMBER_BATCH);
  try {
    const { group } = (await parts.next()).value as { group: GroupRecord };
    const chunks = groupJsonChunks(group, memberBatches(parts), { baseUrl: request.baseUrl, projection: projectionOf(request.query) });
    return { ...groupReplyShell(request, 200, group), stream: closingWith(chunks, parts) };
  } catch (error) {
    await parts.return?.();
    throw error;
  }
}

async function* memberBatches(parts: AsyncIterableIterator<GroupPart>): AsyncGenerator<MemberRow[]> {
  for await (const part of parts) if ('members' in part) yield part.members;
}

/**
 * `chunks`, ending `source` when they end or are returned, even before the first chunk was asked
 * for or with batches of `source` never read (a projection without members needs none).
 */
function closingWith(chunks: AsyncGenerator<string>, source: AsyncIterableIterator<unknown>): AsyncIterableIterator<string> {
  const iterator: AsyncIterableIterator<string> = {
    async next() {
      const result = await chunks.next();
      if (result.done) await source.return?.();
      return result;
    },
    async return() {
      await chunks.return(undefined);
      await source.return?.();
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
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
  if (!wantsBody) {
    return { status: 204, headers: { etag: formatEtag(record.version) }, resourceType: 'Group', resourceId: id, ...writeActivity(request, record.displayName) };
  }
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
          const displayName = await r.directory.deleteGroup(r.caller.companyId, r.params[0]!, header(r, 'if-match'), r.caller.tokenId);
          return { status: 204, resourceType: 'Group', resourceId: r.params[0]!, ...writeActivity(r, displayName) };
        },
      },
    },
  },
];
