/** The SCIM filter AST (RFC 7644 §3.4.2.2). Produced by parser.ts, consumed by to-sql.ts and PATCH. */

/** `urn:…:User:name.givenName` → { uri: 'urn:…:User', name: 'name', subAttribute: 'givenName' }. */
export interface AttributePath {
  uri?: string;
  name: string;
  subAttribute?: string;
}

export type CompareOperator = 'eq' | 'ne' | 'co' | 'sw' | 'ew' | 'gt' | 'ge' | 'lt' | 'le';

export type CompareValue = string | number | boolean | null;

export interface CompareFilter {
  kind: 'compare';
  path: AttributePath;
  operator: CompareOperator;
  value: CompareValue;
}

export interface PresentFilter {
  kind: 'present';
  path: AttributePath;
}

export interface LogicalFilter {
  kind: 'and' | 'or';
  left: Filter;
  right: Filter;
}

export interface NotFilter {
  kind: 'not';
  filter: Filter;
}

/** `emails[type eq "work"]`: inner paths are relative to the multi-valued attribute's elements. */
export interface ValuePathFilter {
  kind: 'valuePath';
  path: AttributePath;
  filter: Filter;
}

export type Filter = CompareFilter | PresentFilter | LogicalFilter | NotFilter | ValuePathFilter;

/** A PATCH path (RFC 7644 §3.5.2): `attr`, `attr.sub`, `attr[filter]`, `attr[filter].sub`. */
export interface PatchPath {
  path: AttributePath;
  valueFilter?: Filter;
  /** The sub-attribute after `]`, as in `emails[type eq "work"].value`. */
  subAttribute?: string;
}

export function formatAttributePath(path: AttributePath): string {
  const base = path.uri ? `${path.uri}:${path.name}` : path.name;
  return path.subAttribute ? `${base}.${path.subAttribute}` : base;
}
