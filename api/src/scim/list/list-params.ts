import { SEARCH_REQUEST_URN, badRequest } from '../errors.js';
import type { Filter } from '../filter/ast.js';
import type { SortOrder } from '../filter/compile-sort.js';
import { parseFilter } from '../filter/parser.js';
import { isPlainObject } from '../resources/attribute-values.js';
import { parseProjection, type Projection } from '../resources/projection.js';

export interface ListLimits {
  /** Page size when `count` is absent. */
  defaultCount: number;
  /** The advertised `filter.maxResults`; larger counts are capped to it. */
  maxCount: number;
}

export interface ListParams {
  /** 1-based (RFC 7644 §3.4.2.4). */
  startIndex: number;
  /** 0 asks for totalResults only. */
  count: number;
  filter?: Filter;
  sortBy?: string;
  sortOrder: SortOrder;
  projection: Projection;
}

type Raw = (name: string) => unknown;

/**
 * An integer, clamped to ±(2^53 − 1). Larger ones (`1e23`, `9223372036854775808`, `1e400`, which
 * JSON.parse reads as Infinity) would overflow PostgreSQL's bigint OFFSET; clamped, a huge
 * startIndex still pages past the end and a huge count is capped like any other.
 */
function integer(raw: unknown, name: string): number | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(value) && Math.abs(value) !== Infinity) throw badRequest('invalidValue', `"${name}" must be an integer`);
  return Math.min(Number.MAX_SAFE_INTEGER, Math.max(-Number.MAX_SAFE_INTEGER, value));
}

function text(raw: unknown, name: string): string | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  if (typeof raw !== 'string') throw badRequest('invalidValue', `"${name}" must be a string`);
  return raw;
}

function sortOrder(raw: unknown): SortOrder {
  const value = text(raw, 'sortOrder')?.toLowerCase();
  if (value === undefined || value === 'ascending') return 'ascending';
  if (value === 'descending') return 'descending';
  throw badRequest('invalidValue', '"sortOrder" must be "ascending" or "descending"');
}

function attributeList(raw: unknown, name: string): string | string[] | undefined {
  if (Array.isArray(raw) && raw.every((item) => typeof item === 'string')) return raw;
  return text(raw, name);
}

function parseWith(read: Raw, limits: ListLimits): ListParams {
  // Below 1 reads as 1 and a negative count as 0 (RFC 7644 §3.4.2.4, SCIM-NOTES §1.6).
  const startIndex = Math.max(1, integer(read('startIndex'), 'startIndex') ?? 1);
  const count = Math.min(limits.maxCount, Math.max(0, integer(read('count'), 'count') ?? limits.defaultCount));
  const filterText = text(read('filter'), 'filter');
  const sortBy = text(read('sortBy'), 'sortBy');
  return {
    startIndex,
    count,
    ...(filterText !== undefined && { filter: parseFilter(filterText) }),
    ...(sortBy !== undefined && { sortBy }),
    sortOrder: sortOrder(read('sortOrder')),
    projection: parseProjection(attributeList(read('attributes'), 'attributes'), attributeList(read('excludedAttributes'), 'excludedAttributes')),
  };
}

/**
 * GET list parameters. Names match case-insensitively, and unknown parameters are ignored: Entra
 * puts flags such as `aadOptscim062020` in the tenant URL (SCIM-NOTES §2.1).
 */
export function parseListQuery(query: URLSearchParams, limits: ListLimits): ListParams {
  const read: Raw = (name) => {
    for (const [key, value] of query) if (key.toLowerCase() === name.toLowerCase()) return value;
    return undefined;
  };
  return parseWith(read, limits);
}

/** POST /.search body (RFC 7644 §3.4.3), same semantics as the query; attribute lists are arrays. */
export function parseSearchRequest(body: unknown, limits: ListLimits): ListParams {
  if (!isPlainObject(body)) throw badRequest('invalidSyntax', 'A search request must be a JSON object');
  const read: Raw = (name) => {
    const key = Object.keys(body).find((candidate) => candidate.toLowerCase() === name.toLowerCase());
    return key === undefined ? undefined : body[key];
  };
  const schemas = read('schemas');
  if (!Array.isArray(schemas) || !schemas.some((urn) => typeof urn === 'string' && urn.toLowerCase() === SEARCH_REQUEST_URN.toLowerCase())) {
    throw badRequest('invalidSyntax', `A search request must list "${SEARCH_REQUEST_URN}" in schemas`);
  }
  return parseWith(read, limits);
}
