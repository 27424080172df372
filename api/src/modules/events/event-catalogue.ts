/** Every event type, with its wire name (GraphQL enum `DirectoryEventType` lists the same). */
export const DIRECTORY_EVENT_TYPES = [
  'user.created',
  'user.updated',
  'user.deactivated',
  'user.reactivated',
  'user.deleted',
  'group.created',
  'group.updated',
  'group.deleted',
  'group.member_added',
  'group.member_removed',
  'scim.activated',
  'scim.deactivated',
  'bulk_delete.started',
  'bulk_delete.finished',
  'deprovisioning_guard.tripped',
  'deprovisioning_guard.released',
  'deprovisioning_guard.updated',
  'scim_token.created',
  'scim_token.rotated',
  'scim_token.revoked',
  'scim_token.expired',
  'deprovisioning_policy.updated',
] as const;

export type DirectoryEventType = (typeof DIRECTORY_EVENT_TYPES)[number];

export const isDirectoryEventType = (value: string): value is DirectoryEventType =>
  (DIRECTORY_EVENT_TYPES as readonly string[]).includes(value);

/** The GraphQL enum value of a wire name: `group.member_added` → `GROUP_MEMBER_ADDED`. */
export const enumNameOf = (type: DirectoryEventType) => type.replace('.', '_').toUpperCase();
