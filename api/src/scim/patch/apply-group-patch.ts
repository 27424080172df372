import { badRequest } from '../errors.js';
import type { Filter } from '../filter/ast.js';
import { isPlainObject, type ScimObject } from '../resources/attribute-values.js';
import { parseMemberList } from '../resources/normalize.js';
import { GROUP_RESOURCE_TYPE } from '../schema/resource-types.js';
import { applyOperation, assertRequiredPresent, resolvePatchTarget } from './apply-patch.js';
import type { PatchOperation } from './patch-request.js';

/** Membership edits, in request order, for the caller to apply to the membership table. */
export type MemberChange =
  | { kind: 'add'; ids: string[] }
  | { kind: 'remove'; ids: string[] }
  | { kind: 'removeAll' }
  | { kind: 'replace'; ids: string[] };

export interface GroupPatchResult {
  resource: ScimObject;
  memberChanges: MemberChange[];
}

const ids = (raw: unknown) => parseMemberList(raw).map((member) => member.value);

/** `value eq "a"` or `value eq "a" or value eq "b"`: the only member filters answerable without loading members. */
function filteredIds(filter: Filter): string[] {
  if (filter.kind === 'or') return [...filteredIds(filter.left), ...filteredIds(filter.right)];
  if (filter.kind === 'compare' && filter.operator === 'eq' && typeof filter.value === 'string' && filter.path.name.toLowerCase() === 'value' && !filter.path.subAttribute) {
    return [filter.value];
  }
  throw badRequest('invalidFilter', 'Member filters must be value eq "<id>" (optionally joined with or)');
}

function memberChange(op: PatchOperation, filter: Filter | undefined, subAttribute: string | undefined): MemberChange | undefined {
  if (filter) {
    // `members[value eq "id"].display` edits nothing we store: display is derived from the member.
    if (subAttribute !== undefined) return undefined;
    const listed = filteredIds(filter);
    return op.op === 'remove' ? { kind: 'remove', ids: listed } : { kind: 'add', ids: listed };
  }
  if (op.op === 'replace') return { kind: 'replace', ids: ids(op.value) };
  if (op.op === 'add') return { kind: 'add', ids: ids(op.value) };
  // Entra/Okta remove with a value list removes only those members, not all (SCIM-NOTES §1.8, directory-scimple#436).
  if (op.value === undefined || op.value === null) return { kind: 'removeAll' };
  return { kind: 'remove', ids: ids(op.value) };
}

function isMembersPath(path: string): { filter?: Filter; subAttribute?: string } | undefined {
  const { parsed, resolved } = resolvePatchTarget(GROUP_RESOURCE_TYPE, path);
  if (resolved?.kind !== 'attribute' || resolved.attribute.name !== 'members') return undefined;
  if (resolved.subAttribute) throw badRequest('invalidPath', `"${path}" cannot be patched; patch "members" instead`);
  return { ...(parsed.valueFilter && { filter: parsed.valueFilter }), ...(parsed.subAttribute !== undefined && { subAttribute: parsed.subAttribute }) };
}

/** Splits a no-path value into its `members` part and the rest (Okta/validator no-path replace). */
function splitMembers(value: unknown): { members?: unknown; rest: ScimObject | undefined } {
  if (!isPlainObject(value)) return { rest: undefined };
  const key = Object.keys(value).find((candidate) => candidate.toLowerCase() === 'members');
  if (key === undefined) return { rest: value };
  const { [key]: members, ...rest } = value;
  return { members, rest };
}

function record(changes: MemberChange[], change: MemberChange | undefined): void {
  if (!change || (change.kind === 'add' && change.ids.length === 0) || (change.kind === 'remove' && change.ids.length === 0)) return;
  changes.push(change);
}

/**
 * PATCH for Groups. `members` is detached: membership operations become `memberChanges` (never
 * needing the current member list) and everything else is applied to the resource, atomically.
 */
export function applyGroupPatch(resource: ScimObject, operations: readonly PatchOperation[]): GroupPatchResult {
  const working = structuredClone(resource);
  const memberChanges: MemberChange[] = [];
  for (const operation of operations) {
    const target = operation.path === undefined ? undefined : isMembersPath(operation.path);
    if (target) {
      record(memberChanges, memberChange(operation, target.filter, target.subAttribute));
      continue;
    }
    if (operation.path !== undefined || operation.op === 'remove') {
      applyOperation(working, GROUP_RESOURCE_TYPE, operation);
      continue;
    }
    const { members, rest } = splitMembers(operation.value);
    if (members !== undefined) record(memberChanges, memberChange({ op: operation.op, path: 'members', value: members }, undefined, undefined));
    if (rest === undefined || Object.keys(rest).length > 0 || members === undefined) applyOperation(working, GROUP_RESOURCE_TYPE, { ...operation, value: rest ?? operation.value });
  }
  delete working.members;
  assertRequiredPresent(working, GROUP_RESOURCE_TYPE);
  return { resource: working, memberChanges };
}

/**
 * The membership edits of a PATCH whose every operation targets `members` (what IdPs send to
 * push group membership), or undefined when any operation edits another attribute. Such a PATCH
 * leaves the stored resource as it is, so it can be applied without reading the group.
 */
export function memberOnlyChanges(operations: readonly PatchOperation[]): MemberChange[] | undefined {
  const memberChanges: MemberChange[] = [];
  for (const operation of operations) {
    const target = operation.path === undefined ? undefined : isMembersPath(operation.path);
    if (!target) return undefined;
    record(memberChanges, memberChange(operation, target.filter, target.subAttribute));
  }
  return memberChanges;
}
