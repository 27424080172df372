import type { PatchOperation } from '../../scim/patch/patch-request.js';
import type { NormalizedGroup, NormalizedUser } from '../../scim/resources/normalize.js';
import type { UserWrite } from './directory-user.store.js';

/** A user as a request describes it, before its password is hashed. */
export type UserInput = Omit<UserWrite, 'passwordHash' | 'tokenId'> & { password: string | null };

/** A group as a request describes it; members by id. */
export interface GroupInput {
  attributes: Record<string, unknown>;
  displayName: string;
  externalId: string | null;
  memberIds: string[];
}

/**
 * A PATCH as the edge read it: its operations, or why they could not be read. The service reports
 * an unreadable body only after the resource's 404 and If-Match checks, as RFC 7644 clients expect.
 */
export type PatchInput = readonly PatchOperation[] | { readonly unreadable: unknown };

export function operationsOf(patch: PatchInput): readonly PatchOperation[] {
  if ('unreadable' in patch) throw patch.unreadable;
  return patch;
}

export function userInputFrom(user: NormalizedUser): UserInput {
  const { attributes, userName, externalId, displayName, active, emailValues, password } = user;
  return { attributes, userName, externalId, displayName, active, emailValues, password };
}

export function groupInputFrom(group: NormalizedGroup): GroupInput {
  const { attributes, displayName, externalId, members } = group;
  return { attributes, displayName, externalId, memberIds: members.map((member) => member.value) };
}
