import { PLAN_PER_CALL, type Sql } from '../../db/sql.js';
import { page, pageParams, versionAccepted, type AcceptedVersions } from './directory-sql.js';

export interface GroupRow {
  id: string;
  companyId: string;
  displayName: string;
  externalId: string | null;
  attributes: Record<string, unknown>;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface MemberRow {
  groupId: string;
  value: string;
  type: 'User' | 'Group';
  display: string | null;
}

export interface GroupWrite {
  displayName: string;
  externalId: string | null;
  attributes: Record<string, unknown>;
  /** The SCIM token writing the row; undefined keeps the last one. */
  tokenId?: string;
}

export const GROUP_COLUMNS = `id, company_id as "companyId", display_name as "displayName", external_id as "externalId",
  attributes, version, created_at as "createdAt", updated_at as "updatedAt"`;
const SELECT = `select ${GROUP_COLUMNS} from directory_group g`;

export function createGroupStore(sql: Sql) {
  async function insert(companyId: string, id: string, write: GroupWrite): Promise<GroupRow> {
    const rows = await sql.query<GroupRow>(
      `insert into directory_group (id, company_id, display_name, external_id, attributes, created_by_token_id, updated_by_token_id)
       values (?, ?, ?, ?, ?::jsonb, ?::uuid, ?::uuid) returning ${GROUP_COLUMNS}`,
      [id, companyId, write.displayName, write.externalId, JSON.stringify(write.attributes), write.tokenId ?? null, write.tokenId ?? null],
    );
    return rows[0]!;
  }

  async function findById(companyId: string, id: string, forUpdate = false): Promise<GroupRow | undefined> {
    const rows = await sql.query<GroupRow>(
      `${SELECT} where g.company_id = ? and g.id = ?${forUpdate ? ' for update' : ''}`,
      [companyId, id],
    );
    return rows[0];
  }

  async function update(companyId: string, id: string, write: GroupWrite): Promise<GroupRow | undefined> {
    const rows = await sql.query<GroupRow>(
      `update directory_group set display_name = ?, external_id = ?, attributes = ?::jsonb,
         updated_by_token_id = coalesce(?::uuid, updated_by_token_id), version = version + 1, updated_at = now()
       where company_id = ? and id = ? returning ${GROUP_COLUMNS}`,
      [write.displayName, write.externalId, JSON.stringify(write.attributes), write.tokenId ?? null, companyId, id],
    );
    return rows[0];
  }

  /** Deletes the group if its version is accepted (If-Match): its displayName, or undefined when no row qualified. */
  async function remove(companyId: string, id: string, accepted: AcceptedVersions = null): Promise<string | undefined> {
    const rows = await sql.query<{ displayName: string }>(
      `delete from directory_group g where g.company_id = ? and g.id = ? and ${versionAccepted('g')} returning g.display_name as "displayName"`,
      [companyId, id, accepted],
    );
    return rows[0]?.displayName;
  }

  async function list(companyId: string, where: string, params: unknown[], orderBy: string, offset: number, limit: number) {
    return sql.query<GroupRow & { total: string }>(
      `${PLAN_PER_CALL}select count(*) over () as total, ${GROUP_COLUMNS} from directory_group g
       where g.company_id = ? and (${where}) order by ${orderBy} ${page(offset)}`,
      [companyId, ...params, ...pageParams(offset, limit)],
    );
  }

  async function count(companyId: string, where: string, params: unknown[]): Promise<number> {
    const rows = await sql.query<{ n: string }>(
      `${PLAN_PER_CALL}select count(*) as n from directory_group g where g.company_id = ? and (${where})`,
      [companyId, ...params],
    );
    return Number(rows[0]?.n ?? 0);
  }

  return { insert, findById, update, remove, list, count };
}

export type GroupStore = ReturnType<typeof createGroupStore>;
