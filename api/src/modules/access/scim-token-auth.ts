import type { Sql } from '../../db/sql.js';
import type { ScimStatus } from '../companies/company.entity.js';
import { hashToken, tokenMatches } from './secrets.js';

export interface ScimCaller {
  companyId: string;
  slug: string;
  scimStatus: ScimStatus;
  entraIdEnabled: boolean;
  tokenId: string;
  tokenLabel: string;
}

const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Resolves a SCIM bearer token for the company in the URL. A wrong, revoked or another
 * company's token all answer null, so the caller cannot learn whether the company exists.
 */
export async function authenticateScimToken(sql: Sql, slug: string, secret: string): Promise<ScimCaller | null> {
  const rows = await sql.query<{
    token_id: string; label: string; token_hash: string; last_used_at: string | null;
    company_id: string; scim_status: ScimStatus; entra_id_enabled: boolean;
  }>(
    `select t.id as token_id, t.label, t.token_hash, t.last_used_at, c.id as company_id, c.scim_status, c.entra_id_enabled
       from scim_token t join company c on c.id = t.company_id
      where t.token_hash = ? and c.slug = ? and t.revoked_at is null`,
    [hashToken(secret), slug],
  );
  const row = rows[0];
  if (!row || !tokenMatches(secret, row.token_hash)) return null;
  if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > LAST_USED_RESOLUTION_MS) {
    // Coarse on purpose: one write a minute per token instead of one per request.
    await sql.query('update scim_token set last_used_at = now() where id = ?', [row.token_id]);
  }
  return {
    companyId: row.company_id,
    slug,
    scimStatus: row.scim_status,
    entraIdEnabled: row.entra_id_enabled,
    tokenId: row.token_id,
    tokenLabel: row.label,
  };
}
