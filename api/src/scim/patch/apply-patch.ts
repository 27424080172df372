import { badRequest } from '../errors.js';
import { formatAttributePath, type PatchPath } from '../filter/ast.js';
import { parsePatchPath } from '../filter/parser.js';
import { isPlainObject, normalizeAttributeValue, type ScimObject } from '../resources/attribute-values.js';
import { containerFor, keepForeignSchemaData, pruneExtension, writeAttribute } from '../resources/resource-shape.js';
import { resolveAttributeName, resolvePath, splitAttributeName, type ResolvedAttribute } from '../schema/attribute-lookup.js';
import type { ResourceTypeDefinition, SchemaDefinition } from '../schema/schema-types.js';
import { addElements, applyFiltered, enforcePrimary, removeListed } from './multi-valued.js';
import type { PatchOpKind, PatchOperation } from './patch-request.js';

export interface ApplyPatchOptions {
  resourceType: ResourceTypeDefinition;
}

function assertWritable(resolved: ResolvedAttribute, text: string): void {
  if (resolved.attribute.mutability === 'readOnly' || resolved.subAttribute?.mutability === 'readOnly') {
    throw badRequest('mutability', `Attribute "${text}" is read-only`);
  }
}

/** add/replace/remove on a whole attribute or `attr.sub`, with no value filter. */
export function applyToAttribute(resource: ScimObject, resolved: ResolvedAttribute, op: PatchOpKind, raw: unknown): void {
  const container = containerFor(resource, resolved);
  const { attribute, subAttribute } = resolved;
  const current = container[attribute.name];
  if (op === 'remove' && raw !== undefined && attribute.multiValued && !subAttribute) {
    container[attribute.name] = removeListed(current, attribute, raw);
  } else if (op === 'remove' && subAttribute && attribute.multiValued) {
    for (const item of Array.isArray(current) ? current : []) if (isPlainObject(item)) delete item[subAttribute.name];
    if (Array.isArray(current)) container[attribute.name] = current.filter((item) => !isPlainObject(item) || Object.keys(item).length);
  } else if (op === 'remove') {
    writeAttribute(resource, resolved, undefined);
  } else if (subAttribute && attribute.multiValued) {
    // `emails.type` without a filter targets every value (RFC 7644 §3.5.2.3).
    const value = normalizeAttributeValue(subAttribute, raw, `${attribute.name}.${subAttribute.name}`);
    const list = Array.isArray(current) && current.length ? current : [{}];
    for (const item of list) if (isPlainObject(item)) item[subAttribute.name] = value;
    container[attribute.name] = list;
    enforcePrimary(list, new Set(list), attribute.name);
  } else if (attribute.multiValued && op === 'add') {
    const incoming = normalizeAttributeValue(attribute, raw);
    if (Array.isArray(incoming)) container[attribute.name] = addElements(current, incoming, attribute);
  } else if (attribute.type === 'complex' && !subAttribute && isPlainObject(current)) {
    // Sub-attributes not named in the value are left unchanged (RFC 7644 §3.5.2.1, §3.5.2.3).
    const incoming = normalizeAttributeValue(attribute, raw);
    writeAttribute(resource, resolved, incoming === undefined ? undefined : { ...current, ...(incoming as ScimObject) });
  } else {
    writeAttribute(resource, resolved, raw);
  }
  if (Array.isArray(container[attribute.name]) && (container[attribute.name] as unknown[]).length === 0) delete container[attribute.name];
  if (resolved.extension) pruneExtension(resource, resolved.schema.id);
}

/** Ignores readOnly targets: Okta's no-path group replace carries the readOnly "id" (SCIM-NOTES §3.2). */
function applyUnlessReadOnly(resource: ScimObject, resolved: ResolvedAttribute, op: PatchOpKind, raw: unknown): void {
  if (resolved.attribute.mutability === 'readOnly' || resolved.subAttribute?.mutability === 'readOnly') return;
  applyToAttribute(resource, resolved, op, raw);
}

/**
 * A whole schema as the target (`"path":"urn:…:enterprise:2.0:User"`). The value holds
 * attributes of that schema (RFC 7644 §3.5.2.1); `schemas`, `id` and `meta` belong to the
 * resource (RFC 7643 §3), so they and names the schema lacks are dropped, never stored.
 */
