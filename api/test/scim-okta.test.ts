/**
 * Okta conformance. The sequence follows Okta's "SCIM 2.0 Spec Test" (Runscope/BlazeMeter
 * collection described in okta/okta-developer-docs: .../scim-provisioning-integration-test and
 * SCIM-NOTES §3) and the request bodies of Okta's SCIM 2.0 protocol reference
 * (okta/okta-developer-docs: packages/@okta/vuepress-site/docs/reference/scim/scim-20/index.md).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.js';
import { seedCompany, type SeededCompany } from './seed.js';
import { ENTERPRISE_URN, ERROR_URN, GROUP_URN, LIST_URN, PATCH_OP, USER_URN, scimClient } from './scim-client.js';

let t: TestApp;
let company: SeededCompany;
let scim: ReturnType<typeof scimClient>;
beforeAll(async () => {
  t = await startTestApp();
  company = await seedCompany(t);
  // Okta's spec test posts application/json (SCIM-NOTES §1.2).
  scim = scimClient(company, { contentType: 'application/json', userAgent: 'Okta SCIM Client 1.0.0' });
});
afterAll(() => t.close());

const userName = `${randomUUID()}@example.com`;
const oktaUser = {
  schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
  userName,
  name: { givenName: 'Test', familyName: 'User' },
  emails: [{ primary: true, value: userName, type: 'work' }],
  displayName: 'Test User',
  locale: 'en-US',
  externalId: '00ujl29u0le5T6Aj10h7',
  groups: [],
  password: '1mz050nq',
  active: true,
};

describe('Okta SCIM 2.0 spec test', () => {
  let id = '';

  it('step 1-2: GET /Users?count=1&startIndex=1 answers a ListResponse with integer numbers', async () => {
    const list = await scim('GET', '/Users?count=1&startIndex=1');
    expect(list.status).toBe(200);
    expect(list.body.schemas).toEqual([LIST_URN]);
    expect(typeof list.body.totalResults).toBe('number');
    expect(typeof list.body.itemsPerPage).toBe('number');
    expect(typeof list.body.startIndex).toBe('number');
    expect(Array.isArray(list.body.Resources)).toBe(true);
  });

  it('step 4: filter for a random userName finds nothing', async () => {
    const none = await scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "${randomUUID()}@example.com"`)}&startIndex=1&count=100`);
    expect(none.body).toMatchObject({ totalResults: 0, Resources: [] });
  });

  it('step 6: create a user (with a password that is never returned)', async () => {
    const created = await scim('POST', '/Users', oktaUser);
    expect(created.status).toBe(201);
    expect(created.body.active).toBe(true);
    expect(created.body.schemas).toContain(USER_URN);
    expect(created.body.userName).toBe(userName);
    expect(created.body.name).toEqual({ givenName: 'Test', familyName: 'User' });
    expect(created.body).not.toHaveProperty('password');
    expect(created.raw).not.toContain('1mz050nq');
    id = created.body.id;
  });

  it('step 7: the created user reads back with the same fields', async () => {
    const got = await scim('GET', `/Users/${id}`);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ userName, displayName: 'Test User', locale: 'en-US', externalId: '00ujl29u0le5T6Aj10h7' });
  });

  it('step 8: recreating the same user fails with 409 uniqueness', async () => {
    const again = await scim('POST', '/Users', oktaUser);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ schemas: [ERROR_URN], status: '409', scimType: 'uniqueness' });
    const upper = await scim('POST', '/Users', { ...oktaUser, userName: userName.toUpperCase() });
    expect(upper.status).toBe(409);
  });

  it('step 9: userName filter is case-insensitive', async () => {
    const found = await scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "${userName.toUpperCase()}"`)}`);
    expect(found.status).toBe(200);
    expect(found.body.totalResults).toBe(1);
  });

  it('step 10: GET /Groups answers 200', async () => {
    const groups = await scim('GET', '/Groups');
    expect(groups.status).toBe(200);
    expect(groups.body.schemas).toEqual([LIST_URN]);
  });

  it('step 11: a non-token Authorization answers 401 in the SCIM error format', async () => {
    const denied = await scimClient(company, { token: 'non-token' })('GET', '/Users');
    expect(denied.status).toBe(401);
    expect(denied.body).toMatchObject({ schemas: [ERROR_URN], status: '401' });
    expect(denied.body.detail).toBeTruthy();
  });

  it('step 12: an unknown id answers 404 in the SCIM error format', async () => {
    const missing = await scim('GET', '/Users/00919288221112222');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ schemas: [ERROR_URN], status: '404' });
    expect(missing.body.detail).toBeTruthy();
  });

  it('profile update by PUT, then deactivate by PATCH without path, then reactivate', async () => {
    const put = await scim('PUT', `/Users/${id}`, { ...oktaUser, name: { givenName: 'Another', familyName: 'User' }, id });
    expect(put.status).toBe(200);
    expect(put.body.name.givenName).toBe('Another');
    const off = await scim('PATCH', `/Users/${id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    const on = await scim('PATCH', `/Users/${id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', value: { active: true } }],
    });
    expect(on.body.active).toBe(true);
  });
});

describe('Okta profile pushes with the enterprise extension (issue 12)', () => {
  it('a no-path replace carrying the whole extension object, schemas and id included, stores only its attributes', async () => {
    const created = await scim('POST', '/Users', { ...oktaUser, userName: `ext-${randomUUID()}@example.com` });
    const patched = await scim('PATCH', `/Users/${created.body.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', value: { id: created.body.id, [ENTERPRISE_URN]: { schemas: [ENTERPRISE_URN], department: 'Sales', costCenter: '42' } } }],
    });
    expect(patched.status).toBe(200);
    const got = await scim('GET', `/Users/${created.body.id}`);
    expect(got.body[ENTERPRISE_URN]).toEqual({ department: 'Sales', costCenter: '42' });
    expect(Object.keys(got.body).filter((key) => key.startsWith('urn:'))).toEqual([ENTERPRISE_URN]);
  });

  it('a deactivated user stays deactivated when a later PATCH removes active', async () => {
    const created = await scim('POST', '/Users', { ...oktaUser, userName: `off-${randomUUID()}@example.com` });
    await scim('PATCH', `/Users/${created.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] });
    const removed = await scim('PATCH', `/Users/${created.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: 'active' }] });
    expect(removed.status).toBe(200);
    expect(removed.body.active).toBeUndefined();
    const activeOnes = await scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "${created.body.userName}" and active eq true`)}`);
    expect(activeOnes.body.totalResults).toBe(0);
  });
});

describe('Okta group push', () => {
  it('creates, renames (value carries the read-only id), adds and removes members, replaces by PUT, deletes', async () => {
    const alice = (await scim('POST', '/Users', { ...oktaUser, userName: 'alice@okta.example', externalId: 'a1' })).body.id;
    const bob = (await scim('POST', '/Users', { ...oktaUser, userName: 'bob@okta.example', externalId: 'b1' })).body.id;
    const created = await scim('POST', '/Groups', { schemas: [GROUP_URN], displayName: 'Test SCIMv2', members: [] });
    expect(created.status).toBe(201);
    const groupId = created.body.id;

    const renamed = await scim('PATCH', `/Groups/${groupId}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'replace', value: { id: groupId, displayName: 'Test SCIMv2 renamed' } }],
    });
    expect(renamed.status).toBe(204);

    const added = await scim('PATCH', `/Groups/${groupId}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'add', path: 'members', value: [{ value: alice, display: 'alice@okta.example' }, { value: bob, display: 'bob@okta.example' }] }],
    });
    expect(added.status).toBe(204);

    const removed = await scim('PATCH', `/Groups/${groupId}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'remove', path: `members[value eq "${alice}"]` }],
    });
    expect(removed.status).toBe(204);
    let group = await scim('GET', `/Groups/${groupId}`);
    expect(group.body.displayName).toBe('Test SCIMv2 renamed');
    expect(group.body.members.map((m: { value: string }) => m.value)).toEqual([bob]);

    const replaced = await scim('PUT', `/Groups/${groupId}`, {
      schemas: [GROUP_URN], id: groupId, displayName: 'Test SCIMv2 renamed', members: [{ value: alice, display: 'alice' }],
    });
    expect(replaced.status).toBe(200);
    group = await scim('GET', `/Groups/${groupId}`);
    expect(group.body.members.map((m: { value: string }) => m.value)).toEqual([alice]);

    expect((await scim('DELETE', `/Groups/${groupId}`)).status).toBe(204);
    expect((await scim('GET', `/Users/${alice}`)).body.groups ?? []).toEqual([]);
  });
});
