/** Writes without row locks (version-guarded statements, hints, coalesced member adds) stay exact under races. */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.js';
import { seedCompany, type SeededCompany } from './seed.js';
import { PATCH_OP, USER_URN, scimClient } from './scim-client.js';

const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';

let t: TestApp;
let c: SeededCompany;
let scim: ReturnType<typeof scimClient>;
let other: pg.Client;
beforeAll(async () => {
  t = await startTestApp();
  c = await seedCompany(t);
  scim = scimClient(c);
  other = new pg.Client({ connectionString: t.database.url });
  await other.connect();
});
afterAll(async () => {
  await other.end();
  await t.close();
});

const createUser = async (userName: string) =>
  (await scim('POST', '/Users', { schemas: [USER_URN], userName, emails: [{ value: userName, type: 'work' }] })).body as { id: string };
const patch = (operations: unknown[]) => ({ schemas: [PATCH_OP], Operations: operations });

describe('concurrent user PATCH', () => {
  it('applies every one of many concurrent PATCHes to one user, each with its own version', async () => {
    const user = await createUser('race@example.com');
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) =>
      scim('PATCH', `/Users/${user.id}`, patch([{ op: 'add', path: 'emails', value: [{ value: `alias${i}@example.com`, type: 'other' }] }]))));
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(200));
    expect(new Set(results.map((r) => r.headers.get('etag'))).size).toBe(12);
    const final = await scim('GET', `/Users/${user.id}`);
    expect(final.body.emails).toHaveLength(13);
    expect(final.body.meta.version).toBe('W/"13"');
  });

  it('applies a PATCH to the stored user when another process changed it since this one last saw it', async () => {
    const user = await createUser('stale@example.com');
    await other.query(
      `update directory_user set attributes = attributes || '{"title": "Set elsewhere"}', version = version + 1 where id = $1`,
      [user.id],
    );
    const patched = await scim('PATCH', `/Users/${user.id}`, patch([{ op: 'replace', path: 'displayName', value: 'Patched' }]));
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ title: 'Set elsewhere', displayName: 'Patched', meta: { version: 'W/"3"' } });
  });

  it('answers If-Match against the stored version, not the one this process last saw', async () => {
    const user = await createUser('ifmatch@example.com');
    await other.query('update directory_user set version = version + 1 where id = $1', [user.id]);
    const body = patch([{ op: 'replace', path: 'active', value: false }]);
    expect((await scim('PATCH', `/Users/${user.id}`, body, { 'if-match': 'W/"1"' })).status).toBe(412);
    expect((await scim('PATCH', `/Users/${user.id}`, body, { 'if-match': 'W/"2"' })).status).toBe(200);
    expect((await scim('DELETE', `/Users/${user.id}`, undefined, { 'if-match': 'W/"2"' })).status).toBe(412);
    expect((await scim('DELETE', `/Users/${user.id}`, undefined, { 'if-match': 'W/"3"' })).status).toBe(204);
    expect((await scim('DELETE', `/Users/${user.id}`)).status).toBe(404);
  });
});

describe('concurrent group member adds', () => {
  it('adds every member of concurrent one-member PATCHes, each with its own version', async () => {
    const group = (await scim('POST', '/Groups', { schemas: [GROUP_URN], displayName: 'Crowd' })).body as { id: string };
    const users = await Promise.all(Array.from({ length: 30 }, (_, i) => createUser(`member${i}@example.com`)));
    const results = await Promise.all(users.map((user) =>
      scim('PATCH', `/Groups/${group.id}`, patch([{ op: 'add', path: 'members', value: [{ value: user.id }] }]))));
    expect(results.map((r) => r.status)).toEqual(Array(30).fill(204));
    expect(new Set(results.map((r) => r.headers.get('etag'))).size).toBe(30);
    const final = await scim('GET', `/Groups/${group.id}`);
    expect(final.body.members).toHaveLength(30);
    expect(final.body.meta.version).toBe('W/"31"');
  });

  it('refuses only the PATCH naming an unknown member when it races others', async () => {
    const group = (await scim('POST', '/Groups', { schemas: [GROUP_URN], displayName: 'Mixed' })).body as { id: string };
    const users = await Promise.all(Array.from({ length: 8 }, (_, i) => createUser(`mixed${i}@example.com`)));
    const ids = [...users.map((user) => user.id), '00000000-0000-4000-8000-000000000000'];
    const results = await Promise.all(ids.map((id) =>
      scim('PATCH', `/Groups/${group.id}`, patch([{ op: 'add', path: 'members', value: [{ value: id }] }]))));
    expect(results.map((r) => r.status)).toEqual([...Array(8).fill(204), 400]);
    expect((await scim('GET', `/Groups/${group.id}`)).body.members).toHaveLength(8);
  });

  it('keeps 404 and If-Match answers for member PATCHes', async () => {
    const group = (await scim('POST', '/Groups', { schemas: [GROUP_URN], displayName: 'Guarded' })).body as { id: string };
    const user = await createUser('guarded@example.com');
    const add = patch([{ op: 'add', path: 'members', value: [{ value: user.id }] }]);
    expect((await scim('PATCH', '/Groups/00000000-0000-4000-8000-000000000000', add)).status).toBe(404);
    expect((await scim('PATCH', `/Groups/${group.id}`, add, { 'if-match': 'W/"7"' })).status).toBe(412);
    expect((await scim('PATCH', `/Groups/${group.id}`, add, { 'if-match': 'W/"1"' })).status).toBe(204);
    const remove = patch([{ op: 'remove', path: `members[value eq "${user.id}"]` }]);
    expect((await scim('PATCH', `/Groups/${group.id}`, remove, { 'if-match': 'W/"1"' })).status).toBe(412);
    expect((await scim('PATCH', `/Groups/${group.id}`, remove)).status).toBe(204);
    expect((await scim('GET', `/Groups/${group.id}`)).body.members).toEqual([]);
  });
});
