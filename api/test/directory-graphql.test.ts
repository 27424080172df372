import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, gql, type GqlResponse } from './graphql-helpers.js';
import { seedDirectory } from './directory-seed.js';
import { startTestApp, type TestApp } from './harness.js';
import { PATCH_OP, scimClient, USER_URN, GROUP_URN } from './scim-client.js';
import { seedCompany, type SeededCompany } from './seed.js';

let t: TestApp;
let db: pg.Pool;
let acme: SeededCompany;
let other: SeededCompany;
const scimIds = new Map<string, string>();
let bigGroupId = '';

interface UserNode {
  id: string;
  userName: string;
  source: string;
  active: boolean | null;
  externalId: string | null;
  emails: { value: string; type: string | null; primary: boolean }[];
  createdByToken: string | null;
  updatedByToken: string | null;
}
interface Connection<T> { edges: { cursor: string; node: T }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } }

const USERS = `query($search: String, $filter: String, $active: Boolean, $first: Int, $after: String) {
  directoryUsers(search: $search, filter: $filter, active: $active, first: $first, after: $after) {
    edges { cursor node { id userName source active externalId emails { value type primary } createdByToken updatedByToken } }
    pageInfo { hasNextPage endCursor }
  }
}`;

beforeAll(async () => {
  t = await startTestApp();
  db = new pg.Pool({ connectionString: t.database.url, max: 4 });
  [acme, other] = await Promise.all([seedCompany(t), seedCompany(t)]);
  const scim = scimClient(acme);
  for (let i = 0; i < 30; i += 1) {
    const created = await scim('POST', '/Users', {
      schemas: [USER_URN],
      userName: `sc-${String(i).padStart(2, '0')}@example.com`,
      externalId: `EXT-${i}`,
      name: { givenName: `Given${i}`, familyName: `Family${i}`, formatted: `Given${i} Family${i}` },
      emails: [{ value: `Mail-${i}@Example.COM`, type: 'work', primary: true }],
    });
    expect(created.status).toBe(201);
    scimIds.set(created.body.userName, created.body.id);
  }
  await seedDirectory(db, { companyId: acme.companyId, prefix: 'b-', users: 200, groupSize: 1 });
  await seedDirectory(db, { companyId: acme.companyId, prefix: 'm-', users: 20, source: 'MANUAL' });
  await seedDirectory(db, { companyId: other.companyId, prefix: 'o-', users: 5, groupSize: 5 });
  const members = await db.query<{ id: string }>(`select id from directory_user where company_id = $1 and user_name like 'b-u%' limit 150`, [acme.companyId]);
  const group = await scim('POST', '/Groups', { schemas: [GROUP_URN], displayName: 'Everyone', externalId: 'All-Staff', members: members.rows.map((r) => ({ value: r.id })) });
  expect(group.status).toBe(201);
  bigGroupId = group.body.id;
}, 120_000);
afterAll(async () => {
  await db?.end();
  await t?.close();
});

async function usersPage(vars: Record<string, unknown>, company = acme) {
  const response = await gql<{ directoryUsers: Connection<UserNode> }>(t, USERS, vars, { token: company.apiToken });
  expect(response.errors).toBeUndefined();
  return response.data!.directoryUsers;
}

async function allUsers(vars: Record<string, unknown> = {}, first = 100): Promise<UserNode[]> {
  const seen: UserNode[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 20; pages += 1) {
    const page: Connection<UserNode> = await usersPage({ ...vars, first, after });
    seen.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return seen;
    after = page.pageInfo.endCursor;
  }
  throw new Error('too many pages');
}

