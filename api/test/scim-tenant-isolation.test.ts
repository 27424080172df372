/** Issue 11 §7: company A's SCIM token reaches none of company B's resources, by any method. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.js';
import { seedCompany, type SeededCompany } from './seed.js';
import { ENTERPRISE_URN, GROUP_URN, PATCH_OP, USER_URN, scimClient, type ScimResult } from './scim-client.js';

const BULK_URN = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';
const SEARCH_URN = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';

let t: TestApp;
let a: SeededCompany;
let b: SeededCompany;
let scimA: ReturnType<typeof scimClient>;
let scimB: ReturnType<typeof scimClient>;
/** B's resources, as B reads them. */
let bUser: { id: string; userName: string; externalId: string };
let bGroup: { id: string; displayName: string };
let aGroupId: string;
let aUserId: string;

beforeAll(async () => {
  t = await startTestApp();
  [a, b] = await Promise.all([seedCompany(t), seedCompany(t)]);
  scimA = scimClient(a);
  scimB = scimClient(b);
  const user = await scimB('POST', '/Users', { schemas: [USER_URN], userName: 'b-secret@example.com', externalId: 'b-ext-1', name: { familyName: 'Bee' } });
  bUser = user.body;
  bGroup = (await scimB('POST', '/Groups', { schemas: [GROUP_URN], displayName: 'B Team', members: [{ value: bUser.id }] })).body;
  aGroupId = (await scimA('POST', '/Groups', { schemas: [GROUP_URN], displayName: 'A Team' })).body.id;
  aUserId = (await scimA('POST', '/Users', { schemas: [USER_URN], userName: 'a-user@example.com' })).body.id;
});
afterAll(() => t?.close());

/** What B sees of its own resources; compared before and after A's attempts. */
async function bState() {
  const [user, group, users, groups] = await Promise.all([
    scimB('GET', `/Users/${bUser.id}`),
    scimB('GET', `/Groups/${bGroup.id}`),
    scimB('GET', '/Users'),
    scimB('GET', '/Groups'),
  ]);
  return { user: user.body, group: group.body, users: users.body.totalResults, groups: groups.body.totalResults };
}

/** Nothing of B's may appear in anything A is answered, beyond the ids A itself sent (`echoed`). */
function expectNoLeak(result: ScimResult, what: string, echoed: string[] = []) {
  const ids = [bUser.id, bGroup.id].filter((id) => !echoed.includes(id));
  for (const secret of [...ids, bUser.userName, bUser.externalId, 'Bee', bGroup.displayName, b.slug, b.companyId]) {
    expect(result.raw, `${what} leaks ${secret}`).not.toContain(secret);
  }
  expect(result.status, what).not.toBe(500);
}

const filters = () => [
  `userName eq "${bUser.userName}"`,
  `id eq "${bUser.id}"`,
  `externalId eq "${bUser.externalId}"`,
  `userName sw "b-secret"`,
  `emails pr or userName co "secret"`,
  `groups.value eq "${bGroup.id}"`,
];

