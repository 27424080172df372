import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AbstractSqlDriver } from '@mikro-orm/postgresql';
import { openMigratedDatabase, type MigratedDatabase } from '../../../test/harness.js';
import type { Orm } from '../orm.js';
import { Migration20261201101000_misfiled_schema_keys } from './Migration20261201101000_misfiled_schema_keys.js';

const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const COMPANY = '00000000-0000-4000-8000-000000000002';
let db: MigratedDatabase;
let orm: Orm;
let client: pg.Client;

beforeAll(async () => {
  db = await openMigratedDatabase();
  ({ orm, client } = db);
  await client.query(`insert into company (id, slug, name) values ($1, 'misfiled', 'Misfiled')`, [COMPANY]);
});
afterAll(() => db?.close());

async function runMigration(): Promise<void> {
  const migration = new Migration20261201101000_misfiled_schema_keys(orm.em.getDriver() as unknown as AbstractSqlDriver, orm.config);
  await migration.up();
  for (const query of migration.getQueries()) await client.query(String(query));
}

describe('Migration20261201101000_misfiled_schema_keys', () => {
  it('removes keys stored under a declared schema and keeps real extension data', async () => {
    const corrupted = { userName: 'a', [ENT]: { employeeNumber: '7' }, [`${ENT}:schemas`]: [ENT], 'urn:okta:custom:1.0:User': { x: 1 } };
    await client.query(
      `insert into directory_user (id, company_id, source, user_name, attributes) values
         (gen_random_uuid(), $1, 'SCIM', 'a', $2), (gen_random_uuid(), $1, 'SCIM', 'b', '{"userName":"b"}')`,
      [COMPANY, JSON.stringify(corrupted)],
    );
    await runMigration();
    const { rows } = await client.query<{ user_name: string; attributes: object; version: number }>(
      'select user_name, attributes, version from directory_user where company_id = $1 order by user_name', [COMPANY],
    );
    expect(rows).toEqual([
      { user_name: 'a', attributes: { userName: 'a', [ENT]: { employeeNumber: '7' }, 'urn:okta:custom:1.0:User': { x: 1 } }, version: 2 },
      { user_name: 'b', attributes: { userName: 'b' }, version: 1 },
    ]);
  });
});
