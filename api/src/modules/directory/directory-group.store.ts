import type { Sql } from '../../db/sql.js';
import { sql, type SqlFragment } from '../../db/sql-tag.js';
import { page, versionAccepted, type AcceptedVersions } from './directory-sql.js';

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

export const GROUP_COLUMNS = sql.raw(`id, company_id as "companyId", display_name as "displayName", external_id as "externalId",
  attributes, version, created_at as "createdAt", updated_at as "updatedAt"`);
const SELECT = sql`select ${GROUP_COLUMNS} from directory_group g`;

export function createGroupStore(db: Sql) {
  async function insert(companyId: string, id: string, write: GroupWrite): Promise<GroupRow> {
    const token = write.tokenId ?? null;
    const rows = await db.query<GroupRow>(
      sql`insert into directory_group (id, company_id, display_name, external_id, attributes, created_by_token_id, updated_by_token_id)
       values (${id}, ${companyId}, ${write.displayName}, ${write.externalId}, ${JSON.stringify(write.attributes)}::jsonb, ${token}::uuid, ${token}::uuid) returning ${GROUP_COLUMNS}`,
    );
    return rows[0]!;
  }

  async function findById(companyId: string, id: string, forUpdate = false): Promise<GroupRow | undefined> {
    const rows = await db.query<GroupRow>(
      sql`${SELECT} where g.company_id = ${companyId} and g.id = ${id}${forUpdate ? sql.raw(' for update') : sql.empty}`,
    );
    return rows[0];
  }

  async function update(companyId: string, id: string, write: GroupWrite): Promise<GroupRow | undefined> {
    const rows = await db.query<GroupRow>(
      sql`update directory_group set display_name = ${write.displayName}, external_id = ${write.externalId}, attributes = ${JSON.stringify(write.attributes)}::jsonb,
         updated_by_token_id = coalesce(${write.tokenId ?? null}::uuid, updated_by_token_id), version = version + 1, updated_at = now()
       where company_id = ${companyId} and id = ${id} returning ${GROUP_COLUMNS}`,
    );
    return rows[0];
  }

  /** Deletes the group if its version is accepted (If-Match); false when no row qualified. */
  async function remove(companyId: string, id: string, accepted: AcceptedVersions = null): Promise<boolean> {
    const rows = await db.query(
      sql`delete from directory_group g where g.company_id = ${companyId} and g.id = ${id} and ${versionAccepted('g', accepted)} returning g.id`,
    );
    return rows.length > 0;
  }

  async function list(companyId: string, where: SqlFragment, orderBy: SqlFragment, offset: number, limit: number) {
    return db.query<GroupRow & { total: string }>(sql.planPerCall(
      sql`select count(*) over () as total, ${GROUP_COLUMNS} from directory_group g
       where g.company_id = ${companyId} and (${where}) order by ${orderBy} ${page(offset, limit)}`,
    ));
  }

  async function count(companyId: string, where: SqlFragment): Promise<number> {
    const rows = await db.query<{ n: string }>(
      sql.planPerCall(sql`select count(*) as n from directory_group g where g.company_id = ${companyId} and (${where})`),
    );
    return Number(rows[0]?.n ?? 0);
  }

  return { insert, findById, update, remove, list, count };
}

export type GroupStore = ReturnType<typeof createGroupStore>;
