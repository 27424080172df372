import type { Sql } from '../../db/sql.js';
import { sql } from '../../db/sql-tag.js';

/** The id of the company a slug names, read on the shared pool (no entity manager fork), or undefined. */
export async function companyIdBySlug(db: Sql, slug: string): Promise<string | undefined> {
  const rows = await db.query<{ id: string }>(sql`select id from company where slug = ${slug}`);
  return rows[0]?.id;
}
