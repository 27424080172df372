import type { Filter } from '../../scim/filter/ast.js';

const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:user';

/**
 * The userName of an IdP's existence check — `filter=userName eq "…"`, the request every IdP
 * sends before each create — or undefined for any other filter. userName is unique per company
 * (case-insensitively), so the answer is one indexed row: no sort and no window count to plan.
 */
export function userNameLookup(filter: Filter | undefined): string | undefined {
  if (filter?.kind !== 'compare' || filter.operator !== 'eq' || typeof filter.value !== 'string') return undefined;
  const { uri, name, subAttribute } = filter.path;
  if (subAttribute !== undefined || name.toLowerCase() !== 'username') return undefined;
  if (uri !== undefined && uri.toLowerCase() !== USER_URN) return undefined;
  return filter.value;
}
