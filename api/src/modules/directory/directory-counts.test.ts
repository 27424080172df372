import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { loadConfig } from '../../config.js';
import { migrate, openOrm, type Orm } from '../../db/orm.js';
import type { SqlPool } from '../../db/sql.js';
import { createLogger } from '../../logger.js';
import { createServices } from '../../services.js';
import { createTestDatabase, openTestSql, type TestDatabase } from '../../../test/harness.js';
import { seedDirectory } from '../../../test/directory-seed.js';
import { createCountCompactor } from './directory-count-compactor.js';
import { createDirectoryCounts } from './directory-counts.js';

let database: TestDatabase;
let orm: Orm;
let sql: SqlPool;
let db: pg.Pool;
const config = loadConfig({ LOG_LEVEL: 'silent' });

beforeAll(async () => {
  database = await createTestDatabase();
  orm = await openOrm(database.url, 4);
  sql = openTestSql(database.url, 4);
  await migrate(orm, database.url);
  db = new pg.Pool({ connectionString: database.url, max: 8 });
});
afterAll(async () => {
  await db?.end();
  await sql?.close();
  await orm?.close();
  await database?.drop();
});

// A fresh reader each time: counts are cached for the life of one request's services.
const countsOf = (companyId: string) => createDirectoryCounts(sql).scimCounts(companyId);
const compactor = () => createCountCompactor(sql, createLogger(config));
const deltaRows = async () => Number((await db.query('select count(*) as n from directory_count_delta')).rows[0].n);

async function newCompany(slug: string): Promise<string> {
  return (await createServices(orm.em.fork(), sql, config).companies.createCompany(slug, slug)).id;
}

describe('SCIM counts kept by triggers', () => {
  it('counts SCIM users and groups only, per company, before and after folding the deltas', async () => {
    const acme = await newCompany('count-acme');
    const other = await newCompany('count-other');
    await seedDirectory(db, { companyId: acme, prefix: 'a-', users: 1200, groupSize: 100 });
    await seedDirectory(db, { companyId: acme, prefix: 'm-', users: 30, source: 'MANUAL' });
    await seedDirectory(db, { companyId: other, prefix: 'o-', users: 7 });
    expect(await countsOf(acme)).toEqual({ users: 1200, groups: 12 });
    expect(await countsOf(other)).toEqual({ users: 7, groups: 0 });

    await db.query(`delete from directory_user where company_id = $1 and user_name in ('a-u1', 'a-u2', 'm-u1')`, [acme]);
    await db.query(`update directory_user set source = 'MANUAL' where company_id = $1 and user_name = 'a-u3'`, [acme]);
    await db.query(`update directory_user set source = 'SCIM' where company_id = $1 and user_name in ('m-u2', 'm-u3')`, [acme]);
    await db.query(`delete from directory_group where company_id = $1 and display_name = 'a-g1'`, [acme]);
    const expected = { users: 1200 - 2 - 1 + 2, groups: 11 };
    expect(await countsOf(acme)).toEqual(expected);

    expect(await deltaRows()).toBeGreaterThan(0);
    await compactor().compact();
    expect(await deltaRows()).toBe(0);
    expect(await countsOf(acme)).toEqual(expected);
    expect(await countsOf(other)).toEqual({ users: 7, groups: 0 });
  });

  it('stays exact under concurrent single-row inserts and deletes while the compactor folds', async () => {
    const busy = await newCompany('count-busy');
    const running = compactor();
    const folds = (async () => {
      for (let i = 0; i < 20; i += 1) await running.compact();
    })();
    await Promise.all(Array.from({ length: 400 }, (_, i) => db.query(
      `insert into directory_user (id, company_id, source, user_name) values (gen_random_uuid(), $1, 'SCIM', $2)`,
      [busy, `busy${i}`],
    )));
    await Promise.all(Array.from({ length: 100 }, (_, i) => db.query(
      'delete from directory_user where company_id = $1 and user_name = $2', [busy, `busy${i}`],
    )));
    await folds;
    expect(await countsOf(busy)).toEqual({ users: 300, groups: 0 });
    await running.compact();
    expect(await countsOf(busy)).toEqual({ users: 300, groups: 0 });
    const stored = await db.query('select user_count from directory_count where company_id = $1', [busy]);
    expect(Number(stored.rows[0].user_count)).toBe(300);
  });

  it('forgets a deleted company, deltas and all', async () => {
    const gone = await newCompany('count-gone');
    await seedDirectory(db, { companyId: gone, prefix: 'g-', users: 5 });
    await compactor().compact();
    await db.query('delete from company where id = $1', [gone]);
    await compactor().compact();
    expect(await deltaRows()).toBe(0);
    expect((await db.query('select 1 from directory_count where company_id = $1', [gone])).rowCount).toBe(0);
    expect(await countsOf(gone)).toEqual({ users: 0, groups: 0 });
  });
});