describe('directoryUsers', () => {
  it('pages through 250 users, SCIM and manual, in userName order with no duplicates or gaps', async () => {
    const users = await allUsers();
    expect(users).toHaveLength(250);
    expect(new Set(users.map((u) => u.id)).size).toBe(250);
    const names = users.map((u) => u.userName.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(users.filter((u) => u.source === 'MANUAL')).toHaveLength(20);
    const stored = await db.query<{ id: string }>('select id from directory_user where company_id = $1', [acme.companyId]);
    expect(new Set(users.map((u) => u.id))).toEqual(new Set(stored.rows.map((r) => r.id)));
    // Smaller pages across the same rows agree with the large ones.
    expect((await allUsers({}, 37)).map((u) => u.id)).toEqual(users.map((u) => u.id));
  });

  it('searches userName, emails and externalId case-insensitively, as a substring, with LIKE wildcards literal', async () => {
    const byEmail = await allUsers({ search: 'mail-7@EXAMPLE' });
    expect(byEmail.map((u) => u.userName)).toEqual(['sc-07@example.com']);
    expect(byEmail[0]!.emails).toEqual([{ value: 'Mail-7@Example.COM', type: 'work', primary: true }]);
    expect((await allUsers({ search: 'ext-12' })).map((u) => u.externalId)).toEqual(['EXT-12']);
    expect(await allUsers({ search: 'B-U1' })).toHaveLength(111); // b-u1, b-u10…19, b-u100…199
    expect(await allUsers({ search: '%' })).toHaveLength(0);
    expect(await allUsers({ search: 'b_u1' })).toHaveLength(0);
  });

  it('filters with the SCIM grammar and answers a bad filter with the parser\'s message', async () => {
    const work = await allUsers({ filter: 'emails[type eq "work" and value co "example.com"]' });
    expect(work).toHaveLength(30);
    const combined = await allUsers({ filter: 'userName sw "b-u1" and not (userName eq "b-u1")', search: 'u19' });
    expect(combined.map((u) => u.userName)).toEqual(['b-u19', 'b-u190', 'b-u191', 'b-u192', 'b-u193', 'b-u194', 'b-u195', 'b-u196', 'b-u197', 'b-u198', 'b-u199']);
    const wide = await allUsers({ filter: 'userName sw "b-"' });
    expect(wide).toHaveLength(200);
    for (const filter of ['userName eq', 'nosuch eq "x"', 'userName xx "a"']) {
      const bad = await gql(t, USERS, { filter }, { token: acme.apiToken });
      expect(codes(bad), filter).toEqual(['BAD_USER_INPUT']);
      expect(bad.errors?.[0]?.message, filter).toMatch(/^Invalid filter: ./);
    }
  });

  it('splits users by active; an unassigned user counts as not active', async () => {
    const scim = scimClient(acme);
    const suspended = scimIds.get('sc-01@example.com')!;
    const unassigned = scimIds.get('sc-02@example.com')!;
    expect((await scim('PATCH', `/Users/${suspended}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] })).status).toBe(200);
    expect((await scim('PATCH', `/Users/${unassigned}`, { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: 'active' }] })).status).toBe(200);
    const inactive = await allUsers({ active: false });
    expect(inactive.map((u) => [u.id, u.active])).toEqual([[suspended, false], [unassigned, null]]);
    const active = await allUsers({ active: true });
    expect(active).toHaveLength(248);
    expect(active.every((u) => u.active === true)).toBe(true);
  });

  it('refuses a cursor it did not issue', async () => {
    const response = await gql(t, USERS, { after: 'bm90LWEtY3Vyc29y' }, { token: acme.apiToken });
    expect(codes(response)).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(t, USERS, { first: 101 }, { token: acme.apiToken }))).toEqual(['BAD_USER_INPUT']);
  });
});

const GROUP = `query($id: ID!, $after: String) {
  directoryGroup(id: $id) {
    id displayName externalId memberCount source scimResource
    members(first: 100, after: $after) { edges { node { id type display } } pageInfo { hasNextPage endCursor } }
  }
}`;
type GroupResult = { directoryGroup: null | { id: string; displayName: string; memberCount: number; scimResource: unknown; members: Connection<{ id: string; type: string; display: string }> } };

describe('query cost', () => {
  it('counts unpaged directory connections at their default page size, and scimResource as a dear field', async () => {
    const nested = '{ directoryUsers { edges { node { groups { edges { node { members { edges { node { id } } } } } } } } } }';
    const refused = await gql(t, nested, {}, { token: acme.apiToken });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COSTLY' });
    const resources = await gql(t, '{ directoryGroups(first: 100) { edges { node { scimResource members(first: 100) { edges { node { id } } } } } } }', {}, { token: acme.apiToken });
    expect(resources.errors?.[0]?.extensions).toMatchObject({ reason: 'QUERY_TOO_COSTLY' });
  });
});

describe('directoryGroups', () => {
  it('pages through 201 groups and searches them by displayName or externalId', async () => {
    const query = `query($search: String, $filter: String, $after: String) { directoryGroups(search: $search, filter: $filter, first: 100, after: $after) {
      edges { node { id displayName memberCount } } pageInfo { hasNextPage endCursor } } }`;
    type Groups = { directoryGroups: Connection<{ id: string; displayName: string; memberCount: number }> };
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const response: GqlResponse<Groups> = await gql<Groups>(t, query, { after }, { token: acme.apiToken });
      seen.push(...response.data!.directoryGroups.edges.map((e) => e.node.displayName));
      after = response.data!.directoryGroups.pageInfo.hasNextPage ? response.data!.directoryGroups.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(201);
    expect(new Set(seen).size).toBe(201);
    const found = await gql<Groups>(t, query, { search: 'all-STAFF' }, { token: acme.apiToken });
    expect(found.data!.directoryGroups.edges.map((e) => e.node)).toEqual([{ id: bigGroupId, displayName: 'Everyone', memberCount: 150 }]);
    const filtered = await gql<Groups>(t, query, { filter: 'displayName eq "everyone"' }, { token: acme.apiToken });
    expect(filtered.data!.directoryGroups.edges).toHaveLength(1);
    expect(codes(await gql(t, query, { filter: 'members[' }, { token: acme.apiToken }))).toEqual(['BAD_USER_INPUT']);
  });

  it('pages a group\'s 150 members by keyset and serves the group as GET /Groups/{id} does', async () => {
    const first = await gql<GroupResult>(t, GROUP, { id: bigGroupId }, { token: acme.apiToken });
    expect(first.errors).toBeUndefined();
    const group = first.data!.directoryGroup!;
    expect(group.memberCount).toBe(150);
    expect(group.members.edges).toHaveLength(100);
    expect(group.members.pageInfo.hasNextPage).toBe(true);
    const second = await gql<GroupResult>(t, GROUP, { id: bigGroupId, after: group.members.pageInfo.endCursor }, { token: acme.apiToken });
    const rest = second.data!.directoryGroup!.members;
    expect(rest.edges).toHaveLength(50);
    expect(rest.pageInfo.hasNextPage).toBe(false);
    const ids = [...group.members.edges, ...rest.edges].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(150);
    expect(group.members.edges[0]!.node).toMatchObject({ type: 'USER', display: expect.stringMatching(/^User b-u/) });
    const viaScim = await scimClient(acme)('GET', `/Groups/${bigGroupId}`);
    expect(group.scimResource).toEqual(viaScim.body);
    // A member cursor is a uuid; anything else is refused before it reaches SQL.
    const forged = Buffer.from('k:not-a-uuid').toString('base64url');
    expect(codes(await gql(t, GROUP, { id: bigGroupId, after: forged }, { token: acme.apiToken }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('directoryUser', () => {
  it('serves the user as GET /Users/{id} does, with its groups and the token that wrote it', async () => {
    const id = scimIds.get('sc-05@example.com')!;
    const query = `query($id: ID!) { directoryUser(id: $id) {
      id userName name { formatted givenName familyName } displayName createdByToken updatedByToken created lastModified scimResource
      groups { edges { node { id displayName } } pageInfo { hasNextPage } } } }`;
    const response = await gql<{ directoryUser: Record<string, unknown> }>(t, query, { id }, { token: acme.apiToken });
    expect(response.errors).toBeUndefined();
    const viaScim = await scimClient(acme)('GET', `/Users/${id}`);
    expect(response.data!.directoryUser).toMatchObject({
      id,
      userName: 'sc-05@example.com',
      name: { formatted: 'Given5 Family5', givenName: 'Given5', familyName: 'Family5' },
      created: viaScim.body.meta.created,
      lastModified: viaScim.body.meta.lastModified,
      groups: { edges: [], pageInfo: { hasNextPage: false } },
    });
    expect(response.data!.directoryUser.scimResource).toEqual(viaScim.body);

    const member = (await db.query<{ id: string }>(`select member_id as id from directory_membership where group_id = $1 limit 1`, [bigGroupId])).rows[0]!.id;
    const withGroups = await gql<{ directoryUser: { groups: Connection<{ id: string; displayName: string }>; scimResource: unknown } }>(t, query, { id: member }, { token: acme.apiToken });
    expect(withGroups.data!.directoryUser.groups.edges.map((e) => e.node.displayName).sort()).toEqual(expect.arrayContaining(['Everyone']));
    expect(withGroups.data!.directoryUser.scimResource).toEqual((await scimClient(acme)('GET', `/Users/${member}`)).body);
  });

  it('names the SCIM token that created each user and group and the one that last changed it', async () => {
    const entra = await t.services().tokens.createScimToken(acme.companyId, 'Entra ID', 'test');
    const entraScim = scimClient({ ...acme, scimToken: entra.secret });
    const id = scimIds.get('sc-09@example.com')!;
    expect((await entraScim('PATCH', `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'displayName', value: 'Nine' }] })).status).toBe(200);
    const users = await allUsers({ search: 'sc-' });
    expect(users.find((u) => u.id === id)).toMatchObject({ createdByToken: 'Test IdP', updatedByToken: 'Entra ID' });
    expect(users.filter((u) => u.id !== id).every((u) => u.createdByToken === 'Test IdP' && u.updatedByToken === 'Test IdP')).toBe(true);
    expect((await allUsers({ search: 'm-u' })).every((u) => u.createdByToken === null && u.updatedByToken === null)).toBe(true);

    const query = `query($id: ID!) { directoryGroup(id: $id) { createdByToken updatedByToken memberCount } }`;
    const before = await gql<{ directoryGroup: Record<string, unknown> }>(t, query, { id: bigGroupId }, { token: acme.apiToken });
    expect(before.data!.directoryGroup).toEqual({ createdByToken: 'Test IdP', updatedByToken: 'Test IdP', memberCount: 150 });
    const manual = (await db.query<{ id: string }>(`select id from directory_user where company_id = $1 and user_name = 'm-u1'`, [acme.companyId])).rows[0]!.id;
    const add = { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: [{ value: manual }] }] };
    expect((await entraScim('PATCH', `/Groups/${bigGroupId}`, add)).status).toBe(204);
    const after = await gql<{ directoryGroup: Record<string, unknown> }>(t, query, { id: bigGroupId }, { token: acme.apiToken });
    expect(after.data!.directoryGroup).toEqual({ createdByToken: 'Test IdP', updatedByToken: 'Entra ID', memberCount: 151 });
    const remove = { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: `members[value eq "${manual}"]` }] };
    expect((await scimClient(acme)('PATCH', `/Groups/${bigGroupId}`, remove)).status).toBe(204);
    const removed = await gql<{ directoryGroup: Record<string, unknown> }>(t, query, { id: bigGroupId }, { token: acme.apiToken });
    expect(removed.data!.directoryGroup).toEqual({ createdByToken: 'Test IdP', updatedByToken: 'Test IdP', memberCount: 150 });
  });

  it('answers null for another company\'s user or group, a missing id and a malformed one', async () => {
    const theirs = await db.query<{ user_id: string; group_id: string }>(
      `select (select id from directory_user where company_id = $1 limit 1) as user_id, (select id from directory_group where company_id = $1 limit 1) as group_id`,
      [other.companyId],
    );
    const query = `query($u: ID!, $g: ID!) { directoryUser(id: $u) { id } directoryGroup(id: $g) { id } }`;
    for (const [u, g] of [[theirs.rows[0]!.user_id, theirs.rows[0]!.group_id], ['00000000-0000-4000-8000-000000000000', 'nope']]) {
      const response = await gql(t, query, { u, g }, { token: acme.apiToken });
      expect(response).toMatchObject({ data: { directoryUser: null, directoryGroup: null } });
      expect(response.errors).toBeUndefined();
    }
    const theirGroups = await gql<GroupResult>(t, GROUP, { id: bigGroupId }, { token: other.apiToken });
    expect(theirGroups.data!.directoryGroup).toBeNull();
    expect((await allUsersOf(other)).map((u) => u.userName).sort()).toEqual(['o-u1', 'o-u2', 'o-u3', 'o-u4', 'o-u5']);
  });

  it('is FORBIDDEN without iam:read, field by field', async () => {
    const manager = await seedCompany(t, { permissions: ['iam:manage'] });
    const response = await gql(t, '{ directoryUsers { edges { cursor } } directoryGroups { edges { cursor } } directoryUser(id: "x") { id } directoryGroup(id: "x") { id } }', {}, { token: manager.apiToken });
    expect(response.data).toEqual({ directoryUsers: null, directoryGroups: null, directoryUser: null, directoryGroup: null });
    expect(codes(response)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(codes(await gql(t, '{ directoryUsers { edges { cursor } } }'))).toEqual(['UNAUTHENTICATED']);
  });
});

async function allUsersOf(company: SeededCompany) {
  return (await usersPage({ first: 100 }, company)).edges.map((e) => e.node);
}
