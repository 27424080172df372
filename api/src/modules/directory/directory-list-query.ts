import { sql, type SqlFragment } from '../../db/sql-tag.js';
import { compileSort } from '../../scim/filter/compile-sort.js';
import { groupFilterTarget, userFilterTarget } from '../../scim/filter/filter-target.js';
import { parseFilter } from '../../scim/filter/parser.js';
import { compileFilter } from '../../scim/filter/to-sql.js';
import type { ListParams } from '../../scim/list/list-params.js';
import { isAttributeReturned } from '../../scim/resources/projection.js';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from '../../scim/schema/resource-types.js';

/** A parsed list request: paging, sorting, filter and projection. */
export type ListQuery = ListParams;

const USER_TARGET = userFilterTarget('u');
const GROUP_TARGET = groupFilterTarget('g');

const MARKER = /\uE000(\d+)\uE000/;

/**
 * The compiled filter as a fragment carrying its values. `scim/` stays free of the app's SQL
 * layer, so its compiler marks each value's place in the text (its own text comes from schema
 * definitions only and never holds the private-use marker); the values then go where their
 * markers are, whatever order the compiler bound them in (the email prefilter binds late).
 */
function toFragment(filter: NonNullable<ListQuery['filter']>, target: typeof USER_TARGET): SqlFragment {
  const bound: unknown[] = [];
  const marked = compileFilter(filter, target, { add: (value) => `\uE000${bound.push(value) - 1}\uE000` });
  // split with a capturing group alternates text and marker index: text, index, text, …
  const pieces = marked.split(MARKER);
  return sql.join(pieces.map((piece, i) => (i % 2 === 0 ? sql.raw(piece) : sql`${bound[Number(piece)]}`)), '');
}

/**
 * totalResults of a page: the window count its rows carry. An empty first page means no match
 * at all (an IdP's lookup of a resource it has yet to create), so only an empty later page or
 * count=0 needs the separate count.
 */
export async function pageTotal(
  rows: readonly { total: string }[], page: { offset: number; count: number }, count: () => Promise<number>,
): Promise<number> {
  if (rows[0]) return Number(rows[0].total);
  return page.offset === 0 && page.count > 0 ? 0 : count();
}

/** A SCIM filter expression as a WHERE fragment over `u` (users) or `g` (groups). */
export function compileFilterText(kind: 'User' | 'Group', text: string): SqlFragment {
  return toFragment(parseFilter(text), kind === 'User' ? USER_TARGET : GROUP_TARGET);
}

const MATCH_ALL = sql.raw('true');

/** Compiles filter, sort and paging into SQL pieces over the directory tables. */
export function compileListQuery(kind: 'User' | 'Group', query: ListQuery, maxResults: number) {
  const target = kind === 'User' ? USER_TARGET : GROUP_TARGET;
  const resourceType = kind === 'User' ? USER_RESOURCE_TYPE : GROUP_RESOURCE_TYPE;
  return {
    where: query.filter ? toFragment(query.filter, target) : MATCH_ALL,
    // Column names and directions from the schema, never the request's text.
    orderBy: sql.raw(compileSort(query.sortBy, query.sortOrder, target)),
    offset: Math.max(0, query.startIndex - 1),
    count: Math.min(query.count, maxResults),
    includeRelations: isAttributeReturned(resourceType, query.projection, kind === 'User' ? 'groups' : 'members'),
  };
}
