import { badRequest } from '../errors.js';
import { findSchema, type ResolvedAttribute } from '../schema/attribute-lookup.js';
import type { AttributeDefinition } from '../schema/schema-types.js';
import type { CompareFilter, Filter, PresentFilter } from './ast.js';
import type { FilterTarget } from './filter-target.js';
import type { Accessor } from './sql-leaf.js';
import type { CompileContext } from './to-sql.js';

const SAFE_KEY = /^[A-Za-z0-9_:.$-]+$/;

/**
 * A text[] literal for `#>`/`#>>`. Keys come from schema definitions only, never from input; the
 * check guards that promise. The literal form also matches the manager expression index.
 */
export function jsonPathLiteral(keys: string[]): string {
  if (!keys.every((key) => SAFE_KEY.test(key))) throw new Error(`Unsafe JSON path ${keys.join('.')}`);
  return `'{${keys.join(',')}}'`;
}

function attributeKeys(resolved: ResolvedAttribute): string[] {
  return resolved.extension ? [resolved.schema.id, resolved.attribute.name] : [resolved.attribute.name];
}

/** A single-valued attribute (or one sub-attribute of it) inside `<alias>.attributes`. */
export function attributeAccessor(target: FilterTarget, resolved: ResolvedAttribute, def: AttributeDefinition): Accessor {
  const keys = [...attributeKeys(resolved), ...(def === resolved.attribute ? [] : [def.name])];
  const column = `${target.alias}.${target.attributesColumn}`;
  return { json: `${column} #> ${jsonPathLiteral(keys)}`, text: `${column} #>> ${jsonPathLiteral(keys)}` };
}

/** The elements of a multi-valued attribute; anything that is not an array has none. */
export function elementsOf(target: FilterTarget, resolved: ResolvedAttribute): string {
  const json = `${target.alias}.${target.attributesColumn} #> ${jsonPathLiteral(attributeKeys(resolved))}`;
  return `jsonb_array_elements(CASE WHEN jsonb_typeof(${json}) = 'array' THEN ${json} ELSE '[]'::jsonb END)`;
}

/** One element (`alias.v`) or one of its sub-attributes. */
export function elementAccessor(alias: string, parent: AttributeDefinition, sub: AttributeDefinition | undefined): Accessor {
  if (!sub || sub === parent) return { json: `${alias}.v`, text: `${alias}.v #>> '{}'` };
  const key = jsonPathLiteral([sub.name]).slice(2, -2);
  return { json: `${alias}.v -> '${key}'`, text: `${alias}.v ->> '${key}'` };
}

function isValueEq(filter: Filter): filter is CompareFilter & { value: string } {
  return (
    filter.kind === 'compare' &&
    filter.operator === 'eq' &&
    typeof filter.value === 'string' &&
    filter.path.uri === undefined &&
    (filter.path.subAttribute ?? filter.path.name).toLowerCase() === 'value'
  );
}

function conjuncts(filter: Filter): Filter[] {
  return filter.kind === 'and' ? [...conjuncts(filter.left), ...conjuncts(filter.right)] : [filter];
}

/**
 * `emails.value eq "x"` and `emails[type eq "work"].value eq "x"` (Entra's matching filter,
 * SCIM-NOTES §2.2) first narrow by the GIN-indexed `email_values` array; the EXISTS stays exact.
 */
export function emailPrefilter(ctx: CompileContext, resolved: ResolvedAttribute, filter: Filter, def?: AttributeDefinition): string | undefined {
  const column = ctx.target.emailValuesColumn;
  if (!column || resolved.extension || resolved.attribute.name !== 'emails') return undefined;
  const candidates = def ? (def.name === 'value' && filter.kind === 'compare' ? [filter] : []) : conjuncts(filter);
  const match = candidates.find((candidate) =>
    def ? candidate.kind === 'compare' && candidate.operator === 'eq' && typeof candidate.value === 'string' : isValueEq(candidate),
  ) as (CompareFilter & { value: string }) | undefined;
  if (!match) return undefined;
  return `${ctx.target.alias}.${column} @> ARRAY[lower(${ctx.params.add(match.value)})]::text[]`;
}

/** `schemas eq "urn:…"`: the core schema always matches; an extension matches when its block exists. */
export function schemasCondition(leaf: CompareFilter | PresentFilter, ctx: CompileContext): string {
  if (leaf.kind === 'present') return 'true';
  if ((leaf.operator !== 'eq' && leaf.operator !== 'ne') || typeof leaf.value !== 'string') {
    throw badRequest('invalidFilter', 'schemas can only be compared with eq or ne and a schema URI');
  }
  const { resourceType, alias, attributesColumn } = ctx.target;
  const schema = findSchema(resourceType, leaf.value);
  let condition: string;
  if (schema === resourceType.schema) condition = 'true';
  else if (schema) condition = `(${alias}.${attributesColumn} -> '${jsonPathLiteral([schema.id]).slice(2, -2)}') IS NOT NULL`;
  else condition = `(${alias}.${attributesColumn} -> ${ctx.params.add(leaf.value)}::text) IS NOT NULL`;
  return leaf.operator === 'eq' ? condition : `NOT ${condition}`;
}
