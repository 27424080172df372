import { BULK_REQUEST_URN, ScimError, badRequest } from '../errors.js';
import { isPlainObject } from '../resources/attribute-values.js';

export type BulkMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface BulkOperation {
  method: BulkMethod;
  /** As sent, e.g. `/Users` or `/Groups/bulkId:qwerty`. */
  path: string;
  resource: 'Users' | 'Groups';
  /** The id segment for PUT/PATCH/DELETE; may be a `bulkId:` reference until resolved. */
  id?: string;
  bulkId?: string;
  version?: string;
  data?: Record<string, unknown>;
}

export interface BulkRequest {
  /** Stop after this many errors (RFC 7644 §3.7.3); undefined means never stop. */
  failOnErrors?: number;
  operations: BulkOperation[];
}

export interface BulkLimits {
  maxOperations: number;
  maxPayloadSize: number;
}

const METHODS = new Set<string>(['POST', 'PUT', 'PATCH', 'DELETE']);
const RESOURCES: Record<string, 'Users' | 'Groups'> = { users: 'Users', groups: 'Groups' };

function field(item: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(item).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : item[key];
}

function tooLarge(limits: BulkLimits): ScimError {
  // RFC 7644 §3.7.4: 413 naming both limits.
  return new ScimError(413, undefined, `The bulk request exceeds maxOperations ${limits.maxOperations} or maxPayloadSize ${limits.maxPayloadSize} bytes`);
}

function parsePath(path: unknown, method: BulkMethod, label: string): Pick<BulkOperation, 'path' | 'resource' | 'id'> {
  if (typeof path !== 'string') throw badRequest('invalidSyntax', `${label}.path must be a string`);
  const [resourceName = '', id, ...extra] = path.replace(/^\//, '').split('/');
  const resource = RESOURCES[resourceName.toLowerCase()];
  if (!resource || extra.length > 0) throw badRequest('invalidSyntax', `${label}.path must be /Users or /Groups, optionally with an id`);
  if (method === 'POST' && id !== undefined) throw badRequest('invalidSyntax', `${label}: POST goes to /${resource}, without an id`);
  if (method !== 'POST' && !id) throw badRequest('invalidSyntax', `${label}: ${method} needs /${resource}/{id}`);
  return { path, resource, ...(id && { id }) };
}

function parseOperation(raw: unknown, index: number): BulkOperation {
  const label = `Operations[${index}]`;
  if (!isPlainObject(raw)) throw badRequest('invalidSyntax', `${label} must be an object`);
  const method = String(field(raw, 'method') ?? '').toUpperCase();
  if (!METHODS.has(method)) throw badRequest('invalidSyntax', `${label}.method must be POST, PUT, PATCH or DELETE`);
  const target = parsePath(field(raw, 'path'), method as BulkMethod, label);
  const bulkId = field(raw, 'bulkId');
  if (bulkId !== undefined && (typeof bulkId !== 'string' || !bulkId)) throw badRequest('invalidSyntax', `${label}.bulkId must be a string`);
  if (method === 'POST' && bulkId === undefined) throw badRequest('invalidSyntax', `${label}: POST needs a bulkId`);
  const data = field(raw, 'data');
  if (method !== 'DELETE' && !isPlainObject(data)) throw badRequest('invalidSyntax', `${label}.data must be an object`);
  const version = field(raw, 'version');
  return {
    method: method as BulkMethod,
    ...target,
    ...(typeof bulkId === 'string' && { bulkId }),
    ...(typeof version === 'string' && { version }),
    ...(isPlainObject(data) && { data }),
  };
}

function assertUniqueBulkIds(operations: BulkOperation[]): void {
  const seen = new Set<string>();
  for (const operation of operations) {
    if (operation.bulkId === undefined) continue;
    if (seen.has(operation.bulkId)) throw badRequest('invalidValue', `bulkId "${operation.bulkId}" is used more than once`);
    seen.add(operation.bulkId);
  }
}

/** Validates a BulkRequest body (RFC 7644 §3.7). `payloadBytes` is the body size the caller read. */
export function parseBulkRequest(body: unknown, limits: BulkLimits, payloadBytes = 0): BulkRequest {
  if (payloadBytes > limits.maxPayloadSize) throw tooLarge(limits);
  if (!isPlainObject(body)) throw badRequest('invalidSyntax', 'A bulk request must be a JSON object');
  const schemas = field(body, 'schemas');
  if (!Array.isArray(schemas) || !schemas.some((urn) => typeof urn === 'string' && urn.toLowerCase() === BULK_REQUEST_URN.toLowerCase())) {
    throw badRequest('invalidSyntax', `A bulk request must list "${BULK_REQUEST_URN}" in schemas`);
  }
  const raw = field(body, 'Operations');
  if (!Array.isArray(raw) || raw.length === 0) throw badRequest('invalidSyntax', 'A bulk request needs a non-empty "Operations" array');
  if (raw.length > limits.maxOperations) throw tooLarge(limits);
  const failOnErrors = field(body, 'failOnErrors');
  if (failOnErrors !== undefined && (!Number.isInteger(failOnErrors) || (failOnErrors as number) < 1)) {
    throw badRequest('invalidValue', '"failOnErrors" must be a positive integer');
  }
  const operations = raw.map(parseOperation);
  assertUniqueBulkIds(operations);
  return { ...(failOnErrors !== undefined && { failOnErrors: failOnErrors as number }), operations };
}
