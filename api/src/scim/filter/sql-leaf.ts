import { badRequest } from '../errors.js';
import type { AttributeDefinition } from '../schema/schema-types.js';
import type { CompareOperator, CompareValue } from './ast.js';
import type { ParamSink } from './filter-target.js';

/** How to read one value in SQL: as jsonb (for presence) and as text (for comparisons). */
export interface Accessor {
  json?: string;
  text: string;
  /** Set for promoted columns: the SQL type of `text`. */
  columnType?: 'text' | 'uuid' | 'boolean' | 'timestamptz';
}

const ORDER_OPERATORS: Partial<Record<CompareOperator, string>> = { gt: '>', ge: '>=', lt: '<', le: '<=' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

function invalid(detail: string): never {
  throw badRequest('invalidFilter', detail);
}

/** `pr`: assigned and not null, "", [] or {} (RFC 7644 §3.4.2.2). */
export function compilePresent(accessor: Accessor): string {
  if (accessor.json) {
    return `(${accessor.json} IS NOT NULL AND ${accessor.json} NOT IN ('null'::jsonb, '""'::jsonb, '[]'::jsonb, '{}'::jsonb))`;
  }
  if (accessor.columnType === 'text') return `(${accessor.text} IS NOT NULL AND ${accessor.text} <> '')`;
  return `(${accessor.text} IS NOT NULL)`;
}

/** LIKE pattern with the wildcard characters escaped (backslash is PostgreSQL's default LIKE escape). */
export function likePattern(operator: 'co' | 'sw' | 'ew', value: string): string {
  const escaped = value.replace(/[\\%_]/g, (char) => `\\${char}`);
  return operator === 'sw' ? `${escaped}%` : operator === 'ew' ? `%${escaped}` : `%${escaped}%`;
}

function compileString(accessor: Accessor, def: AttributeDefinition, operator: CompareOperator, value: string, params: ParamSink): string {
  const text = accessor.columnType === 'uuid' ? `${accessor.text}::text` : accessor.text;
  if (operator === 'co' || operator === 'sw' || operator === 'ew') {
    return `${text} ${def.caseExact ? 'LIKE' : 'ILIKE'} ${params.add(likePattern(operator, value))}`;
  }
  const sqlOperator = operator === 'eq' ? '=' : (ORDER_OPERATORS[operator] as string);
  if (def.caseExact) return `${text} ${sqlOperator} ${params.add(value)}`;
  // lower() on both sides so the lower(user_name) / lower(display_name) indexes apply.
  return `lower(${text}) ${sqlOperator} lower(${params.add(value)})`;
}

function compileUuidEq(accessor: Accessor, value: string, params: ParamSink): string {
  // A non-uuid can never match, and casting it would make PostgreSQL raise an error.
  return isUuid(value) ? `${accessor.text} = ${params.add(value)}::uuid` : 'false';
}

function compileBoolean(accessor: Accessor, def: AttributeDefinition, operator: CompareOperator, value: CompareValue): string {
  if (operator !== 'eq') invalid(`Operator '${operator}' cannot be used on boolean attribute "${def.name}"`);
  // Entra writes booleans as "True"/"False" strings, also in filters (SCIM-NOTES §1.4).
  const flag = typeof value === 'string' ? value.toLowerCase() : value;
  if (flag !== true && flag !== false && flag !== 'true' && flag !== 'false') {
    invalid(`Attribute "${def.name}" is boolean; compare it with true or false`);
  }
  const literal = flag === true || flag === 'true' ? 'true' : 'false';
  return accessor.columnType ? `${accessor.text} = ${literal}` : `${accessor.json ?? accessor.text} = '${literal}'::jsonb`;
}

/**
 * Date.parse accepts what PostgreSQL does not ("1", years before 4713 BC), so the value goes
 * out as the ISO form of what Date.parse read, within the years both agree on.
 */
function isoDateTime(value: CompareValue, def: AttributeDefinition): string {
  const time = typeof value === 'string' ? Date.parse(value) : NaN;
  const year = new Date(time).getUTCFullYear();
  if (Number.isNaN(time) || year < 1 || year > 9999) invalid(`Attribute "${def.name}" compares with a dateTime string (years 1–9999)`);
  return new Date(time).toISOString();
}

function compileOrdered(accessor: Accessor, def: AttributeDefinition, operator: CompareOperator, value: CompareValue, params: ParamSink): string {
  const sqlOperator = operator === 'eq' ? '=' : ORDER_OPERATORS[operator];
  if (!sqlOperator) invalid(`Operator '${operator}' cannot be used on ${def.type} attribute "${def.name}"`);
  if (def.type === 'dateTime') {
    const column = accessor.columnType === 'timestamptz' ? accessor.text : `(${accessor.text})::timestamptz`;
    return `${column} ${sqlOperator} ${params.add(isoDateTime(value, def))}::timestamptz`;
  }
  if (typeof value !== 'number') invalid(`Attribute "${def.name}" compares with a number`);
  return `(${accessor.text})::numeric ${sqlOperator} ${params.add(value)}::numeric`;
}

/** The positive form of one comparison; `ne` is compiled by the caller as NOT eq. */
export function compileComparison(
  accessor: Accessor,
  def: AttributeDefinition,
  operator: Exclude<CompareOperator, 'ne'>,
  value: CompareValue,
  params: ParamSink,
): string {
  if (def.type === 'boolean') return compileBoolean(accessor, def, operator, value);
  if (def.type === 'dateTime' || def.type === 'integer' || def.type === 'decimal') {
    return compileOrdered(accessor, def, operator, value, params);
  }
  if (def.type === 'binary' && operator !== 'eq') invalid(`Operator '${operator}' cannot be used on binary attribute "${def.name}"`);
  if (typeof value !== 'string' && typeof value !== 'number') invalid(`Attribute "${def.name}" compares with a string`);
  const text = String(value);
  if (accessor.columnType === 'uuid' && operator === 'eq') return compileUuidEq(accessor, text, params);
  return compileString(accessor, def, operator, text, params);
}
