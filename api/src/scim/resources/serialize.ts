import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from '../schema/resource-types.js';
import type { ResourceTypeDefinition } from '../schema/schema-types.js';
import { isPlainObject, type ScimObject } from './attribute-values.js';
import { applyProjection, NO_PROJECTION, type Projection } from './projection.js';
import { formatEtag } from '../etag.js';

/** What the service layer loads from `directory_user` (plus, optionally, the user's groups). */
export interface UserRow {
  id: string;
  userName: string;
  externalId: string | null;
  displayName: string | null;
  /** null: unassigned (removed by a PATCH), so left out of the resource. */
  active: boolean | null;
  /** `directory_user.attributes`: the canonical resource from normalizeUserInput / applyPatch. */
  attributes: Record<string, unknown>;
  createdAt: Date | string;
  updatedAt: Date | string;
  version: number;
  /** Direct memberships; leave undefined when not loaded (see isAttributeReturned). */
  groups?: Array<{ value: string; display?: string | null }>;
}

export interface GroupRow {
  id: string;
  displayName: string;
  externalId: string | null;
  attributes: Record<string, unknown>;
  createdAt: Date | string;
  updatedAt: Date | string;
  version: number;
  /** Leave undefined when not loaded; an empty array renders `"members": []` (Entra, SCIM-NOTES §2.4). */
  members?: Array<{ value: string; display?: string | null; type: 'User' | 'Group' }>;
}

export interface SerializeOptions {
  /** The tenant's SCIM base URL without a trailing slash, e.g. `https://host/pp/scim/v2/acme`. */
  baseUrl: string;
  projection?: Projection;
}

function iso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

/** Core schema first, then every extension block present (known or kept verbatim). */
function schemasFor(resourceType: ResourceTypeDefinition, attributes: ScimObject): string[] {
  const extensions = Object.keys(attributes).filter((key) => /^urn:/i.test(key) && isPlainObject(attributes[key]));
  return [resourceType.schema.id, ...extensions];
}

interface Envelope {
  resourceType: ResourceTypeDefinition;
  id: string;
  attributes: ScimObject;
  promoted: ScimObject;
  extra: ScimObject;
  row: { createdAt: Date | string; updatedAt: Date | string; version: number };
  options: SerializeOptions;
}

function envelope({ resourceType, id, attributes, promoted, extra, row, options }: Envelope): ScimObject {
  // A shallow copy: only top-level keys change here, and applyProjection copies before it edits deeper.
  const body = { ...attributes };
  // Never echo a password, even if one slipped into storage (RFC 7643 §4.1.1 returned: never).
  delete body.password;
  overlayPromoted(body, promoted);
  const resource: ScimObject = {
    schemas: schemasFor(resourceType, body),
    id,
    ...body,
    ...extra,
    meta: {
      resourceType: resourceType.name,
      created: iso(row.createdAt),
      lastModified: iso(row.updatedAt),
      location: `${options.baseUrl}${resourceType.endpoint}/${id}`,
      version: formatEtag(row.version),
    },
  };
  return applyProjection(resource, resourceType, options.projection ?? NO_PROJECTION);
}

/** Writes the promoted columns over a copy of `attributes`; a null column means unassigned. */
export function overlayPromoted(body: ScimObject, promoted: ScimObject): ScimObject {
  for (const [key, value] of Object.entries(promoted)) {
    if (value === null || value === undefined) delete body[key];
    else body[key] = value;
  }
  return body;
}

export function promotedUserColumns(row: Pick<UserRow, 'userName' | 'externalId' | 'displayName' | 'active'>): ScimObject {
  return { userName: row.userName, externalId: row.externalId, displayName: row.displayName, active: row.active };
}

/** Columns win over `attributes` for the promoted fields, so a column update is always visible. */
export function serializeUser(row: UserRow, options: SerializeOptions): ScimObject {
  const groups = row.groups?.map((group) => ({
    value: group.value,
    $ref: `${options.baseUrl}/Groups/${group.value}`,
    ...(group.display && { display: group.display }),
    type: 'direct',
  }));
  return envelope({
    resourceType: USER_RESOURCE_TYPE,
    id: row.id,
    attributes: row.attributes,
    promoted: promotedUserColumns(row),
    extra: groups?.length ? { groups } : {},
    row,
    options,
  });
}

export function serializeGroup(row: GroupRow, options: SerializeOptions): ScimObject {
  const members = row.members?.map((member) => ({
    value: member.value,
    $ref: `${options.baseUrl}/${member.type === 'Group' ? 'Groups' : 'Users'}/${member.value}`,
    type: member.type,
    ...(member.display && { display: member.display }),
  }));
  const attributes = { ...row.attributes };
  delete attributes.members;
  return envelope({
    resourceType: GROUP_RESOURCE_TYPE,
    id: row.id,
    attributes,
    promoted: { displayName: row.displayName, externalId: row.externalId },
    extra: members ? { members } : {},
    row,
    options,
  });
}
