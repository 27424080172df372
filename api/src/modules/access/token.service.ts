import type { EntityManager } from '@mikro-orm/postgresql';
import type { Sql } from '../../db/sql.js';
import { sql } from '../../db/sql-tag.js';
import { DomainError, assertFound } from '../../domain/domain-error.js';
import { AuditEntry } from '../companies/audit-entry.entity.js';
import { ApiToken } from './api-token.entity.js';
import { isPermission, type Permission } from './permissions.js';
import type { Principal } from './principal.js';
import type { ForgetScimCallers } from './scim-caller-cache.js';
import { ScimToken } from './scim-token.entity.js';
import { generateToken, hashToken } from './secrets.js';

const MAX_LABEL_LENGTH = 100;

function assertLabel(label: string): string {
  const trimmed = label.trim();
  if (!trimmed || trimmed.length > MAX_LABEL_LENGTH) {
    throw new DomainError('INVALID_INPUT', `A token label needs 1–${MAX_LABEL_LENGTH} characters`);
  }
  return trimmed;
}

export function createTokenService({ em, sql: db, forgetScimCallers }: { em: EntityManager; sql: Sql; forgetScimCallers: ForgetScimCallers }) {
  async function createScimToken(companyId: string, label: string, actor: string) {
    const token = generateToken('scim');
    const row = em.create(ScimToken, {
      company: companyId,
      label: assertLabel(label),
      prefix: token.prefix,
      tokenHash: token.hash,
      createdBy: actor,
    });
    em.create(AuditEntry, { company: companyId, actor, action: 'scim-token.created', detail: { label: row.label } });
    await em.flush();
    return { token: row, secret: token.secret };
  }

  async function listScimTokens(companyId: string): Promise<ScimToken[]> {
    return em.find(ScimToken, { company: companyId }, { orderBy: { createdAt: 'desc' } });
  }

  /** Another company's token is answered exactly like a missing one. */
  async function revokeScimToken(companyId: string, tokenId: string, actor: string): Promise<ScimToken> {
    const row = assertFound(
      await em.findOne(ScimToken, { id: tokenId, company: companyId }),
      'TOKEN_NOT_FOUND',
      'SCIM token not found',
    );
    if (!row.revokedAt) {
      row.revokedAt = new Date();
      em.create(AuditEntry, { company: companyId, actor, action: 'scim-token.revoked', detail: { label: row.label } });
      await em.flush();
      // This process at once; other processes when the database trigger's notification arrives.
      forgetScimCallers(companyId);
    }
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

  return { createScimToken, listScimTokens, revokeScimToken, createApiToken, authenticateApiToken };
}

export type TokenService = ReturnType<typeof createTokenService>;
