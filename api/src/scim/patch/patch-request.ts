import { PATCH_OP_URN, badRequest } from '../errors.js';
import { isPlainObject } from '../resources/attribute-values.js';

export type PatchOpKind = 'add' | 'remove' | 'replace';

export interface PatchOperation {
  op: PatchOpKind;
  path?: string;
  value?: unknown;
}

const KINDS = new Set<string>(['add', 'remove', 'replace']);

function field(item: Record<string, unknown>, name: string): unknown {
  const key = Object.keys(item).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : item[key];
}

function parseOperation(raw: unknown, index: number): PatchOperation {
  if (!isPlainObject(raw)) throw badRequest('invalidSyntax', `Operations[${index}] must be an object`);
  const op = field(raw, 'op');
  // Entra sends "Add"/"Replace"/"Remove" (SCIM-NOTES §1.8): structural values are case-insensitive.
  const kind = typeof op === 'string' ? op.toLowerCase() : '';
  if (!KINDS.has(kind)) throw badRequest('invalidSyntax', `Operations[${index}].op must be add, remove or replace`);
  const path = field(raw, 'path');
  if (path !== undefined && path !== null && typeof path !== 'string') {
    throw badRequest('invalidPath', `Operations[${index}].path must be a string`);
  }
  const value = field(raw, 'value');
  if (kind !== 'remove' && value === undefined) throw badRequest('invalidValue', `Operations[${index}] (${kind}) needs a value`);
  return { op: kind as PatchOpKind, ...(typeof path === 'string' && path.trim() && { path }), ...(value !== undefined && { value }) };
}

/** Validates a PatchOp body (RFC 7644 §3.5.2) and returns its operations in order. */
export function parsePatchRequest(body: unknown): PatchOperation[] {
  if (!isPlainObject(body)) throw badRequest('invalidSyntax', 'A PATCH body must be a JSON object');
  const schemas = field(body, 'schemas');
  if (!Array.isArray(schemas) || !schemas.some((urn) => typeof urn === 'string' && urn.toLowerCase() === PATCH_OP_URN.toLowerCase())) {
    throw badRequest('invalidSyntax', `A PATCH body must list "${PATCH_OP_URN}" in schemas`);
  }
  const operations = field(body, 'operations');
  if (!Array.isArray(operations) || operations.length === 0) {
    throw badRequest('invalidSyntax', 'A PATCH body needs a non-empty "Operations" array');
  }
  return operations.map(parseOperation);
}
