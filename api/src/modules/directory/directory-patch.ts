import { applyGroupPatch, memberOnlyChanges, type MemberChange } from '../../scim/patch/apply-group-patch.js';
import { applyPatch } from '../../scim/patch/apply-patch.js';
import { normalizeGroupInput, normalizeUserInput } from '../../scim/resources/normalize.js';
import { overlayPromoted, promotedUserColumns } from '../../scim/resources/serialize.js';
import { USER_RESOURCE_TYPE } from '../../scim/schema/resource-types.js';
import type { GroupRow } from './directory-group.store.js';
import { operationsOf, userInputFrom, type PatchInput, type UserInput } from './directory-input.js';
import type { UserRow } from './directory-user.store.js';

export type { MemberChange };

/** PATCH starts from the user as served (columns over `attributes`), so it edits what the client saw. */
export function patchedUser(current: UserRow, patch: PatchInput): UserInput {
  const served = overlayPromoted({ ...current.attributes }, promotedUserColumns(current));
  const patched = applyPatch(served, operationsOf(patch), { resourceType: USER_RESOURCE_TYPE });
  return userInputFrom(normalizeUserInput(patched, { patched: true }));
}

export function patchedGroup(current: GroupRow, patch: PatchInput) {
  const { resource, memberChanges } = applyGroupPatch(current.attributes, operationsOf(patch));
  const { attributes, displayName, externalId } = normalizeGroupInput(resource);
  return { write: { attributes, displayName, externalId }, changes: memberChanges };
}

/**
 * The member edits of a PATCH that edits only `members`, else undefined. A body it cannot read
 * is undefined too: the full path reports it, after the group's 404 and If-Match checks.
 */
export function memberOnlyPatch(patch: PatchInput): MemberChange[] | undefined {
  if ('unreadable' in patch) return undefined;
  try {
    return memberOnlyChanges(patch);
  } catch {
    return undefined;
  }
}
