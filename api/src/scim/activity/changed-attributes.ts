/**
 * The names of the attributes a SCIM write touches, for the activity log: PATCH operation paths
 * (or the keys of a path-less operation's value), the keys of a POST or PUT body. Only names are
 * read, never values, so a password (or any other secret) never reaches the log; value filters
 * inside paths (`emails[type eq "work"].value`) are dropped for the same reason.
 */
const NOT_ATTRIBUTES = new Set(['schemas', 'id', 'meta']);
const MAX_NAMES = 50;
const MAX_NAME_LENGTH = 200;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `emails[type eq "work"].value` → `emails.value`; `members[value eq "…"]` → `members`. */
function pathName(path: string): string {
  return path.replace(/\[[^\]]*\]?/g, '').trim();
}

/** Top-level keys, with an extension's keys named `urn…:key` (RFC 7644 §3.10). */
function keyNames(body: Record<string, unknown>): string[] {
  return Object.entries(body).flatMap(([key, value]) => {
    if (NOT_ATTRIBUTES.has(key.toLowerCase())) return [];
    if (key.toLowerCase().startsWith('urn:') && isObject(value)) return Object.keys(value).map((inner) => `${key}:${inner}`);
    return [key];
  });
}

function patchNames(body: Record<string, unknown>): string[] {
  const operations = body['Operations'] ?? body['operations'];
  if (!Array.isArray(operations)) return [];
  return operations.filter(isObject).flatMap((operation) => {
    const path = operation['path'];
    if (typeof path === 'string' && path.trim()) return [pathName(path)];
    return isObject(operation['value']) ? keyNames(operation['value']) : [];
  });
}

/** Distinct names in first-seen order; null for a request that writes no attributes (GET, DELETE). */
export function changedAttributes(method: string, body: unknown): string[] | null {
  if (!isObject(body)) return null;
  const upper = method.toUpperCase();
  const names = upper === 'PATCH' ? patchNames(body) : upper === 'POST' || upper === 'PUT' ? keyNames(body) : null;
  if (names === null) return null;
  const distinct = [...new Set(names.filter(Boolean).map((name) => name.slice(0, MAX_NAME_LENGTH)))];
  return distinct.slice(0, MAX_NAMES);
}
