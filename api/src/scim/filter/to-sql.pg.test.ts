import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
// eslint-disable-next-line no-restricted-imports -- this test proves the compiled SQL against a real PostgreSQL.
import pg from 'pg';
import { normalizeUserInput } from '../resources/normalize.js';
import { compileSort } from './compile-sort.js';
import { createParamSink, groupFilterTarget, userFilterTarget, type FilterTarget } from './filter-target.js';
import { parseFilter } from './parser.js';
import { compileFilter } from './to-sql.js';

const ENT = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const COMPANY = randomUUID();
const OTHER_COMPANY = randomUUID();
const [U1, U2, U3, U4, U5, G1, G2] = Array.from({ length: 7 }, () => randomUUID()) as [string, string, string, string, string, string, string];

const USERS: Array<[string, string, string, Record<string, unknown>]> = [
  [U1, '2011-05-13T04:00:00Z', '2011-05-13T05:00:00Z', {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User', ENT],
    userName: 'bjensen', userType: 'Employee', title: 'Tour Guide', name: { familyName: 'Jensen' },
    emails: [{ value: 'BJensen@example.com', type: 'work', primary: true }, { value: 'babs@jensen.org', type: 'home' }],
    ims: [{ value: 'babs@foo.com', type: 'xmpp' }],
    [ENT]: { department: 'Tour', manager: { value: U3 } },
  }],
  [U2, '2010-01-01T00:00:00Z', '2010-01-01T00:00:00Z', {
    userName: 'JSmith', userType: 'Intern', active: 'False', name: { familyName: "O'Malley" },
    emails: [{ value: 'js@example.org', type: 'work' }],
  }],
  [U3, '2012-01-01T00:00:00Z', '2012-01-01T00:00:00Z', {
    userName: 'jdoe', userType: 'Employee', title: '', externalId: 'EXT-3',
    emails: [{ value: 'jdoe@other.net', type: 'home' }], roles: [{ value: 'admin', primary: 'True' }],
  }],
  [U4, '2013-01-01T00:00:00Z', '2013-01-01T00:00:00Z', {
    userName: 'alice_%', userType: 'Contractor', displayName: 'Alice', emails: [],
  }],
];

let admin: pg.Client;
let client: pg.Client;
const database = `scim_filter_${randomBytes(6).toString('hex')}`;

