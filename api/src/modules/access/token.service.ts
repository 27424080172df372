import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Sql } from '../../db/sql.js';
import { sql } from '../../db/sql-tag.js';
import { DomainError, assertFound } from '../../domain/domain-error.js';
import { AuditEntry } from '../companies/audit-entry.entity.js';
import { ApiToken } from './api-token.entity.js';
import { isPermission, type Permission } from './permissions.js';
import type { Principal } from './principal.js';
import type { ForgetScimCallers } from './scim-caller-cache.js';
import type { EventSource } from '../events/event-source.js';
import { writeEventsStatement } from '../events/event-writer.js';
import { ScimToken } from './scim-token.entity.js';
import { tokenEvent, tokenEventData } from './scim-token-events.js';
import { generateToken, hashToken } from './secrets.js';
import { expiryDate, graceEnd, successorExpiry, warningHorizon, type ScimTokenExpiry } from './scim-token-lifecycle.js';

const MAX_LABEL_LENGTH = 100;

function assertLabel(label: string): string {
  const trimmed = label.trim();
  if (!trimmed || trimmed.length > MAX_LABEL_LENGTH) {
    throw new DomainError('INVALID_INPUT', `A token label needs 1–${MAX_LABEL_LENGTH} characters`);
  }
  return trimmed;
}

