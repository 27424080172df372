import { badRequest } from '../errors.js';
import { assertSinglePrimary, isPlainObject, normalizeAttributeValue, normalizeComplex, type ScimObject } from '../resources/attribute-values.js';
import { findAttribute } from '../schema/attribute-lookup.js';
import type { AttributeDefinition } from '../schema/schema-types.js';
import type { Filter } from '../filter/ast.js';
import type { PatchOpKind } from './patch-request.js';
import { impliedElement, matchesElement } from './value-filter.js';

function sameValue(a: unknown, b: unknown, caseExact: boolean): boolean {
  if (typeof a === 'string' && typeof b === 'string' && !caseExact) return a.toLowerCase() === b.toLowerCase();
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The existing element an incoming one duplicates: same `value` (and `type`, when both have one), or equal. */
export function findDuplicate(list: unknown[], incoming: unknown, def: AttributeDefinition): unknown {
  const valueDef = findAttribute(def.subAttributes, 'value');
  return list.find((existing) => {
    if (!isPlainObject(existing) || !isPlainObject(incoming) || !valueDef || incoming.value === undefined) {
      return sameValue(existing, incoming, def.caseExact);
    }
    const sameType = existing.type === undefined || incoming.type === undefined || sameValue(existing.type, incoming.type, false);
    return sameType && sameValue(existing.value, incoming.value, valueDef.caseExact);
  });
}

/** RFC 7644 §3.5.2: setting primary on one value clears it on the others. */
export function enforcePrimary(list: unknown[], written: Set<unknown>, label: string): void {
  const promoted = [...written].filter((item) => isPlainObject(item) && item.primary === true);
  if (promoted.length > 1) throw badRequest('invalidValue', `Attribute "${label}" has more than one primary value`);
  if (promoted.length === 1) {
    for (const item of list) if (item !== promoted[0] && isPlainObject(item) && item.primary === true) item.primary = false;
  }
  assertSinglePrimary(list, label);
}

/** `add` on a multi-valued attribute: append, merging into duplicates instead of repeating them. */
export function addElements(current: unknown, incoming: unknown[], def: AttributeDefinition): unknown[] {
  const list = Array.isArray(current) ? [...current] : [];
  const written = new Set<unknown>();
  for (const item of incoming) {
    const duplicate = findDuplicate(list, item, def);
    if (duplicate === undefined) {
      list.push(item);
      written.add(item);
    } else if (isPlainObject(duplicate) && isPlainObject(item)) {
      Object.assign(duplicate, item);
      written.add(duplicate);
    }
  }
  enforcePrimary(list, written, def.name);
  return list;
}

interface FilteredTarget {
  filter: Filter;
  subAttribute?: string;
}

function subDefinition(def: AttributeDefinition, name: string): AttributeDefinition {
  const sub = findAttribute(def.subAttributes, name);
  if (!sub) throw badRequest('invalidPath', `"${def.name}" has no sub-attribute "${name}"`);
  if (sub.mutability === 'readOnly') throw badRequest('mutability', `"${def.name}.${sub.name}" is read-only`);
  return sub;
}

function removeFiltered(list: unknown[], matches: unknown[], sub: AttributeDefinition | undefined): unknown[] {
  // A filtered remove that matches nothing is a no-op, not noTarget (SCIM-NOTES §1.8).
  if (!sub) return list.filter((item) => !matches.includes(item));
  for (const item of matches) if (isPlainObject(item)) delete item[sub.name];
  return list.filter((item) => !isPlainObject(item) || Object.keys(item).length > 0);
}

function writeMatch(item: ScimObject, sub: AttributeDefinition | undefined, value: unknown): void {
  if (!sub) Object.assign(item, value);
  else if (value === undefined) delete item[sub.name];
  else item[sub.name] = value;
}

/**
 * `attr[filter]` and `attr[filter].sub` for add/replace/remove. Add and replace on a filter that
 * matches nothing create the element the filter describes: Entra sends
 * `emails[type eq "work"].value` for users without a work email (SCIM-NOTES §2.7).
 */
export function applyFiltered(current: unknown, def: AttributeDefinition, target: FilteredTarget, op: PatchOpKind, raw: unknown): unknown[] {
  const list = Array.isArray(current) ? [...current] : [];
  const matches = list.filter((item) => matchesElement(item, target.filter, def));
  const sub = target.subAttribute === undefined ? undefined : subDefinition(def, target.subAttribute);
  if (op === 'remove') return removeFiltered(list, matches, sub);
  const label = sub ? `${def.name}.${sub.name}` : def.name;
  const value = sub ? normalizeAttributeValue(sub, raw, label) : isPlainObject(raw) ? normalizeComplex(def, raw, label) : undefined;
  if (!sub && !isPlainObject(raw)) throw badRequest('invalidValue', `The value for "${def.name}[…]" must be an object`);
  const written = new Set<unknown>(matches);
  if (matches.length === 0) {
    const seed = impliedElement(target.filter, def);
    if (!seed) throw badRequest('noTarget', `No "${def.name}" value matches the filter in the path`);
    const created: ScimObject = { ...seed };
    writeMatch(created, sub, value);
    list.push(created);
    written.add(created);
  }
  for (const item of matches) if (isPlainObject(item)) writeMatch(item, sub, value);
  enforcePrimary(list, written, def.name);
  return list;
}

/** `remove` on a multi-valued path with a value list: drop only those values (SCIM-NOTES §1.8, directory-scimple#436). */
export function removeListed(current: unknown, def: AttributeDefinition, raw: unknown): unknown[] {
  const list = Array.isArray(current) ? current : [];
  const incoming = normalizeAttributeValue(def, raw);
  const targets = Array.isArray(incoming) ? incoming : [];
  return list.filter((item) => !targets.some((target) => findDuplicate([item], target, def) !== undefined));
}
