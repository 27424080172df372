type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * The attributes of a SCIM resource as `path → text` rows, for the ones a detail page does not
 * lay out itself: nested objects become `manager.displayName`, extension URNs stay as prefixes
 * (`urn:…:enterprise:2.0:User.department`), and multi-valued attributes are numbered.
 */
export function flattenAttributes(resource: unknown, skip: readonly string[]): [string, string][] {
  if (!resource || typeof resource !== 'object' || Array.isArray(resource)) return [];
  const rows: [string, string][] = [];
  for (const [key, value] of Object.entries(resource as Record<string, Json>)) {
    if (!skip.includes(key)) flatten(key, value, rows);
  }
  return rows;
}

function flatten(path: string, value: Json, rows: [string, string][]): void {
  if (value === null) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => flatten(value.length === 1 ? path : `${path}[${index + 1}]`, item, rows));
    return;
  }
  if (typeof value === 'object') {
    for (const [key, nested] of Object.entries(value)) flatten(`${path}.${key}`, nested, rows);
    return;
  }
  rows.push([path, String(value)]);
}
