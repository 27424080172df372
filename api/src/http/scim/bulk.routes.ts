import { ScimError } from '../../scim/errors.js';
import { parseBulkRequest, type BulkOperation } from '../../scim/bulk/bulk-request.js';
import { planBulkOperations, resolveBulkIds } from '../../scim/bulk/bulk-refs.js';
import {
  buildBulkResponse, bulkFailure, bulkSuccess, shouldStopBulk, type BulkOperationResult,
} from '../../scim/bulk/bulk-response.js';
import { groupRoutes } from './groups.routes.js';
import { toScimError } from './scim-reply.js';
import { matchRoute, type ScimReply, type ScimRequest, type ScimRoute } from './scim-route.js';
import { userRoutes } from './users.routes.js';

const RESOURCE_ROUTES = [...userRoutes, ...groupRoutes];

/** One operation through the same handlers as a single request, in its own transaction. */
/** What the Bulk request's activity row says it touched: the names and attributes of its operations' writes. */
interface BulkTouched {
  names: Set<string>;
  attributes: Set<string>;
}

function noteTouched(touched: BulkTouched, reply: ScimReply): void {
  if (reply.resourceName) touched.names.add(reply.resourceName);
  for (const name of reply.changedAttributes ?? []) touched.attributes.add(name);
}

async function execute(
  request: ScimRequest, operation: BulkOperation, created: Map<string, string>, touched: BulkTouched,
): Promise<BulkOperationResult> {
  const id = operation.id === undefined ? undefined : resolveBulkIds(operation.id, created).value;
  const data = resolveBulkIds(operation.data, created).value;
  const segments = id === undefined ? [operation.resource] : [operation.resource, id];
  const match = matchRoute(RESOURCE_ROUTES, segments);
  const endpoint = match?.route.methods[operation.method];
  if (!match || !endpoint) throw new ScimError(405, undefined, `Bulk cannot ${operation.method} ${operation.path}`);
  const headers = operation.version ? { ...request.headers, 'if-match': operation.version } : request.headers;
  const reply: ScimReply = await endpoint.handle({
    ...request, method: operation.method, segments, params: match.params, headers, body: data, query: new URLSearchParams(),
  });
  noteTouched(touched, reply);
  const resourceId = reply.resourceId;
  if (operation.bulkId && resourceId) created.set(operation.bulkId, resourceId);
  return bulkSuccess(operation, reply.status, {
    ...(resourceId && operation.method !== 'DELETE' && { location: `${request.baseUrl}/${operation.resource}/${resourceId}` }),
    ...(reply.headers?.['etag'] && { version: reply.headers['etag'] }),
  });
}

/**
 * RFC 7644 §3.7: operations run in an order where each bulkId is created before it is used,
 * each in its own transaction; unresolvable references fail with 409; `failOnErrors` stops early.
 * The response lists results in request order.
 */
async function bulk(request: ScimRequest): Promise<ScimReply> {
  const { operations, failOnErrors } = parseBulkRequest(request.body, {
    maxOperations: request.config.scimBulkMaxOperations,
    maxPayloadSize: request.config.scimMaxBodyBytes,
  });
  const plan = planBulkOperations(operations);
  const created = new Map<string, string>();
  const touched: BulkTouched = { names: new Set(), attributes: new Set() };
  const results = new Map<number, BulkOperationResult>();
  const record = (index: number, result: BulkOperationResult) => results.set(index, result);
  for (const [index, error] of plan.failures) record(index, bulkFailure(operations[index]!, error));
  for (const index of plan.order) {
    if (shouldStopBulk([...results.values()], failOnErrors)) break;
    const operation = operations[index]!;
    const unresolved = resolveBulkIds([operation.id, operation.data], created).unresolved;
    if (unresolved.length > 0) {
      record(index, bulkFailure(operation, new ScimError(409, 'invalidValue', `bulkId "${unresolved[0]}" refers to a failed operation`)));
      continue;
    }
    record(index, await execute(request, operation, created, touched).catch((error: unknown) => bulkFailure(operation, toScimError(error))));
  }
  const ordered = [...results.entries()].sort(([a], [b]) => a - b).map(([, result]) => result);
  return {
    status: 200,
    body: buildBulkResponse(ordered),
    ...(touched.names.size > 0 && { resourceName: [...touched.names].join(', ') }),
    changedAttributes: [...touched.attributes],
  };
}

export const bulkRoutes: ScimRoute[] = [{ pattern: ['Bulk'], methods: { POST: { operation: 'Bulk', handle: bulk } } }];
