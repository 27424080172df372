import type { Sql } from '../../db/sql.js';

/** A user row as the SCIM layer sees it (password hash never leaves the store). */
export interface UserRow {
  id: string;
  companyId: string;
  source: 'SCIM' | 'MANUAL';
  userName: string;
  externalId: string | null;
  displayName: string | null;
  active: boolean;
  attributes: Record<string, unknown>;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface UserWrite {
  userName: string;
  externalId: string | null;
  displayName: string | null;
  active: boolean;
  emailValues: string[];
  attributes: Record<string, unknown>;
  /** undefined keeps the stored hash; null clears it. */
  passwordHash?: string | null;
}

const SELECT = `select id, company_id as "companyId", source, user_name as "userName", external_id as "externalId",
  display_name as "displayName", active, attributes, version, created_at as "createdAt", updated_at as "updatedAt"
  from directory_user u`;

export const USER_COLUMNS_SELECT = SELECT;

export function createUserStore(sql: Sql) {
  async function insert(companyId: string, id: string, write: UserWrite, source: 'SCIM' | 'MANUAL' = 'SCIM') {
    const rows = await sql.query<UserRow>(
      `insert into directory_user (id, company_id, source, user_name, external_id, display_name, active,
         email_values, attributes, password_hash)
       values (?, ?, ?, ?, ?, ?, ?, ?::text[], ?::jsonb, ?)
       returning id, company_id as "companyId", source, user_name as "userName", external_id as "externalId",
         display_name as "displayName", active, attributes, version, created_at as "createdAt", updated_at as "updatedAt"`,
      [id, companyId, source, write.userName, write.externalId, write.displayName, write.active,
        write.emailValues, JSON.stringify(write.attributes), write.passwordHash ?? null],
    );
    return rows[0]!;
  }

  async function findById(companyId: string, id: string, forUpdate = false): Promise<UserRow | undefined> {
    const rows = await sql.query<UserRow>(
      `${SELECT} where u.company_id = ? and u.id = ?${forUpdate ? ' for update' : ''}`,
      [companyId, id],
    );
    return rows[0];
  }

  async function update(companyId: string, id: string, write: UserWrite): Promise<UserRow | undefined> {
    const keepPassword = write.passwordHash === undefined;
    const rows = await sql.query<UserRow>(
      `update directory_user set user_name = ?, external_id = ?, display_name = ?, active = ?,
         email_values = ?::text[], attributes = ?::jsonb,
         password_hash = ${keepPassword ? 'password_hash' : '?'},
         version = version + 1, updated_at = now()
       where company_id = ? and id = ?
       returning id, company_id as "companyId", source, user_name as "userName", external_id as "externalId",
         display_name as "displayName", active, attributes, version, created_at as "createdAt", updated_at as "updatedAt"`,
      [write.userName, write.externalId, write.displayName, write.active, write.emailValues,
        JSON.stringify(write.attributes), ...(keepPassword ? [] : [write.passwordHash]), companyId, id],
    );
    return rows[0];
  }

  /** Deletes the user; memberships go by cascade, manager references are cleared. */
  async function remove(companyId: string, id: string): Promise<boolean> {
    const rows = await sql.query('delete from directory_user where company_id = ? and id = ? returning id', [companyId, id]);
    if (rows.length > 0) await clearManagerReferences(companyId, [id]);
    return rows.length > 0;
  }

  async function clearManagerReferences(companyId: string, ids: string[]): Promise<void> {
    await sql.query(
      `update directory_user set attributes = attributes #- '{urn:ietf:params:scim:schemas:extension:enterprise:2.0:User,manager}',
         version = version + 1, updated_at = now()
       where company_id = ? and (attributes #>> '{urn:ietf:params:scim:schemas:extension:enterprise:2.0:User,manager,value}') = any(?::text[])`,
      [companyId, ids],
    );
  }

  async function list(companyId: string, where: string, params: unknown[], orderBy: string, offset: number, limit: number) {
    const rows = await sql.query<UserRow & { total: string }>(
      `${SELECT.replace('select ', 'select count(*) over () as total, ')} where u.company_id = ? and (${where})
       order by ${orderBy} offset ? limit ?`,
      [companyId, ...params, offset, limit],
    );
    return rows;
  }

  async function count(companyId: string, where: string, params: unknown[]): Promise<number> {
    const rows = await sql.query<{ n: string }>(
      `select count(*) as n from directory_user u where u.company_id = ? and (${where})`,
      [companyId, ...params],
    );
    return Number(rows[0]?.n ?? 0);
  }

  return { insert, findById, update, remove, list, count, clearManagerReferences };
}

export type UserStore = ReturnType<typeof createUserStore>;
