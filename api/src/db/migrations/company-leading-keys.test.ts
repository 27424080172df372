import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/harness.js';
import { openOrm, type Orm } from '../orm.js';

const COMPANY = '00000000-0000-4000-8000-00000000000a';
const TOKEN = '00000000-0000-4000-8000-0000000000a1';
const USER = '00000000-0000-4000-8000-0000000000a2';
const GROUP = '00000000-0000-4000-8000-0000000000a3';
const NESTED = '00000000-0000-4000-8000-0000000000a4';
const ENDPOINT = '00000000-0000-4000-8000-0000000000a5';
const DELIVERY = '00000000-0000-4000-8000-0000000000a6';

let database: TestDatabase;
let orm: Orm;
let client: pg.Client;

/** A directory as the migration before this one leaves it, with a row in every table it rekeys. */
async function seedBeforeMigration(): Promise<void> {
  await client.query(`
    insert into company (id, slug, name) values ('${COMPANY}', 'rekeyed', 'Rekeyed');
    insert into scim_token (id, company_id, label, prefix, token_hash) values ('${TOKEN}', '${COMPANY}', 'Okta', 'p', 'h');
    insert into directory_user (id, company_id, source, user_name, created_by_token_id) values ('${USER}', '${COMPANY}', 'SCIM', 'ada', '${TOKEN}');
    insert into directory_group (id, company_id, display_name) values ('${GROUP}', '${COMPANY}', 'Eng'), ('${NESTED}', '${COMPANY}', 'Sub');
    insert into directory_membership (group_id, member_id, member_user_id, member_group_id, company_id)
      values ('${GROUP}', '${USER}', '${USER}', null, '${COMPANY}'), ('${GROUP}', '${NESTED}', null, '${NESTED}', '${COMPANY}');
    insert into webhook_endpoint (id, company_id, url, secret, cursor_tx_id, cursor_id, next_attempt_at, created_at, updated_at)
      values ('${ENDPOINT}', '${COMPANY}', 'https://example.com/h', 's', 0, 0, now(), now(), now());
    insert into webhook_delivery (id, company_id, endpoint_id, event_id, event_type, status, created_at)
      values ('${DELIVERY}', '${COMPANY}', '${ENDPOINT}', '1.1', 'user.created', 'SUCCEEDED', now());
    insert into webhook_attempt (delivery_id, attempted_at, duration_ms) values ('${DELIVERY}', now(), 5), ('${DELIVERY}', now(), 7);`);
}

beforeAll(async () => {
  database = await createTestDatabase();
  orm = await openOrm(database.directUrl, 2);
  await orm.getMigrator().up({ to: 'Migration20261203300000_outbox_without_company_key' });
  client = new pg.Client({ connectionString: database.directUrl });
  await client.connect();
  await seedBeforeMigration();
  await orm.getMigrator().up();
});
afterAll(async () => {
  await client?.end();
  await orm?.close();
  await database?.drop();
});

describe('Migration20261204000000_company_leading_keys', () => {
  it('keeps every row, and gives webhook attempts their delivery\'s company', async () => {
    const { rows } = await client.query<{ users: number; memberships: number; attempts: string[] }>(`
      select (select count(*)::int from directory_user) as users, (select count(*)::int from directory_membership) as memberships,
             (select array_agg(distinct company_id::text) from webhook_attempt) as attempts`);
    expect(rows[0]).toEqual({ users: 1, memberships: 2, attempts: [COMPANY] });
  });

  it('keeps the delete rules: a token leaves its rows with their company, a group takes its memberships', async () => {
    await client.query(`delete from scim_token where id = $1`, [TOKEN]);
    const { rows: users } = await client.query('select company_id, created_by_token_id from directory_user');
    expect(users).toEqual([{ company_id: COMPANY, created_by_token_id: null }]);
    await client.query(`delete from directory_group where id = $1`, [NESTED]);
    const { rows: members } = await client.query('select member_id from directory_membership');
    expect(members).toEqual([{ member_id: USER }]);
    await client.query(`delete from webhook_endpoint where id = $1`, [ENDPOINT]);
    const { rows: attempts } = await client.query<{ n: number }>('select count(*)::int as n from webhook_attempt');
    expect(attempts[0]!.n).toBe(0);
  });

  it('refuses a membership filed under a company its group and user do not belong to', async () => {
    const other = '00000000-0000-4000-8000-0000000000b0';
    await client.query(`insert into company (id, slug, name) values ($1, 'other-co', 'Other')`, [other]);
    await expect(client.query(
      `insert into directory_membership (group_id, member_id, member_user_id, company_id) values ($1, $2, $2, $3)`, [GROUP, USER, other],
    )).rejects.toThrow(/foreign key/);
  });
});
