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

/**
 * The filter compiler may place a value's placeholder before those of values bound earlier (the
 * email prefilter does), so markers are renumbered into `?` in text order for knex.
 */
function toPositional(filter: NonNullable<ListQuery['filter']>, target: typeof USER_TARGET) {
  const bound: unknown[] = [];
  const marked = compileFilter(filter, target, { add: (value) => `\uE000${bound.push(value) - 1}\uE000` });
  const params: unknown[] = [];
  const where = marked.replace(/\uE000(\d+)\uE000/g, (_, index: string) => (params.push(bound[Number(index)]), '?'));
  return { where, params };
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

/** A SCIM filter expression as a WHERE fragment over `u` (users) or `g` (groups), `?` placeholders. */
export function compileFilterText(kind: 'User' | 'Group', text: string): { where: string; params: unknown[] } {
  return toPositional(parseFilter(text), kind === 'User' ? USER_TARGET : GROUP_TARGET);
}

/** Compiles filter, sort and paging into SQL pieces over the directory tables (`?` placeholders). */
export function compileListQuery(kind: 'User' | 'Group', query: ListQuery, maxResults: number) {
  const target = kind === 'User' ? USER_TARGET : GROUP_TARGET;
  const { where, params } = query.filter ? toPositional(query.filter, target) : { where: 'true', params: [] };
  const resourceType = kind === 'User' ? USER_RESOURCE_TYPE : GROUP_RESOURCE_TYPE;
  return {
    where,
    params,
    orderBy: compileSort(query.sortBy, query.sortOrder, target),
    offset: Math.max(0, query.startIndex - 1),
    count: Math.min(query.count, maxResults),
    includeRelations: isAttributeReturned(resourceType, query.projection, kind === 'User' ? 'groups' : 'members'),
  };
}
