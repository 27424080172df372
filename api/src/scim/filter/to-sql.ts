import { badRequest } from '../errors.js';
import { resolvePath, type ResolvedAttribute } from '../schema/attribute-lookup.js';
import type { AttributeDefinition } from '../schema/schema-types.js';
import { formatAttributePath, type CompareFilter, type Filter, type PresentFilter } from './ast.js';
import type { FilterTarget, ParamSink } from './filter-target.js';
import { compileMembership } from './sql-membership.js';
import { compileComparison, compilePresent, type Accessor } from './sql-leaf.js';
import { attributeAccessor, elementAccessor, elementsOf, emailPrefilter, schemasCondition } from './sql-json.js';

export interface CompileContext {
  target: FilterTarget;
  params: ParamSink;
  /** Numbers EXISTS aliases (e1, m2, …) so nested sub-queries never collide. */
  aliasCount: number;
}

function invalid(detail: string): never {
  throw badRequest('invalidFilter', detail);
}

export function resolveForFilter(ctx: CompileContext, filter: { path: CompareFilter['path'] }): ResolvedAttribute {
  const resolved = resolvePath(ctx.target.resourceType, filter.path);
  // An unknown attribute must not silently widen or empty the result (SCIM-NOTES §1.4).
  if (resolved?.kind !== 'attribute') invalid(`Unknown attribute "${formatAttributePath(filter.path)}" in filter`);
  if (resolved.attribute.returned === 'never') invalid(`Attribute "${resolved.attribute.name}" cannot be used in a filter`);
  return resolved;
}

function nextAlias(ctx: CompileContext, prefix: string): string {
  ctx.aliasCount += 1;
  return `${prefix}${ctx.aliasCount}`;
}

/** One comparison or presence test against an accessor, with `ne` and `eq null` folded in. */
export function compileLeaf(leaf: CompareFilter | PresentFilter, accessor: Accessor, def: AttributeDefinition, ctx: CompileContext): string {
  if (leaf.kind === 'present') return compilePresent(accessor);
  if (leaf.value === null) {
    if (leaf.operator === 'eq') return `NOT ${compilePresent(accessor)}`;
    if (leaf.operator === 'ne') return compilePresent(accessor);
    invalid(`Operator '${leaf.operator}' cannot compare with null`);
  }
  // `ne` is "not eq": a resource without the attribute satisfies `title ne "x"`.
  if (leaf.operator === 'ne') return `NOT coalesce(${compileComparison(accessor, def, 'eq', leaf.value, ctx.params)}, false)`;
  return compileComparison(accessor, def, leaf.operator, leaf.value, ctx.params);
}

/** The definition a comparison on a complex attribute without a sub-attribute applies to: its `value`. */
function valueDefinition(attribute: AttributeDefinition, leaf: CompareFilter | PresentFilter): AttributeDefinition | undefined {
  if (attribute.type !== 'complex') return attribute;
  return attribute.subAttributes?.find((sub) => sub.name === 'value') ?? (leaf.kind === 'present' ? attribute : undefined);
}

function compileMultiValued(leaf: CompareFilter | PresentFilter, resolved: ResolvedAttribute, ctx: CompileContext): string {
  const { attribute, subAttribute } = resolved;
  const def = subAttribute ?? valueDefinition(attribute, leaf);
  if (!def) invalid(`Filter on a sub-attribute of "${attribute.name}"`);
  const alias = nextAlias(ctx, 'e');
  const element = elementAccessor(alias, attribute, def === attribute ? undefined : def);
  const where = compileLeaf(leaf, element, def, ctx);
  const exists = `EXISTS (SELECT 1 FROM ${elementsOf(ctx.target, resolved)} AS ${alias}(v) WHERE ${where})`;
  const prefilter = emailPrefilter(ctx, resolved, leaf, def);
  return prefilter ? `(${prefilter} AND ${exists})` : exists;
}

