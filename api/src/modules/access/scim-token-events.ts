import type { EventSource } from '../events/event-source.js';
import type { WrittenEvent } from '../events/event-writer.js';
import type { ScimToken } from './scim-token.entity.js';

type TokenEventType = 'scim_token.created' | 'scim_token.rotated' | 'scim_token.revoked';

/** A token as events show it: never its secret, prefix or hash. */
export const tokenEventData = (token: ScimToken) => ({
  id: token.id,
  label: token.label,
  createdAt: token.createdAt.toISOString(),
  expiresAt: token.expiresAt?.toISOString() ?? null,
  revokedAt: token.revokedAt?.toISOString() ?? null,
  rotatedFromId: token.rotatedFrom?.id ?? null,
});

export function tokenEvent(type: TokenEventType, companyId: string, token: ScimToken, source: EventSource | null, extra: Record<string, unknown> = {}): WrittenEvent {
  return { companyId, type, resourceType: 'ScimToken', resourceId: token.id, source, data: { ...tokenEventData(token), ...extra } };
}

/** A token the expiry check found expired, as its SQL reads it. */
export interface ExpiredTokenRow {
  id: string;
  companyId: string;
  label: string;
  createdAt: Date | string;
  expiresAt: Date | string;
  revokedAt: Date | string | null;
  rotatedFromId: string | null;
  successorId: string | null;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** Roster itself noticed it: the source is `system`. */
export function expiredTokenEvent(row: ExpiredTokenRow): WrittenEvent {
  return {
    companyId: row.companyId, type: 'scim_token.expired', resourceType: 'ScimToken', resourceId: row.id, source: 'system',
    data: {
      id: row.id, label: row.label, createdAt: iso(row.createdAt), expiresAt: iso(row.expiresAt), revokedAt: iso(row.revokedAt),
      rotatedFromId: row.rotatedFromId, successorId: row.successorId,
    },
  };
}
