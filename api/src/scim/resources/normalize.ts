import { badRequest } from '../errors.js';
import { assertIndexable } from '../input-limits.js';
import { ENTERPRISE_USER_SCHEMA_URN } from '../schema/enterprise-user-schema.js';
import { GROUP_RESOURCE_TYPE, USER_RESOURCE_TYPE } from '../schema/resource-types.js';
import { isPlainObject, type ScimObject } from './attribute-values.js';
import { shapeResource } from './resource-shape.js';

export interface NormalizedUser {
  /** The canonical resource to store in `directory_user.attributes` (no id, meta, groups or password). */
  attributes: ScimObject;
  userName: string;
  externalId: string | null;
  displayName: string | null;
  /** null when unassigned, which only a PATCH can leave it (see normalizeUserInput). */
  active: boolean | null;
  /** Plain text as sent (Okta sends one on create, SCIM-NOTES §3.2); the caller hashes or ignores it. */
  password: string | null;
  /** Lower-cased, de-duplicated `emails[].value`, for `directory_user.email_values`. */
  emailValues: string[];
  /** Keys that named no known attribute and were dropped. */
  ignoredAttributes: string[];
}

export interface GroupMemberInput {
  value: string;
  type?: 'User' | 'Group';
}

export interface NormalizedGroup {
  /** The canonical resource to store in `directory_group.attributes` (members are stored separately). */
  attributes: ScimObject;
  displayName: string;
  externalId: string | null;
  members: GroupMemberInput[];
  ignoredAttributes: string[];
}

function requiredString(resource: ScimObject, name: string, resourceName: string): string {
  const value = resource[name];
  if (typeof value !== 'string' || value.trim() === '') {
    throw badRequest('invalidValue', `${resourceName} attribute "${name}" is required`);
  }
  return value;
}

function optionalString(resource: ScimObject, name: string): string | null {
  const value = resource[name];
  return typeof value === 'string' ? value : null;
}

function emailValues(resource: ScimObject): string[] {
  const emails = Array.isArray(resource.emails) ? resource.emails : [];
  const values = emails.flatMap((email) => (isPlainObject(email) && typeof email.value === 'string' ? [email.value.toLowerCase()] : []));
  return [...new Set(values)];
}

/**
 * POST/PUT /Users bodies and PATCH results. Any attribute-name case in, schema case out.
 * `active` absent from a POST or PUT body defaults to true (RFC 7643 §4.1.1 leaves it to the
 * provider). A PATCH result keeps it unassigned instead: applying the default there turned a
 * suspended user back on when a client removed `active` (RFC 7644 §3.5.2.2).
 */
export function normalizeUserInput(body: unknown, { patched = false } = {}): NormalizedUser {
  const { resource, ignored } = shapeResource(USER_RESOURCE_TYPE, body);
  const userName = requiredString(resource, 'userName', 'User');
  const password = optionalString(resource, 'password');
  delete resource.password;
  if (resource.active === undefined && !patched) resource.active = true;
  const user: NormalizedUser = {
    attributes: resource,
    userName,
    externalId: optionalString(resource, 'externalId'),
    displayName: optionalString(resource, 'displayName'),
    active: typeof resource.active === 'boolean' ? resource.active : null,
    password,
    emailValues: emailValues(resource),
    ignoredAttributes: ignored,
  };
  assertUserIndexable(user);
  return user;
}

/** The values that land in indexed columns, the manager's id included (it has an expression index). */
function assertUserIndexable(user: NormalizedUser): void {
  assertIndexable('userName', user.userName);
  assertIndexable('externalId', user.externalId);
  assertIndexable('displayName', user.displayName);
  for (const value of user.emailValues) assertIndexable('emails.value', value);
  const enterprise = user.attributes[ENTERPRISE_USER_SCHEMA_URN];
  const manager = isPlainObject(enterprise) ? enterprise.manager : undefined;
  if (isPlainObject(manager) && typeof manager.value === 'string') assertIndexable('manager.value', manager.value);
}

const MEMBER_TYPES = { user: 'User', group: 'Group' } as const;

/** One `members` element: `{value, type?, $ref?, display?}`; `"$ref": null` comes from Entra (SCIM-NOTES §1.3). */
export function parseMemberValue(raw: unknown, label: string): GroupMemberInput {
  const item = typeof raw === 'string' ? { value: raw } : raw;
  if (!isPlainObject(item)) throw badRequest('invalidValue', `${label} must be an object with a "value"`);
  const entries = Object.entries(item).map(([key, value]) => [key.toLowerCase(), value] as const);
  const fields = Object.fromEntries(entries);
  if (typeof fields.value !== 'string' || fields.value.trim() === '') {
    throw badRequest('invalidValue', `${label}.value must be a non-empty string`);
  }
  if (fields.type === undefined || fields.type === null) return { value: fields.value };
  const type = typeof fields.type === 'string' ? MEMBER_TYPES[fields.type.toLowerCase() as keyof typeof MEMBER_TYPES] : undefined;
  if (!type) throw badRequest('invalidValue', `${label}.type must be "User" or "Group"`);
  return { value: fields.value, type };
}

/** A `members` array (or null) into de-duplicated member references, in order. */
export function parseMemberList(raw: unknown, label = 'members'): GroupMemberInput[] {
  if (raw === null || raw === undefined) return [];
  const items = Array.isArray(raw) ? raw : [raw];
  const seen = new Set<string>();
  const members: GroupMemberInput[] = [];
  items.forEach((item, index) => {
    const member = parseMemberValue(item, `${label}[${index}]`);
    if (seen.has(member.value)) return;
    seen.add(member.value);
    members.push(member);
  });
  return members;
}

/** POST/PUT /Groups bodies. `members` is detached: it lives in its own table. */
export function normalizeGroupInput(body: unknown): NormalizedGroup {
  const { resource, ignored } = shapeResource(GROUP_RESOURCE_TYPE, body);
  delete resource.members;
  const membersKey = isPlainObject(body) ? Object.keys(body).find((key) => key.toLowerCase() === 'members') : undefined;
  const members = membersKey && isPlainObject(body) ? parseMemberList(body[membersKey]) : [];
  const group: NormalizedGroup = {
    attributes: resource,
    displayName: requiredString(resource, 'displayName', 'Group'),
    externalId: optionalString(resource, 'externalId'),
    members,
    ignoredAttributes: ignored,
  };
  assertIndexable('displayName', group.displayName);
  assertIndexable('externalId', group.externalId);
  return group;
}
