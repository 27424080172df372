import { groupPath, userPath } from '../scim2/scim2-routes.js';

/** The activity tab's filters, as they appear in its URL (and in the export's). */
export interface ActivityFilterValues {
  /** '' all, 'ok' 2xx/3xx, 'failed' failures, or a status code such as '409'. */
  outcome: string;
  operation: string;
  tokenId: string;
  resourceId: string;
  /** datetime-local text (the browser's time zone), '' for open-ended. */
  since: string;
  until: string;
}

export const FILTER_NAMES = ['outcome', 'operation', 'tokenId', 'resourceId', 'since', 'until'] as const;

const OK_STATUSES = [200, 201, 204, 304];

export function filtersFromSearch(search: URLSearchParams): ActivityFilterValues {
  const get = (name: string) => search.get(name) ?? '';
  return { outcome: get('outcome'), operation: get('operation'), tokenId: get('tokenId'), resourceId: get('resourceId'), since: get('since'), until: get('until') };
}

export function searchFromFilters(filters: ActivityFilterValues): URLSearchParams {
  const search = new URLSearchParams();
  for (const name of FILTER_NAMES) if (filters[name]) search.set(name, filters[name]);
  return search;
}

const instant = (local: string) => {
  if (!local) return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
};

/** The recentActivity arguments for these filters. */
export function queryVariables(filters: ActivityFilterValues) {
  const code = /^\d{3}$/.test(filters.outcome) ? Number(filters.outcome) : undefined;
  return {
    failuresOnly: filters.outcome === 'failed' ? true : undefined,
    status: filters.outcome === 'ok' ? OK_STATUSES : code !== undefined ? [code] : undefined,
    operation: filters.operation || undefined,
    tokenId: filters.tokenId || undefined,
    resourceId: filters.resourceId.trim() || undefined,
    since: instant(filters.since),
    until: instant(filters.until),
  };
}

/** /export/activity.csv with the same filters as the list. */
export function exportHref(filters: ActivityFilterValues): string {
  const variables = queryVariables(filters);
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(variables)) {
    if (value === undefined) continue;
    search.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  const query = search.toString();
  return `/export/activity.csv${query ? `?${query}` : ''}`;
}

export const OPERATIONS = [
  'Create User', 'Get User', 'List Users', 'Search Users', 'Replace User', 'Update User', 'Delete User',
  'Create Group', 'Get Group', 'List Groups', 'Search Groups', 'Replace Group', 'Update Group', 'Delete Group',
  'Bulk', 'Search',
];

/** Where a resource of an event is shown in the directory tabs. */
export function resourcePath(resourceType: string | null, resourceId: string | null): string | undefined {
  if (!resourceId) return undefined;
  if (resourceType === 'User') return userPath(resourceId);
  if (resourceType === 'Group') return groupPath(resourceId);
  return undefined;
}
