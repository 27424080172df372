import type { Sql } from '../../db/sql.js';
import { sql } from '../../db/sql-tag.js';
import { rateLimitOf, type RateLimit } from './token-bucket.js';
import type { ScimStatus } from '../companies/company.entity.js';
import type { ScimCallerCache } from './scim-caller-cache.js';
import { hashToken, tokenMatches } from './secrets.js';
import { writeEventsSql } from '../events/event-writer.js';
import { expiredTokenEvent, type ExpiredTokenRow } from './scim-token-events.js';

export interface ScimCaller {
  companyId: string;
  slug: string;
  scimStatus: ScimStatus;
  entraIdEnabled: boolean;
  tokenId: string;
  tokenLabel: string;
  /** The company's own limit, null for the deployment's; cached with the caller (no lookup per request). */
  rateLimit: RateLimit | null;
  /** When the token stops working (epoch ms), null if never; checked on every request, cached or not. */
  tokenExpiresAt: number | null;
}

/** A token that was valid but has passed its expiry (or its rotation's grace period). */
export const EXPIRED_TOKEN = 'expired';

const LAST_USED_RESOLUTION_MS = 60_000;

interface CompanyRow {
  id: string; scim_status: ScimStatus; entra_id_enabled: boolean; rate_per_second: number | null; rate_burst: number | null;
}

interface TokenRow {
  token_id: string; label: string; token_hash: string; last_used_at: Date | null; expires_at: Date | string | null;
}

/**
 * Resolves SCIM bearer tokens for the company in the URL. A wrong, revoked or another company's
 * token all answer null, so the caller cannot learn whether the company exists.
 */
export function createScimTokenAuth(db: Sql, callers: Pick<ScimCallerCache, 'cached' | 'ticket' | 'remember'>) {
  /** When this process last wrote each token's last_used_at (or saw it written). */
  const lastUsedWrites = new Map<string, number>();
  /** Expired tokens whose audit entry this process has seen to. */
  const expiryAudited = new Set<string>();

  async function authenticateScimToken(
    slug: string, secret: string, now = Date.now(),
  ): Promise<ScimCaller | null | typeof EXPIRED_TOKEN> {
    const tokenHash = hashToken(secret);
    const cached = callers.cached(slug, tokenHash);
    const caller = cached ?? (await lookUp(slug, secret, tokenHash));
    if (!caller) return null;
    if (caller.tokenExpiresAt !== null && caller.tokenExpiresAt <= now) {
      await auditExpiry(caller.companyId, caller.tokenId);
      return EXPIRED_TOKEN;
    }
    await touchLastUsed(caller.companyId, caller.tokenId);
    return caller;
  }

  /**
   * The URL's company first, then its token by (company_id, token_hash): each statement reads one
   * company's rows (docs/scaling.md), and another company's token is never even looked at.
   */
  async function lookUp(slug: string, secret: string, tokenHash: string): Promise<ScimCaller | null> {
    const ticket = callers.ticket();
    const [company] = await db.query<CompanyRow>(sql`select id, scim_status, entra_id_enabled,
        scim_rate_limit_per_second as rate_per_second, scim_rate_limit_burst as rate_burst from company where slug = ${slug}`);
    if (!company) return null;
    const [row] = await db.query<TokenRow>(sql`select id as token_id, label, token_hash, last_used_at, expires_at from scim_token
      where company_id = ${company.id} and token_hash = ${tokenHash} and revoked_at is null`);
    if (!row || !tokenMatches(secret, row.token_hash)) return null;
    if (row.last_used_at) noteLastUsed(row.token_id, new Date(row.last_used_at).getTime());
    const caller: ScimCaller = {
      companyId: company.id,
      slug,
      scimStatus: company.scim_status,
      entraIdEnabled: company.entra_id_enabled,
      tokenId: row.token_id,
      tokenLabel: row.label,
      rateLimit: rateLimitOf(company.rate_per_second, company.rate_burst),
      tokenExpiresAt: row.expires_at === null ? null : new Date(row.expires_at).getTime(),
    };
    callers.remember(tokenHash, caller, ticket);
    return caller;
  }

  /**
   * A token's expiry is audited, and written as a `scim_token.expired` event, when it first turns a
   * request away (nothing runs at the moment it expires): once per token, whichever replica sees
   * it first. The token row's lock orders concurrent first requests; the second statement then
   * sees the first one's entry; the event is written only with the entry it goes with.
   */
  async function auditExpiry(companyId: string, tokenId: string): Promise<void> {
    if (expiryAudited.has(tokenId)) return;
    await db.transaction(async (tx) => {
      await tx.query(sql`select 1 from scim_token where company_id = ${companyId} and id = ${tokenId} for update`);
      const [expired] = await tx.query<ExpiredTokenRow>(sql`
        with expired as (
          select t.*, (select s.id from scim_token s where s.company_id = t.company_id and s.rotated_from_id = t.id limit 1) as successor_id
            from scim_token t
           where t.company_id = ${companyId} and t.id = ${tokenId} and not exists (
             select 1 from audit_entry a where a.company_id = ${companyId} and a.action = 'scim-token.expired' and a.detail->>'tokenId' = t.id::text)),
        audited as (
          insert into audit_entry (company_id, actor, action, detail)
          select company_id, 'system', 'scim-token.expired',
                 jsonb_build_object('tokenId', id, 'label', label, 'expiresAt', expires_at, 'rotated', successor_id is not null)
            from expired)
        select id, company_id as "companyId", label, created_at as "createdAt", expires_at as "expiresAt", revoked_at as "revokedAt",
               rotated_from_id as "rotatedFromId", successor_id as "successorId" from expired`);
      if (expired) await tx.query(writeEventsSql([expiredTokenEvent(expired)]));
    });
    expiryAudited.add(tokenId);
  }

  function noteLastUsed(tokenId: string, at: number): void {
    if (at > (lastUsedWrites.get(tokenId) ?? 0)) lastUsedWrites.set(tokenId, at);
  }

  /** Coarse on purpose: one write a minute per token and process instead of one per request. */
  async function touchLastUsed(companyId: string, tokenId: string): Promise<void> {
    const now = Date.now();
    if (now - (lastUsedWrites.get(tokenId) ?? 0) <= LAST_USED_RESOLUTION_MS) return;
    lastUsedWrites.set(tokenId, now);
    await db.query(sql`update scim_token set last_used_at = now() where company_id = ${companyId} and id = ${tokenId}`);
  }

  return authenticateScimToken;
}
