import { badRequest } from '../errors.js';
import { findAttribute, isForeignSchemaKey, resolveAttributeName, type ResolvedAttribute } from '../schema/attribute-lookup.js';
import type { ResourceTypeDefinition, SchemaDefinition } from '../schema/schema-types.js';
import { isPlainObject, normalizeAttributeValue, type ScimObject } from './attribute-values.js';

export interface ShapedResource {
  resource: ScimObject;
  /** Keys that named no known attribute and were dropped (RFC 7644 §3.3 lets us ignore them). */
  ignored: string[];
}

/** The object that holds an attribute: the resource itself, or its extension block (created on demand). */
export function containerFor(resource: ScimObject, resolved: { extension: boolean; schema: SchemaDefinition }): ScimObject {
  if (!resolved.extension) return resource;
  const existing = resource[resolved.schema.id];
  if (isPlainObject(existing)) return existing;
  const block: ScimObject = {};
  resource[resolved.schema.id] = block;
  return block;
}

/** Removes an extension block left empty, so `schemas` is not advertised for nothing. */
export function pruneExtension(resource: ScimObject, schemaId: string): void {
  const block = resource[schemaId];
  if (isPlainObject(block) && Object.keys(block).length === 0) delete resource[schemaId];
}

function setAttribute(resource: ScimObject, resolved: ResolvedAttribute, raw: unknown): void {
  const container = containerFor(resource, resolved);
  const { attribute, subAttribute } = resolved;
  if (subAttribute) {
    // A dotted key such as "name.givenName" (Entra no-path replace, SCIM-NOTES §2.5).
    const value = normalizeAttributeValue(subAttribute, raw, `${attribute.name}.${subAttribute.name}`);
    const parent = isPlainObject(container[attribute.name]) ? (container[attribute.name] as ScimObject) : {};
    if (value === undefined) delete parent[subAttribute.name];
    else parent[subAttribute.name] = value;
    if (Object.keys(parent).length) container[attribute.name] = parent;
    else delete container[attribute.name];
  } else {
    const value = normalizeAttributeValue(attribute, raw);
    if (value === undefined) delete container[attribute.name];
    else container[attribute.name] = value;
  }
  if (resolved.extension) pruneExtension(resource, resolved.schema.id);
}

function shapeSchemaBlock(resourceType: ResourceTypeDefinition, resource: ScimObject, schema: SchemaDefinition, block: unknown, ignored: string[]): void {
  if (block === null || block === undefined) return;
  if (!isPlainObject(block)) throw badRequest('invalidValue', `Extension "${schema.id}" must be an object`);
  for (const [key, raw] of Object.entries(block)) {
    const attribute = findAttribute(schema.attributes, key);
    if (!attribute) ignored.push(`${schema.id}:${key}`);
    else if (attribute.mutability !== 'readOnly') {
      // A block keyed by the core schema URN holds top-level attributes.
      setAttribute(resource, { kind: 'attribute', schema, extension: schema !== resourceType.schema, attribute }, raw);
    }
  }
}

/**
 * Data of a schema this resource type does not declare is kept verbatim (Okta custom schemas,
 * SCIM-NOTES §1.3). Returns whether `key` was such a key.
 */
export function keepForeignSchemaData(resourceType: ResourceTypeDefinition, resource: ScimObject, key: string, raw: unknown): boolean {
  if (!isForeignSchemaKey(resourceType, key)) return false;
  if (raw !== null && raw !== undefined) resource[key] = structuredClone(raw);
  return true;
}

function shapeKey(resourceType: ResourceTypeDefinition, resource: ScimObject, key: string, raw: unknown, ignored: string[]): void {
  if (key.toLowerCase() === 'schemas') return;
  const resolved = resolveAttributeName(resourceType, key);
  if (resolved?.kind === 'schema') return shapeSchemaBlock(resourceType, resource, resolved.schema, raw, ignored);
  if (!resolved) {
    if (!keepForeignSchemaData(resourceType, resource, key, raw) && raw !== null && raw !== undefined) ignored.push(key);
    return;
  }
  // readOnly attributes (id, meta, groups) in a body SHALL be ignored (RFC 7644 §3.3; Okta posts "groups":[]).
  if (resolved.attribute.mutability === 'readOnly' || resolved.subAttribute?.mutability === 'readOnly') return;
  setAttribute(resource, resolved, raw);
}

/**
 * Canonicalises a request body into a resource of this type: canonical names, coerced values,
 * extension blocks under their canonical URN, no readOnly attributes and no nulls.
 */
export function shapeResource(resourceType: ResourceTypeDefinition, body: unknown): ShapedResource {
  if (!isPlainObject(body)) throw badRequest('invalidSyntax', `A ${resourceType.name} must be a JSON object`);
  const resource: ScimObject = {};
  const ignored: string[] = [];
  for (const [key, raw] of Object.entries(body)) shapeKey(resourceType, resource, key, raw, ignored);
  return { resource, ignored };
}

/** Writes one already-resolved attribute (used by PATCH so both paths share the coercion rules). */
export function writeAttribute(resource: ScimObject, resolved: ResolvedAttribute, raw: unknown): void {
  setAttribute(resource, resolved, raw);
}