describe('A\'s token on B\'s resources', () => {
  it('by id: GET, PUT, PATCH and DELETE on B\'s user and group are 404 and change nothing', async () => {
    const before = await bState();
    const attempts: [string, string, unknown?][] = [
      ['GET', `/Users/${bUser.id}`],
      ['GET', `/Users/${bUser.id}?attributes=userName`],
      ['PUT', `/Users/${bUser.id}`, { schemas: [USER_URN], userName: 'stolen@example.com' }],
      ['PATCH', `/Users/${bUser.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] }],
      ['DELETE', `/Users/${bUser.id}`],
      ['GET', `/Groups/${bGroup.id}`],
      ['PUT', `/Groups/${bGroup.id}`, { schemas: [GROUP_URN], displayName: 'Stolen', members: [] }],
      ['PATCH', `/Groups/${bGroup.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: 'members' }] }],
      ['PATCH', `/Groups/${bGroup.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: [{ value: aUserId }] }] }],
      ['DELETE', `/Groups/${bGroup.id}`],
    ];
    for (const [method, path, body] of attempts) {
      const result = await scimA(method, path, body);
      expect(result.status, `${method} ${path}`).toBe(404);
      expectNoLeak(result, `${method} ${path}`, [bUser.id, bGroup.id]);
    }
    // Answered exactly like an id that exists nowhere.
    const nowhere = await scimA('GET', '/Users/00000000-0000-4000-8000-000000000000');
    expect((await scimA('GET', `/Users/${bUser.id}`)).body.detail.replace(bUser.id, 'X')).toBe(nowhere.body.detail.replace('00000000-0000-4000-8000-000000000000', 'X'));
    expect(await bState()).toEqual(before);
  });

  it('by filter, GET and POST /.search alike: B\'s users and groups are never found', async () => {
    for (const filter of filters()) {
      for (const result of [
        await scimA('GET', `/Users?filter=${encodeURIComponent(filter)}`),
        await scimA('POST', '/Users/.search', { schemas: [SEARCH_URN], filter }),
        await scimA('POST', '/.search', { schemas: [SEARCH_URN], filter }),
      ]) {
        expect(result.status, filter).toBe(200);
        expectNoLeak(result, filter, [bUser.id, bGroup.id]);
        expect(result.body.totalResults, filter).toBe(0);
      }
    }
    for (const filter of [`displayName eq "${bGroup.displayName}"`, `id eq "${bGroup.id}"`, `members.value eq "${bUser.id}"`, `members eq "${bUser.id}"`]) {
      for (const result of [
        await scimA('GET', `/Groups?filter=${encodeURIComponent(filter)}`),
        await scimA('POST', '/Groups/.search', { schemas: [SEARCH_URN], filter }),
      ]) {
        expect(result.status, filter).not.toBe(500);
        expectNoLeak(result, filter, [bUser.id, bGroup.id]);
        if (result.status === 200) expect(result.body.totalResults, filter).toBe(0);
      }
    }
  });

  it('references: B\'s user joins none of A\'s groups and manages none of A\'s users', async () => {
    const before = await bState();
    const refusals: ScimResult[] = [
      await scimA('PATCH', `/Groups/${aGroupId}`, { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: [{ value: bUser.id }] }] }),
      await scimA('PATCH', `/Groups/${aGroupId}`, { schemas: [PATCH_OP], Operations: [{ op: 'add', value: { members: [{ value: bGroup.id }] } }] }),
      await scimA('PUT', `/Groups/${aGroupId}`, { schemas: [GROUP_URN], displayName: 'A Team', members: [{ value: bUser.id }] }),
      await scimA('POST', '/Groups', { schemas: [GROUP_URN], displayName: 'A with B', members: [{ value: bUser.id }] }),
    ];
    for (const result of refusals) {
      expect(result.status).toBe(400);
      expectNoLeak(result, 'membership', [bUser.id, bGroup.id]);
    }
    const removal = await scimA('PATCH', `/Groups/${aGroupId}`, { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: `members[value eq "${bUser.id}"]` }] });
    expect([200, 204, 400]).toContain(removal.status);
    expect((await scimA('GET', `/Groups/${aGroupId}`)).body.members ?? []).toEqual([]);
    const manager = await scimA('PATCH', `/Users/${aUserId}`, {
      schemas: [PATCH_OP], Operations: [{ op: 'replace', path: `${ENTERPRISE_URN}:manager`, value: { value: bUser.id } }],
    });
    expectNoLeak(manager, 'manager', [bUser.id]);
    const aUser = (await scimA('GET', `/Users/${aUserId}`)).body;
    // At most the opaque value A sent: no displayName or $ref resolved from B's directory.
    expect(Object.keys(aUser[ENTERPRISE_URN]?.manager ?? {}).filter((key) => key !== 'value')).toEqual([]);
    expect(await bState()).toEqual(before);
  });

  it('Bulk: B\'s ids fail one by one, and bulkIds never resolve to B\'s resources', async () => {
    const before = await bState();
    // B's own bulk names a bulkId; A's bulk using the same name must not see it.
    await scimB('POST', '/Bulk', { schemas: [BULK_URN], Operations: [{ method: 'POST', path: '/Users', bulkId: 'shared', data: { schemas: [USER_URN], userName: 'b-bulk@example.com' } }] });
    const result = await scimA('POST', '/Bulk', {
      schemas: [BULK_URN],
      Operations: [
        { method: 'PUT', path: `/Users/${bUser.id}`, data: { schemas: [USER_URN], userName: 'stolen@example.com' } },
        { method: 'PATCH', path: `/Users/${bUser.id}`, data: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'active', value: false }] } },
        { method: 'DELETE', path: `/Users/${bUser.id}` },
        { method: 'PATCH', path: `/Groups/${bGroup.id}`, data: { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: 'members' }] } },
        { method: 'DELETE', path: `/Groups/${bGroup.id}` },
        { method: 'POST', path: '/Groups', bulkId: 'g', data: { schemas: [GROUP_URN], displayName: 'A bulk group', members: [{ value: bUser.id }] } },
        { method: 'PATCH', path: '/Users/bulkId:shared', data: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'title', value: 'x' }] } },
      ],
    });
    expect(result.status).toBe(200);
    const statuses = (result.body.Operations as { status: string }[]).map((operation) => operation.status);
    expect(statuses.slice(0, 5)).toEqual(['404', '404', '404', '404', '404']);
    expect(statuses[5]).toBe('400');
    expect(['400', '404', '409']).toContain(statuses[6]);
    expectNoLeak(result, 'bulk', [bUser.id, bGroup.id]);
    const after = await bState();
    expect({ ...after, users: after.users - 1 }).toEqual(before);
  });

  it('lists and discovery: A sees only its own resources', async () => {
    for (const path of ['/Users', '/Groups', '/Users?count=1000&sortBy=userName', '/Groups?excludedAttributes=members', '/ServiceProviderConfig', '/ResourceTypes', '/Schemas']) {
      // A's own user holds B's user id as its manager value: A wrote it, and it resolves to nothing of B's.
      expectNoLeak(await scimA('GET', path), path, [bUser.id]);
    }
    // And B's base URL with A's token is a 401, answered like any wrong token.
    const crossed = await scimClient({ scimBaseUrl: b.scimBaseUrl, scimToken: a.scimToken })('GET', `/Users/${bUser.id}`);
    expect(crossed.status).toBe(401);
    expect(crossed.raw).not.toContain(bUser.userName);
  });
});