async function insertUser([id, created, updated, body]: (typeof USERS)[number], company = COMPANY): Promise<void> {
  const user = normalizeUserInput(body);
  await client.query(
    `insert into directory_user (id, company_id, user_name, external_id, display_name, active, email_values, attributes, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [id, company, user.userName, user.externalId, user.displayName, user.active, user.emailValues, user.attributes, created, updated],
  );
}

beforeAll(async () => {
  const info = inject('pg');
  const connection = { host: info.host, port: info.port, user: info.user, password: info.password };
  admin = new pg.Client({ ...connection, database: 'postgres' });
  await admin.connect();
  await admin.query(`create database ${database}`);
  client = new pg.Client({ ...connection, database });
  await client.connect();
  await client.query(`
    create table directory_user (
      id uuid primary key, company_id uuid not null, user_name text not null, external_id text, display_name text,
      active boolean not null default true, email_values text[] not null default '{}', attributes jsonb not null default '{}',
      version int not null default 1, created_at timestamptz not null, updated_at timestamptz not null);
    create index on directory_user (lower(user_name));
    create index on directory_user using gin (email_values);
    create table directory_group (
      id uuid primary key, company_id uuid not null, display_name text not null, external_id text,
      attributes jsonb not null default '{}', version int not null default 1,
      created_at timestamptz not null default now(), updated_at timestamptz not null default now());
    create table directory_membership (
      company_id uuid not null, group_id uuid not null, member_id uuid not null, primary key (company_id, group_id, member_id));`);
  for (const user of USERS) await insertUser(user);
  // Same userName in another company: the company predicate the caller adds must keep it out.
  await insertUser([U5, '2011-01-01T00:00:00Z', '2011-01-01T00:00:00Z', { userName: 'bjensen' }], OTHER_COMPANY);
  await client.query(
    `insert into directory_group (id, company_id, display_name, attributes, created_at) values
       ($1, $3, 'Engineers', '{"displayName":"Engineers"}', '2020-01-01'), ($2, $3, 'Sales', '{"displayName":"Sales"}', '2020-01-02')`,
    [G1, G2, COMPANY],
  );
  await client.query(`insert into directory_membership values ($6, $1, $3), ($6, $1, $4), ($6, $2, $5)`, [G1, G2, U1, U2, U3, COMPANY]);
});

afterAll(async () => {
  await client?.end();
  await admin?.query(`drop database if exists ${database} with (force)`);
  await admin?.end();
});

async function select(filter: string | undefined, target: FilterTarget, sortBy?: string, order?: 'descending'): Promise<string[]> {
  const params = createParamSink(2);
  const where = filter ? compileFilter(parseFilter(filter), target, params) : 'true';
  const table = target.alias === 'u' ? 'directory_user' : 'directory_group';
  const sql = `select ${target.alias}.id from ${table} ${target.alias} where ${target.alias}.company_id = $1 and (${where}) order by ${compileSort(sortBy, order, target)}`;
  const result = await client.query<{ id: string }>(sql, [COMPANY, ...params.values]);
  return result.rows.map((row) => row.id);
}

const ids = (list: string[]) => list.map((id) => ({ [U1]: 'U1', [U2]: 'U2', [U3]: 'U3', [U4]: 'U4', [U5]: 'U5', [G1]: 'G1', [G2]: 'G2' })[id]);

describe('compiled filters on PostgreSQL: RFC 7644 §3.4.2.2 vectors', () => {
  it.each([
    ['userName eq "bjensen"', ['U1']],
    ['name.familyName co "O\'Malley"', ['U2']],
    ['userName sw "J"', ['U2', 'U3']],
    ['urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"', ['U2', 'U3']],
    ['title pr', ['U1']],
    ['meta.lastModified gt "2011-05-13T04:42:34Z"', ['U1', 'U3', 'U4']],
    ['meta.lastModified ge "2011-05-13T05:00:00Z"', ['U1', 'U3', 'U4']],
    ['meta.lastModified lt "2011-05-13T04:42:34Z"', ['U2']],
    ['meta.lastModified le "2012-01-01T00:00:00Z"', ['U2', 'U1', 'U3']],
    ['title pr and userType eq "Employee"', ['U1']],
    ['title pr or userType eq "Intern"', ['U2', 'U1']],
    [`schemas eq "${ENT}"`, ['U1']],
    ['userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")', ['U1']],
    ['userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")', ['U4']],
    ['userType eq "Employee" and (emails.type eq "work")', ['U1']],
    ['userType eq "Employee" and emails[type eq "work" and value co "@example.com"]', ['U1']],
    ['emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]', ['U1']],
  ])('%s', async (filter, expected) => {
    expect(ids(await select(filter, userFilterTarget()))).toEqual(expected);
  });
});

describe('compiled filters on PostgreSQL: IdP filters and edge cases', () => {
  it.each([
    ['Okta userName eq, different case (SCIM-NOTES §3.4 step 9)', 'userName eq "BJENSEN"', ['U1']],
    ['Entra emails[type eq "work"].value eq', 'emails[type eq "work"].value eq "bjensen@EXAMPLE.com"', ['U1']],
    ['emails.value eq on a home address', 'emails.value eq "JDOE@other.net"', ['U3']],
    ['emails[type eq "work"].value does not match a home address', 'emails[type eq "work"].value eq "jdoe@other.net"', []],
    ['externalId is caseExact', 'externalId eq "ext-3"', []],
    ['externalId eq', 'externalId eq "EXT-3"', ['U3']],
    ['Entra "False" boolean', 'active eq "False"', ['U2']],
    ['not on a missing attribute', 'not (title pr)', ['U2', 'U3', 'U4']],
    ['ne includes resources without the attribute', 'title ne "Tour Guide"', ['U2', 'U3', 'U4']],
    ['Entra roles[primary eq "True"]', 'roles[primary eq "True"]', ['U3']],
    ['manager.value', `${ENT}:manager.value eq "${U3}"`, ['U1']],
    ['LIKE wildcards are literal', 'userName co "_%"', ['U4']],
    ['eq null', 'displayName eq null', ['U2', 'U1', 'U3']],
    ['id eq', `id eq "${U2}"`, ['U2']],
    ['id eq non-uuid', 'id eq "garbage"', []],
    ['groups.value eq', `groups.value eq "${G2}"`, ['U3']],
    ['emails pr', 'emails pr', ['U2', 'U1', 'U3']],
    ['unknown extension in schemas', 'schemas eq "urn:okta:custom:1.0:User"', []],
  ])('%s', async (_label, filter, expected) => {
    expect(ids(await select(filter, userFilterTarget()))).toEqual(expected);
  });

  it.each([
    [`members.value eq "${U1}"`, ['G1']],
    [`members[value eq "${U3}"]`, ['G2']],
    ['members.value eq "not-a-uuid"', []],
    ['displayName eq "ENGINEERS"', ['G1']],
    [`displayName sw "s" or members.value eq "${U2}"`, ['G1', 'G2']],
  ])('groups: %s', async (filter, expected) => {
    expect(ids(await select(filter, groupFilterTarget()))).toEqual(expected);
  });
});

describe('compiled sorts on PostgreSQL', () => {
  it.each([
    [undefined, undefined, ['U2', 'U1', 'U3', 'U4']],
    ['userName', undefined, ['U4', 'U1', 'U3', 'U2']],
    ['userName', 'descending', ['U2', 'U3', 'U1', 'U4']],
    ['emails', undefined, ['U1', 'U3', 'U2', 'U4']],
    ['title', undefined, ['U3', 'U1', 'U2', 'U4']],
    ['meta.created', 'descending', ['U4', 'U3', 'U1', 'U2']],
  ] as const)('sortBy=%s %s', async (sortBy, order, expected) => {
    expect(ids(await select(undefined, userFilterTarget(), sortBy, order))).toEqual(expected);
  });
});