function applySchemaBlock(resource: ScimObject, resourceType: ResourceTypeDefinition, schema: SchemaDefinition, op: PatchOpKind, raw: unknown): void {
  const core = schema === resourceType.schema;
  if (op === 'remove' && core) throw badRequest('invalidPath', `"${schema.id}" names the whole resource, which cannot be removed`);
  if (op === 'remove') return void delete resource[schema.id];
  if (!isPlainObject(raw)) throw badRequest('invalidValue', `The value for "${schema.id}" must be an object`);
  for (const [key, value] of Object.entries(raw)) {
    const resolved = /^urn:/i.test(key) ? undefined : resolvePath(resourceType, { ...splitAttributeName(key), uri: schema.id });
    if (resolved?.kind === 'attribute') applyUnlessReadOnly(resource, resolved, op, value);
  }
}

/** One key of a no-path value: plain, dotted (`name.givenName`) or URN-prefixed (Entra, SCIM-NOTES §2.5). */
function applyKey(resource: ScimObject, resourceType: ResourceTypeDefinition, op: PatchOpKind, key: string, raw: unknown): void {
  if (key.toLowerCase() === 'schemas') return;
  const resolved = resolveAttributeName(resourceType, key);
  if (resolved?.kind === 'schema') return applySchemaBlock(resource, resourceType, resolved.schema, op, raw);
  // Unknown keys are ignored, as on create; data of undeclared schemas is kept as sent.
  if (!resolved) return void keepForeignSchemaData(resourceType, resource, key, raw);
  applyUnlessReadOnly(resource, resolved, op, raw);
}

function applyWithoutPath(resource: ScimObject, resourceType: ResourceTypeDefinition, operation: PatchOperation): void {
  // RFC 7644 §3.5.2.2: remove requires a path.
  if (operation.op === 'remove') throw badRequest('noTarget', 'A remove operation needs a "path"');
  if (!isPlainObject(operation.value)) throw badRequest('invalidValue', `An ${operation.op} without a path needs an object value`);
  for (const [key, value] of Object.entries(operation.value)) applyKey(resource, resourceType, operation.op, key, value);
}

export function resolvePatchTarget(resourceType: ResourceTypeDefinition, text: string): { parsed: PatchPath; resolved: ReturnType<typeof resolvePath> } {
  const parsed = parsePatchPath(text);
  const resolved = resolvePath(resourceType, parsed.path);
  if (!resolved) throw badRequest('invalidPath', `Unknown attribute "${formatAttributePath(parsed.path)}" in path "${text}"`);
  return { parsed, resolved };
}

function applyWithPath(resource: ScimObject, resourceType: ResourceTypeDefinition, operation: PatchOperation, path: string): void {
  const { parsed, resolved } = resolvePatchTarget(resourceType, path);
  if (resolved?.kind === 'schema') return applySchemaBlock(resource, resourceType, resolved.schema, operation.op, operation.value);
  if (!resolved) return;
  assertWritable(resolved, path);
  if (!parsed.valueFilter) return applyToAttribute(resource, resolved, operation.op, operation.value);
  const { attribute } = resolved;
  if (!attribute.multiValued || attribute.type !== 'complex') {
    throw badRequest('invalidPath', `"${attribute.name}" is not multi-valued, so "${path}" cannot filter it`);
  }
  const container = containerFor(resource, resolved);
  const target = { filter: parsed.valueFilter, ...(parsed.subAttribute !== undefined && { subAttribute: parsed.subAttribute }) };
  const list = applyFiltered(container[attribute.name], attribute, target, operation.op, operation.value);
  if (list.length) container[attribute.name] = list;
  else delete container[attribute.name];
  if (resolved.extension) pruneExtension(resource, resolved.schema.id);
}

/** Applies one operation in place. Exported for applyGroupPatch; use applyPatch for atomicity. */
export function applyOperation(resource: ScimObject, resourceType: ResourceTypeDefinition, operation: PatchOperation): void {
  if (operation.path === undefined) applyWithoutPath(resource, resourceType, operation);
  else applyWithPath(resource, resourceType, operation, operation.path);
}

/** Required core attributes (userName, displayName) cannot be patched away. */
export function assertRequiredPresent(resource: ScimObject, resourceType: ResourceTypeDefinition): void {
  for (const attribute of resourceType.schema.attributes) {
    if (attribute.required && (resource[attribute.name] === undefined || resource[attribute.name] === '')) {
      throw badRequest('invalidValue', `Attribute "${attribute.name}" is required and cannot be removed`);
    }
  }
}

/**
 * RFC 7644 §3.5.2 PATCH on a canonical resource (as stored in `attributes`). Atomic: works on a
 * deep copy and throws before returning if any operation fails, so the input is never changed.
 */
export function applyPatch(resource: ScimObject, operations: readonly PatchOperation[], options: ApplyPatchOptions): ScimObject {
  const working = structuredClone(resource);
  for (const operation of operations) applyOperation(working, options.resourceType, operation);
  assertRequiredPresent(working, options.resourceType);
  return working;
}
