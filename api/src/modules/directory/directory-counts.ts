import type { Sql } from '../../db/sql.js';

export interface ScimCounts {
  users: number;
  groups: number;
}

/**
 * Counts of SCIM-provisioned rows (manual accounts excluded). Both counts run in one round trip
 * over the (company_id, source) indexes, which PostgreSQL answers with index-only scans. The
 * result is kept for the life of the service (one request), so aliased `counts` fields in one
 * query cost one database round trip.
 */
export function createDirectoryCounts(sql: Sql) {
  const cache = new Map<string, Promise<ScimCounts>>();

  async function load(companyId: string): Promise<ScimCounts> {
    const rows = await sql.query<{ users: string; groups: string }>(
      `select (select count(*) from directory_user where company_id = ? and source = 'SCIM') as users,
              (select count(*) from directory_group where company_id = ? and source = 'SCIM') as groups`,
      [companyId, companyId],
    );
    return { users: Number(rows[0]?.users ?? 0), groups: Number(rows[0]?.groups ?? 0) };
  }

  function scimCounts(companyId: string): Promise<ScimCounts> {
    let counts = cache.get(companyId);
    if (!counts) {
      counts = load(companyId);
      cache.set(companyId, counts);
    }
    return counts;
  }

  return { scimCounts };
}

export type DirectoryCounts = ReturnType<typeof createDirectoryCounts>;
