import { badRequest } from '../errors.js';
import { resolvePath, type ResolvedAttribute } from '../schema/attribute-lookup.js';
import type { AttributeDefinition } from '../schema/schema-types.js';
import type { FilterTarget } from './filter-target.js';
import { parseAttributePath } from './parser.js';
import { attributeAccessor, jsonPathLiteral } from './sql-json.js';

export type SortOrder = 'ascending' | 'descending';

function invalid(detail: string): never {
  throw badRequest('invalidValue', detail);
}

/** Typed sort key for a text expression read from JSON. */
function typed(text: string, def: AttributeDefinition): string {
  switch (def.type) {
    case 'dateTime':
      return `(${text})::timestamptz`;
    case 'integer':
    case 'decimal':
      return `(${text})::numeric`;
    case 'boolean':
      return `(${text})::boolean`;
    default:
      return def.caseExact ? text : `lower(${text})`;
  }
}

/** A multi-valued attribute sorts by its primary value, else its first (SCIM-NOTES §1.5). */
function multiValuedKey(target: FilterTarget, resolved: ResolvedAttribute, def: AttributeDefinition): string {
  const keys = resolved.extension ? [resolved.schema.id, resolved.attribute.name] : [resolved.attribute.name];
  const json = `${target.alias}.${target.attributesColumn} #> ${jsonPathLiteral(keys)}`;
  const isComplex = resolved.attribute.type === 'complex';
  const text = isComplex ? `s.v ->> '${jsonPathLiteral([def.name]).slice(2, -2)}'` : `s.v #>> '{}'`;
  const primaryFirst = isComplex ? `(s.v -> 'primary') = 'true'::jsonb DESC, ` : '';
  const elements = `jsonb_array_elements(CASE WHEN jsonb_typeof(${json}) = 'array' THEN ${json} ELSE '[]'::jsonb END)`;
  return `(SELECT ${typed(text, def)} FROM ${elements} WITH ORDINALITY AS s(v, n) ORDER BY ${primaryFirst}s.n LIMIT 1)`;
}

function sortKey(target: FilterTarget, text: string): string {
  const resolved = resolvePath(target.resourceType, parseAttributePath(text, 'invalidValue'));
  if (resolved?.kind !== 'attribute') invalid(`Cannot sort by unknown attribute "${text}"`);
  const { attribute, subAttribute } = resolved;
  if (attribute.returned === 'never' || attribute.name === target.membership?.attribute || attribute.name === 'schemas') {
    invalid(`Cannot sort by "${text}"`);
  }
  const key = subAttribute ? `${attribute.name}.${subAttribute.name}` : attribute.name;
  const column = resolved.extension ? undefined : target.columns[key];
  const def = subAttribute ?? (attribute.type === 'complex' ? attribute.subAttributes?.find((sub) => sub.name === 'value') : attribute);
  if (column) return column.type === 'text' && !def?.caseExact ? `lower(${target.alias}.${column.column})` : `${target.alias}.${column.column}`;
  if (!def) invalid(`Cannot sort by complex attribute "${text}"; name a sub-attribute`);
  if (attribute.multiValued) return multiValuedKey(target, resolved, def);
  return typed(attributeAccessor(target, resolved, def).text, def);
}

/**
 * An ORDER BY list (without the keywords). Always ends in created, id so paging is stable whatever
 * startIndex/count are (Okta, SCIM-NOTES §1.6). Missing values sort last ascending, first descending
 * (RFC 7644 §3.4.2.3).
 */
export function compileSort(sortBy: string | undefined, sortOrder: SortOrder | undefined, target: FilterTarget): string {
  const created = target.columns['meta.created']?.column ?? 'created_at';
  const stable = `${target.alias}.${created} ASC, ${target.alias}.id ASC`;
  if (!sortBy) return stable;
  const direction = sortOrder === 'descending' ? 'DESC NULLS FIRST' : 'ASC NULLS LAST';
  return `${sortKey(target, sortBy)} ${direction}, ${stable}`;
}
