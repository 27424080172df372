import type { Sql } from '../../db/sql.js';
import { sql } from '../../db/sql-tag.js';

export interface ScimCounts {
  users: number;
  groups: number;
}

/**
 * Counts of SCIM-provisioned rows (manual accounts excluded), kept by database triggers
 * (migration directory_counts): the folded base plus the deltas not folded yet, one indexed
 * round trip whatever the directory's size. The result is kept for the life of the service (one
 * request), so aliased `counts` fields in one query cost one database round trip.
 */
export function createDirectoryCounts(db: Sql) {
  const cache = new Map<string, Promise<ScimCounts>>();

  async function load(companyId: string): Promise<ScimCounts> {
    const rows = await db.query<{ users: string; groups: string }>(
      sql`select coalesce(c.user_count, 0) + coalesce(d.user_delta, 0) as users,
              coalesce(c.group_count, 0) + coalesce(d.group_delta, 0) as groups
         from (select sum(user_delta) as user_delta, sum(group_delta) as group_delta
                 from directory_count_delta where company_id = ${companyId}) d
         left join directory_count c on c.company_id = ${companyId}`,
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
