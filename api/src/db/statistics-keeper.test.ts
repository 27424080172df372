import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { loadConfig } from '../config.js';
import { createStatisticsKeeper } from './statistics-keeper.js';
import { openMigratedDatabase, type MigratedDatabase } from '../../test/harness.js';

let db: MigratedDatabase;
let client: pg.Client;
const COMPANY = '00000000-0000-4000-8000-000000000001';
const logger = createLogger(loadConfig({ LOG_LEVEL: 'silent' }));

beforeAll(async () => {
  db = await openMigratedDatabase();
  ({ client } = db);
  await client.query(`insert into company (id, slug, name) values ($1, 'stats', 'Stats')`, [COMPANY]);
  await client.query('analyze directory_user');
});
afterAll(() => db?.close());

async function lookupPlan(): Promise<string> {
  const { rows } = await client.query<{ 'QUERY PLAN': unknown }>(`explain (format json) execute lookup('${COMPANY}', 'user7@x')`);
  return JSON.stringify(rows[0]!['QUERY PLAN']);
}

let inserted = 0;

async function insertUsers(count: number, companyId = COMPANY): Promise<void> {
  await client.query(
    `insert into directory_user (id, company_id, source, user_name, external_id, display_name, active, email_values, attributes)
     select gen_random_uuid(), $1, 'SCIM', 'user' || i || '@x', 'ext-' || i, 'User ' || i, true, array['user' || i || '@x'], '{}'
       from generate_series($2::int + 1, $2::int + $3::int) as i`,
    [companyId, inserted, count],
  );
  inserted += count;
  // Statistics reach the shared counters at most once a second unless forced.
  await client.query('select pg_stat_force_next_flush()');
  await client.query('select 1');
}

describe('statistics keeper', () => {
  it('rebuilds a prepared lookup plan fixed while the directory was empty, once the directory outgrew it', async () => {
    const keeper = createStatisticsKeeper(db.sql, ['directory_user', 'directory_group'], logger);
    await client.query('prepare lookup(uuid, text) as select id from directory_user where company_id = $1 and lower(user_name) = lower($2)');
    for (let run = 0; run < 6; run += 1) await client.query(`execute lookup('${COMPANY}', 'nobody@x')`);
    expect(await lookupPlan()).toContain('Seq Scan');

    await insertUsers(300);
    expect(await keeper.refresh()).toEqual([]);

    await insertUsers(3000);
    expect(await lookupPlan()).toContain('Seq Scan');
    expect(await keeper.refresh()).toEqual(['directory_user']);
    expect(await lookupPlan()).toContain('Index Scan');
    expect(await keeper.refresh()).toEqual([]);
  });

  it("notices one tenant's directory replacing another's, which leaves the table's size alone", async () => {
    const keeper = createStatisticsKeeper(db.sql, ['directory_user'], logger);
    await keeper.refresh();
    const other = '00000000-0000-4000-8000-000000000002';
    await client.query(`insert into company (id, slug, name) values ($1, 'other', 'Other')`, [other]);
    const estimate = async () => {
      const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
        `explain (format json) select id from directory_user where company_id = '${other}' and active`);
      return rows[0]!['QUERY PLAN'][0].Plan['Plan Rows'];
    };
    await client.query('delete from directory_user where company_id = $1', [COMPANY]);
    await insertUsers(3300, other);
    expect(await estimate()).toBeLessThan(100);
    expect(await keeper.refresh()).toEqual(['directory_user']);
    expect(await estimate()).toBeGreaterThan(3000);
  });

  it('refuses table names it would have to quote', () => {
    expect(() => createStatisticsKeeper(db.sql, ['users; drop table company'], logger))
      .toThrow(/not a plain table name/);
  });
});
