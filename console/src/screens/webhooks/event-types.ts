import type { DirectoryEventType } from '../../gql/graphql.js';

/**
 * The fixed event catalogue by its wire names (as receivers see them in `type`). A Record, so a
 * type added to the schema fails the typecheck here until the console offers it.
 */
const WIRE_NAMES: Record<DirectoryEventType, string> = {
  USER_CREATED: 'user.created',
  USER_UPDATED: 'user.updated',
  USER_DEACTIVATED: 'user.deactivated',
  USER_REACTIVATED: 'user.reactivated',
  USER_DELETED: 'user.deleted',
  GROUP_CREATED: 'group.created',
  GROUP_UPDATED: 'group.updated',
  GROUP_DELETED: 'group.deleted',
  GROUP_MEMBER_ADDED: 'group.member_added',
  GROUP_MEMBER_REMOVED: 'group.member_removed',
  SCIM_ACTIVATED: 'scim.activated',
  SCIM_DEACTIVATED: 'scim.deactivated',
  BULK_DELETE_STARTED: 'bulk_delete.started',
  BULK_DELETE_FINISHED: 'bulk_delete.finished',
  DEPROVISIONING_GUARD_TRIPPED: 'deprovisioning_guard.tripped',
  DEPROVISIONING_GUARD_RELEASED: 'deprovisioning_guard.released',
  DEPROVISIONING_GUARD_UPDATED: 'deprovisioning_guard.updated',
  SCIM_TOKEN_CREATED: 'scim_token.created',
  SCIM_TOKEN_ROTATED: 'scim_token.rotated',
  SCIM_TOKEN_REVOKED: 'scim_token.revoked',
  SCIM_TOKEN_EXPIRED: 'scim_token.expired',
  DEPROVISIONING_POLICY_UPDATED: 'deprovisioning_policy.updated',
};

export const DIRECTORY_EVENT_TYPES = Object.keys(WIRE_NAMES) as DirectoryEventType[];

export const wireName = (type: DirectoryEventType) => WIRE_NAMES[type];

/** "All events", or the wire names of the chosen ones. */
export function describeEventTypes(types: readonly DirectoryEventType[] | null | undefined): string {
  return types?.length ? types.map(wireName).join(', ') : 'All events';
}
