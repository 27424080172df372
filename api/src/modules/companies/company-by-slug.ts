import type { Sql } from '../../db/sql.js';

/** The id of the company a slug names, read on the shared pool (no entity manager fork), or undefined. */
export async function companyIdBySlug(sql: Sql, slug: string): Promise<string | undefined> {
  const rows = await sql.query<{ id: string }>('select id from company where slug = ?', [slug]);
  return rows[0]?.id;
}