export function createTokenService({ em, sql: db, forgetScimCallers }: { em: EntityManager; sql: Sql; forgetScimCallers: ForgetScimCallers }) {
  function newScimToken(tx: EntityManager, companyId: string, label: string, actor: string, expiresAt: Date | null, rotatedFrom?: ScimToken) {
    const token = generateToken('scim');
    const row = tx.create(ScimToken, {
      company: companyId, label, prefix: token.prefix, tokenHash: token.hash, createdBy: actor, expiresAt, rotatedFrom,
    });
    return { token: row, secret: token.secret };
  }

  /** The token, its audit entry and its event commit together (`source`: who asked; see event-source.ts). */
  async function createScimToken(companyId: string, label: string, actor: string, expiry: ScimTokenExpiry = 'NEVER', source: EventSource | null = null) {
    const expiresAt = expiryDate(expiry, new Date());
    const checked = assertLabel(label);
    return em.transactional(async (tx) => {
      const created = newScimToken(tx, companyId, checked, actor, expiresAt);
      tx.create(AuditEntry, {
        company: companyId, actor, action: 'scim-token.created', detail: { label: created.token.label, expiresAt: expiresAt?.toISOString() ?? null },
      });
      await tx.flush();
      await tx.execute(...writeEventsStatement([tokenEvent('scim_token.created', companyId, created.token, source)]));
      return created;
    });
  }

  /**
   * A successor with the same label (and lifetime); the old token keeps working for the grace
   * period, or until revoked, so the IdP can be switched over without a gap. One event, about the
   * old token (its new end), naming the successor.
   */
  async function rotateScimToken(companyId: string, tokenId: string, graceDays: number, actor: string, source: EventSource | null = null) {
    const created = await em.transactional(async (tx) => {
      const old = assertFound(
        await tx.findOne(ScimToken, { id: tokenId, company: companyId }, { lockMode: LockMode.PESSIMISTIC_WRITE }), 'TOKEN_NOT_FOUND', 'SCIM token not found');
      const now = new Date();
      if (old.revokedAt || (old.expiresAt && old.expiresAt <= now)) {
        throw new DomainError('TOKEN_NOT_ROTATABLE', 'A revoked or expired token cannot be rotated; create a new token instead');
      }
      if (await tx.count(ScimToken, { company: companyId, rotatedFrom: [companyId, old.id] })) {
        throw new DomainError('TOKEN_NOT_ROTATABLE', 'This token has been rotated already; rotate its successor instead');
      }
      const retiresAt = graceEnd(graceDays, old.expiresAt ?? null, now);
      const successor = newScimToken(tx, companyId, old.label, actor, successorExpiry(old.createdAt, old.expiresAt ?? null, now), old);
      old.expiresAt = retiresAt;
      tx.create(AuditEntry, {
        company: companyId, actor, action: 'scim-token.rotated',
        detail: { label: old.label, graceDays, oldTokenExpiresAt: retiresAt.toISOString() },
      });
      await tx.flush();
      const event = tokenEvent('scim_token.rotated', companyId, old, source, { graceDays, successor: tokenEventData(successor.token) });
      await tx.execute(...writeEventsStatement([event]));
      return successor;
    });
    // The old token's new expiry: this process at once, other processes on the trigger's notification.
    forgetScimCallers(companyId);
    return created;
  }

  /** The token that replaced `tokenId` by rotation, if any. */
  function successorOf(companyId: string, tokenId: string): Promise<ScimToken | null> {
    return em.findOne(ScimToken, { company: companyId, rotatedFrom: [companyId, tokenId] });
  }

  /** Valid tokens expiring soon (or expired, until revoked) that no rotation has replaced. */
  async function expiringScimTokens(companyId: string): Promise<ScimToken[]> {
    const candidates = await em.find(
      ScimToken,
      { company: companyId, revokedAt: null, expiresAt: { $ne: null, $lte: warningHorizon(new Date()) } },
      { orderBy: { expiresAt: 'asc' } },
    );
    const successors = await em.find(ScimToken, { company: companyId, rotatedFrom: { $in: candidates.map((c) => [companyId, c.id]) } });
    const replaced = new Set(successors.map((s) => s.rotatedFrom?.id));
    return candidates.filter((token) => !replaced.has(token.id));
  }

  async function listScimTokens(companyId: string): Promise<ScimToken[]> {
    return em.find(ScimToken, { company: companyId }, { orderBy: { createdAt: 'desc' } });
  }

  /** Another company's token is answered exactly like a missing one. */
  async function revokeScimToken(companyId: string, tokenId: string, actor: string, source: EventSource | null = null): Promise<ScimToken> {
    let revoked = false;
    const row = await em.transactional(async (tx) => {
      const found = assertFound(
        await tx.findOne(ScimToken, { id: tokenId, company: companyId }, { lockMode: LockMode.PESSIMISTIC_WRITE }), 'TOKEN_NOT_FOUND', 'SCIM token not found');
      if (found.revokedAt) return found;
      found.revokedAt = new Date();
      tx.create(AuditEntry, { company: companyId, actor, action: 'scim-token.revoked', detail: { label: found.label } });
      await tx.execute(...writeEventsStatement([tokenEvent('scim_token.revoked', companyId, found, source)]));
      revoked = true;
      return found;
    });
    // This process at once; other processes when the database trigger's notification arrives.
    if (revoked) forgetScimCallers(companyId);
    return row;
  }

  async function createApiToken(companyId: string, label: string, permissions: Permission[]) {
    const token = generateToken('api');
    const row = em.create(ApiToken, {
      company: companyId,
      label: assertLabel(label),
      prefix: token.prefix,
      tokenHash: token.hash,
      permissions,
    });
    await em.flush();
    return { token: row, secret: token.secret };
  }

  // Every GraphQL request of an integrator passes here: one indexed query, no entity hydration.
  async function authenticateApiToken(secret: string): Promise<Principal | null> {
    const rows = await db.query<{ id: string; company_id: string; slug: string; label: string; permissions: string[] }>(
      sql`select t.id, t.company_id, c.slug, t.label, t.permissions
         from api_token t join company c on c.id = t.company_id
        where t.token_hash = ${hashToken(secret)} and t.revoked_at is null`,
    );
    const row = rows[0];
    if (!row) return null;
    return {
      kind: 'apiToken',
      id: row.id,
      companyId: row.company_id,
      companySlug: row.slug,
      name: `API token "${row.label}"`,
      permissions: row.permissions.filter(isPermission),
    };
  }

  return {
    createScimToken, rotateScimToken, successorOf, expiringScimTokens, listScimTokens, revokeScimToken, createApiToken, authenticateApiToken,
  };
}

export type TokenService = ReturnType<typeof createTokenService>;