function compileAttribute(leaf: CompareFilter | PresentFilter, ctx: CompileContext): string {
  const resolved = resolveForFilter(ctx, leaf);
  const { attribute, subAttribute, schema } = resolved;
  if (attribute.name === 'schemas') return schemasCondition(leaf, ctx);
  if (attribute.name === ctx.target.membership?.attribute && schema.id === ctx.target.resourceType.schema.id) {
    return compileMembership(leaf, ctx.target, ctx.target.membership, ctx.params, nextAlias(ctx, 'm'));
  }
  if (attribute.mutability === 'readOnly' && attribute.name !== 'id' && attribute.name !== 'meta') {
    invalid(`Attribute "${attribute.name}" cannot be used in a filter`);
  }
  const key = subAttribute ? `${attribute.name}.${subAttribute.name}` : attribute.name;
  const column = resolved.extension ? undefined : ctx.target.columns[key];
  if (column) {
    const accessor: Accessor = { text: `${ctx.target.alias}.${column.column}`, columnType: column.type };
    return compileLeaf(leaf, accessor, subAttribute ?? attribute, ctx);
  }
  if (attribute.name === 'meta') return compileMeta(leaf, resolved, ctx);
  if (attribute.multiValued) return compileMultiValued(leaf, resolved, ctx);
  const def = subAttribute ?? valueDefinition(attribute, leaf);
  if (!def) invalid(`"${attribute.name}" is complex; filter on one of its sub-attributes`);
  return compileLeaf(leaf, attributeAccessor(ctx.target, resolved, def), def, ctx);
}

/** meta.resourceType is implied by the table; other meta members are not stored as data. */
function compileMeta(leaf: CompareFilter | PresentFilter, resolved: ResolvedAttribute, ctx: CompileContext): string {
  if (resolved.subAttribute?.name !== 'resourceType') invalid(`"meta${resolved.subAttribute ? `.${resolved.subAttribute.name}` : ''}" cannot be used in a filter`);
  if (leaf.kind === 'present') return 'true';
  const matches = typeof leaf.value === 'string' && leaf.value === ctx.target.resourceType.name;
  if (leaf.operator === 'eq') return matches ? 'true' : 'false';
  if (leaf.operator === 'ne') return matches ? 'false' : 'true';
  return invalid(`Operator '${leaf.operator}' cannot be used on meta.resourceType`);
}

function compileValuePath(node: Extract<Filter, { kind: 'valuePath' }>, ctx: CompileContext): string {
  const resolved = resolveForFilter(ctx, node);
  const { attribute } = resolved;
  if (attribute.name === ctx.target.membership?.attribute) {
    return compileMembership(node, ctx.target, ctx.target.membership, ctx.params, nextAlias(ctx, 'm'));
  }
  if (!attribute.multiValued || attribute.type !== 'complex') invalid(`"${attribute.name}" is not a multi-valued complex attribute`);
  const alias = nextAlias(ctx, 'e');
  const where = compileElementFilter(node.filter, attribute, alias, ctx);
  const exists = `EXISTS (SELECT 1 FROM ${elementsOf(ctx.target, resolved)} AS ${alias}(v) WHERE ${where})`;
  const prefilter = emailPrefilter(ctx, resolved, node.filter);
  return prefilter ? `(${prefilter} AND ${exists})` : exists;
}

/** The filter inside `attr[…]`: names are sub-attributes of one element. */
function compileElementFilter(filter: Filter, parent: AttributeDefinition, alias: string, ctx: CompileContext): string {
  switch (filter.kind) {
    case 'and':
    case 'or':
      return `(${compileElementFilter(filter.left, parent, alias, ctx)} ${filter.kind.toUpperCase()} ${compileElementFilter(filter.right, parent, alias, ctx)})`;
    case 'not':
      return `NOT coalesce(${compileElementFilter(filter.filter, parent, alias, ctx)}, false)`;
    case 'valuePath':
      return invalid('Value filters cannot be nested');
    default: {
      const sub = filter.path.uri === undefined && filter.path.subAttribute === undefined
        ? parent.subAttributes?.find((candidate) => candidate.name.toLowerCase() === filter.path.name.toLowerCase())
        : undefined;
      if (!sub) invalid(`Unknown sub-attribute "${formatAttributePath(filter.path)}" of "${parent.name}"`);
      return compileLeaf(filter, elementAccessor(alias, parent, sub), sub, ctx);
    }
  }
}

function compileNode(filter: Filter, ctx: CompileContext): string {
  switch (filter.kind) {
    case 'and':
    case 'or':
      return `(${compileNode(filter.left, ctx)} ${filter.kind.toUpperCase()} ${compileNode(filter.right, ctx)})`;
    case 'not':
      // coalesce: a missing attribute yields NULL, and NOT NULL would drop the row.
      return `NOT coalesce(${compileNode(filter.filter, ctx)}, false)`;
    case 'valuePath':
      return compileValuePath(filter, ctx);
    default:
      return compileAttribute(filter, ctx);
  }
}

/**
 * Compiles a parsed filter into a parameterised SQL boolean expression over the target table.
 * Values only ever reach SQL through `params`; attribute paths come from the schema, never the input.
 */
export function compileFilter(filter: Filter, target: FilterTarget, params: ParamSink): string {
  return compileNode(filter, { target, params, aliasCount: 0 });
}
