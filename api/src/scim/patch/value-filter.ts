import { badRequest } from '../errors.js';
import { coerceBoolean, isPlainObject } from '../resources/attribute-values.js';
import { findAttribute } from '../schema/attribute-lookup.js';
import type { AttributeDefinition } from '../schema/schema-types.js';
import { formatAttributePath, type CompareFilter, type Filter } from '../filter/ast.js';

function subAttributeOf(parent: AttributeDefinition, filter: { path: CompareFilter['path'] }): AttributeDefinition {
  const sub = filter.path.uri === undefined && filter.path.subAttribute === undefined ? findAttribute(parent.subAttributes, filter.path.name) : undefined;
  if (!sub) throw badRequest('invalidFilter', `Unknown sub-attribute "${formatAttributePath(filter.path)}" of "${parent.name}"`);
  return sub;
}

function isPresent(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  return !(Array.isArray(value) && value.length === 0);
}

function compareOrdered(actual: number | string, expected: number | string, operator: string): boolean {
  switch (operator) {
    case 'gt':
      return actual > expected;
    case 'ge':
      return actual >= expected;
    case 'lt':
      return actual < expected;
    case 'le':
      return actual <= expected;
    default:
      return actual === expected;
  }
}

function compareString(actual: string, expected: string, operator: string, caseExact: boolean): boolean {
  const [a, e] = caseExact ? [actual, expected] : [actual.toLowerCase(), expected.toLowerCase()];
  if (operator === 'co') return a.includes(e);
  if (operator === 'sw') return a.startsWith(e);
  if (operator === 'ew') return a.endsWith(e);
  return compareOrdered(a, e, operator);
}

function matchesCompare(element: Record<string, unknown>, filter: CompareFilter, sub: AttributeDefinition): boolean {
  const actual = element[sub.name];
  const { operator, value } = filter;
  if (value === null) return operator === 'eq' ? !isPresent(actual) : operator === 'ne' ? isPresent(actual) : false;
  if (operator === 'ne') return !matchesCompare(element, { ...filter, operator: 'eq' }, sub);
  if (actual === undefined || actual === null) return false;
  if (sub.type === 'boolean') {
    // Entra matches on roles[primary eq "True"] (SCIM-NOTES §2.7).
    if (operator !== 'eq') throw badRequest('invalidFilter', `Operator '${operator}' cannot be used on boolean "${sub.name}"`);
    return coerceBoolean(actual) === coerceBoolean(value);
  }
  if (sub.type === 'dateTime' && typeof actual === 'string' && typeof value === 'string') {
    return compareOrdered(Date.parse(actual), Date.parse(value), operator);
  }
  if (typeof actual === 'number' && typeof value === 'number') return compareOrdered(actual, value, operator);
  return compareString(String(actual), String(value), operator, sub.caseExact);
}

/** Evaluates the filter inside `attr[…]` against one element, in memory (PATCH value paths). */
export function matchesElement(element: unknown, filter: Filter, parent: AttributeDefinition): boolean {
  if (!isPlainObject(element)) return false;
  switch (filter.kind) {
    case 'and':
      return matchesElement(element, filter.left, parent) && matchesElement(element, filter.right, parent);
    case 'or':
      return matchesElement(element, filter.left, parent) || matchesElement(element, filter.right, parent);
    case 'not':
      return !matchesElement(element, filter.filter, parent);
    case 'valuePath':
      throw badRequest('invalidFilter', 'Value filters cannot be nested');
    case 'present':
      return isPresent(element[subAttributeOf(parent, filter).name]);
    default:
      return matchesCompare(element, filter, subAttributeOf(parent, filter));
  }
}

/**
 * The element a filter like `type eq "work" and primary eq true` describes, used to create it when
 * nothing matches (Entra upserts through filtered paths, SCIM-NOTES §2.7). Undefined when the
 * filter is not a conjunction of `eq` comparisons, since then no single element is implied.
 */
export function impliedElement(filter: Filter, parent: AttributeDefinition): Record<string, unknown> | undefined {
  if (filter.kind === 'and') {
    const left = impliedElement(filter.left, parent);
    const right = impliedElement(filter.right, parent);
    return left && right ? { ...left, ...right } : undefined;
  }
  if (filter.kind !== 'compare' || filter.operator !== 'eq' || filter.value === null) return undefined;
  const sub = subAttributeOf(parent, filter);
  const value = sub.type === 'boolean' ? coerceBoolean(filter.value) : filter.value;
  return value === undefined ? undefined : { [sub.name]: value };
}
