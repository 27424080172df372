import { badRequest } from '../errors.js';
import { SCHEMAS_ATTRIBUTE } from '../schema/common-attributes.js';
import { resolveAttributeName, type ResolvedPath } from '../schema/attribute-lookup.js';
import type { AttributeDefinition, ResourceTypeDefinition } from '../schema/schema-types.js';
import { isPlainObject, type ScimObject } from './attribute-values.js';

/** RFC 7644 §3.4.2.5 `attributes` / `excludedAttributes`, as given (comma lists or arrays). */
export interface Projection {
  attributes: string[];
  excludedAttributes: string[];
}

export const NO_PROJECTION: Projection = { attributes: [], excludedAttributes: [] };

/**
 * Microsoft's reference Postman collection asks for `attributes=emails[type eq "work"]`. A
 * filter selects resources, not parts of one (RFC 7644 §3.4.2.5 lists attribute names), so
 * the request is refused with the two parameters that express it.
 */
function assertNoFilter(parameter: string, item: string): void {
  const bracket = item.indexOf('[');
  if (bracket < 0) return;
  const name = item.slice(0, bracket);
  throw badRequest(
    'invalidValue',
    `"${parameter}" takes attribute names, but "${item}" has a filter at character ${bracket + 1}: ` +
      `send ${parameter}=${name} (and filter=${item} to choose the resources)`,
  );
}

function splitList(parameter: string, input: string | readonly string[] | null | undefined): string[] {
  const items = typeof input === 'string' ? input.split(',') : (input ?? []);
  const names = items.map((item) => item.trim()).filter(Boolean);
  for (const name of names) assertNoFilter(parameter, name);
  return names;
}

export function parseProjection(
  attributes?: string | readonly string[] | null,
  excludedAttributes?: string | readonly string[] | null,
): Projection {
  return { attributes: splitList('attributes', attributes), excludedAttributes: splitList('excludedAttributes', excludedAttributes) };
}

type Selection = Extract<ResolvedPath, { kind: 'attribute' }> | Extract<ResolvedPath, { kind: 'schema' }>;

/** Unknown names are skipped: asking for an attribute we do not have simply returns nothing for it. */
function resolveAll(resourceType: ResourceTypeDefinition, names: string[]): Selection[] {
  return names.flatMap((name) => {
    const resolved = resolveAttributeName(resourceType, name);
    return resolved ? [resolved] : [];
  });
}

function pickSub(value: unknown, sub: string): unknown {
  if (Array.isArray(value)) {
    const picked = value.flatMap((item) => (isPlainObject(item) && item[sub] !== undefined ? [{ [sub]: item[sub] }] : []));
    return picked.length ? picked : undefined;
  }
  return isPlainObject(value) && value[sub] !== undefined ? { [sub]: value[sub] } : undefined;
}

function mergeInto(target: ScimObject, key: string, value: unknown): void {
  if (value === undefined) return;
  const existing = target[key];
  if (isPlainObject(existing) && isPlainObject(value)) target[key] = { ...existing, ...value };
  else if (Array.isArray(existing) && Array.isArray(value)) target[key] = existing.map((item, i) => ({ ...item, ...value[i] }));
  else target[key] = value;
}

function copySelection(source: ScimObject, target: ScimObject, selection: Selection): void {
  if (selection.kind === 'schema') return mergeInto(target, selection.schema.id, structuredClone(source[selection.schema.id]));
  const from = selection.extension ? source[selection.schema.id] : source;
  if (!isPlainObject(from)) return;
  const name = selection.attribute.name;
  const value = selection.subAttribute ? pickSub(from[name], selection.subAttribute.name) : from[name];
  if (value === undefined) return;
  if (!selection.extension) return mergeInto(target, name, structuredClone(value));
  const block = isPlainObject(target[selection.schema.id]) ? (target[selection.schema.id] as ScimObject) : {};
  mergeInto(block, name, structuredClone(value));
  target[selection.schema.id] = block;
}

/** `returned: always` attributes, plus `always` sub-attributes such as meta.resourceType. */
function copyAlwaysReturned(resourceType: ResourceTypeDefinition, source: ScimObject, target: ScimObject): void {
  for (const key of Object.keys(source)) {
    const resolved = resolveAttributeName(resourceType, key);
    if (resolved?.kind !== 'attribute' || resolved.extension) continue;
    const { attribute } = resolved;
    if (attribute.returned === 'always') target[key] = structuredClone(source[key]);
    else copyAlwaysSubs(attribute, source[key], target, key);
  }
}

function copyAlwaysSubs(attribute: AttributeDefinition, value: unknown, target: ScimObject, key: string): void {
  const subs = attribute.subAttributes?.filter((sub) => sub.returned === 'always') ?? [];
  for (const sub of subs) mergeInto(target, key, pickSub(value, sub.name));
}

function removeSelection(target: ScimObject, selection: Selection): void {
  if (selection.kind === 'schema') return void delete target[selection.schema.id];
  const { attribute, subAttribute } = selection;
  if (attribute.returned === 'always' || subAttribute?.returned === 'always') return;
  const from = selection.extension ? target[selection.schema.id] : target;
  if (!isPlainObject(from)) return;
  if (!subAttribute) {
    // Keep `always` sub-attributes (meta.resourceType) even when the parent is excluded.
    const kept: ScimObject = {};
    copyAlwaysSubs(attribute, from[attribute.name], kept, attribute.name);
    if (kept[attribute.name] !== undefined) from[attribute.name] = kept[attribute.name];
    else delete from[attribute.name];
    return;
  }
  const value = from[attribute.name];
  for (const item of Array.isArray(value) ? value : [value]) if (isPlainObject(item)) delete item[subAttribute.name];
}

/**
 * Applies `attributes` (wins when both are given) or `excludedAttributes` to a serialized resource.
 * `id`, `schemas` and other `returned: always` attributes survive both (RFC 7643 §7). Without
 * either, the resource itself comes back (not a copy): copying every response cost more than
 * the rest of its serialization.
 */
export function applyProjection(resource: ScimObject, resourceType: ResourceTypeDefinition, projection: Projection): ScimObject {
  if (projection.attributes.length) {
    const result: ScimObject = {};
    copyAlwaysReturned(resourceType, resource, result);
    for (const selection of resolveAll(resourceType, projection.attributes)) copySelection(resource, result, selection);
    return result;
  }
  const excluded = resolveAll(resourceType, projection.excludedAttributes);
  if (excluded.length === 0) return resource;
  const result = structuredClone(resource);
  for (const selection of excluded) removeSelection(result, selection);
  return result;
}

/**
 * Whether a top-level core attribute (e.g. `members` on Groups, `groups` on Users) will be in the
 * response, so the caller can skip loading it. Entra always sends excludedAttributes=members (SCIM-NOTES §1.7).
 */
export function isAttributeReturned(resourceType: ResourceTypeDefinition, projection: Projection, name: string): boolean {
  const resolved = resolveAttributeName(resourceType, name);
  if (resolved?.kind !== 'attribute') return false;
  const { attribute } = resolved;
  if (attribute.returned === 'never') return false;
  if (attribute.returned === 'always' || attribute === SCHEMAS_ATTRIBUTE) return true;
  const targets = (names: string[]) =>
    resolveAll(resourceType, names).filter((s) => s.kind === 'attribute' && s.attribute === attribute);
  if (projection.attributes.length) return targets(projection.attributes).length > 0;
  if (targets(projection.excludedAttributes).some((s) => s.kind === 'attribute' && !s.subAttribute)) return false;
  return attribute.returned !== 'request';
}
