/** Malformed input that once answered 500 (issue 11, point 4): each is a SCIM 400 now and changes nothing. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isStorableText } from '../src/domain/storable-text.js';
import { startTestApp, type TestApp } from './harness.js';
import { seedCompany } from './seed.js';
import { ENTERPRISE_URN, ERROR_URN, GROUP_URN, PATCH_OP, USER_URN, scimClient, type ScimResult } from './scim-client.js';

const SEARCH_URN = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';
const BULK_URN = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';

let t: TestApp;
let scim: ReturnType<typeof scimClient>;
let userId: string;
let groupId: string;
let before: string[];
let companyId: string;

const snapshot = async () => [
  (await scim('GET', `/Users/${userId}`)).raw,
  (await scim('GET', `/Groups/${groupId}`)).raw,
  (await scim('GET', '/Users?count=0')).raw,
  (await scim('GET', '/Groups?count=0')).raw,
];

beforeAll(async () => {
  t = await startTestApp({ LOG_LEVEL: 'silent' });
  const company = await seedCompany(t);
  scim = scimClient(company);
  companyId = company.companyId;
  userId = (await scim('POST', '/Users', { schemas: [USER_URN], userName: 'canary@example.com', displayName: 'Canary' })).body.id;
  groupId = (await scim('POST', '/Groups', { schemas: [GROUP_URN], displayName: 'Canaries', members: [{ value: userId }] })).body.id;
  before = await snapshot();
});
afterAll(() => t.close());

function expectScimError(result: ScimResult, status: number, scimType?: string): void {
  expect(result.status, result.raw.slice(0, 300)).toBe(status);
  expect(result.contentType).toContain('application/scim+json');
  expect(result.body).toMatchObject({ schemas: [ERROR_URN], status: String(status), ...(scimType && { scimType }) });
  expect(isStorableText(result.body.detail)).toBe(true);
}

const deepObject = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
const deepArray = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
const search = (extra: Record<string, unknown>) => ({ schemas: [SEARCH_URN], ...extra });
const patch = (...Operations: unknown[]) => ({ schemas: [PATCH_OP], Operations });

describe('NUL and unpaired surrogates are refused at the edge', () => {
  it.each([
    ['NUL in a value', { schemas: [USER_URN], userName: 'a\u0000b@example.com' }],
    ['NUL in a key', { schemas: [USER_URN], userName: 'nul-key@example.com', 'urn:x:\u0000': { a: 1 } }],
    ['lone high surrogate', { schemas: [USER_URN], userName: 'sur\ud800@example.com' }],
    ['lone low surrogate in an extension', { schemas: [USER_URN], userName: 'low@example.com', 'urn:x:custom': { v: ['\udc00'] } }],
  ])('POST /Users with %s → 400 invalidValue', async (_name, body) => {
    expectScimError(await scim('POST', '/Users', body), 400, 'invalidValue');
  });

  it('in a PATCH value and in a filter string', async () => {
    expectScimError(await scim('PATCH', `/Users/${userId}`, patch({ op: 'replace', path: 'title', value: 'x\u0000' })), 400, 'invalidValue');
    expectScimError(await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "a\\u0000b"')}`), 400, 'invalidFilter');
    expectScimError(await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "a\\ud800b"')}`), 400, 'invalidFilter');
    expectScimError(await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "a\u0000b"')}`), 400, 'invalidFilter');
    const path = await scim('PATCH', `/Users/${userId}`, patch({ op: 'remove', path: 'emails[value eq "\\u0000"]' }));
    expectScimError(path, 400, 'invalidPath');
  });

  it('the activity log records the refusal with the NUL escaped', async () => {
    await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "a\u0000b" and nickName eq \u0000')}`);
    await vi.waitFor(async () => {
      const { nodes } = await t.services().activity.listRecent(companyId, { first: 5, after: null }, true);
      expect(nodes.find((event) => event.message?.includes('nickName eq \\u0000'))).toMatchObject({ status: 400, scimType: 'invalidFilter' });
    }, { timeout: 5_000 });
  });
});

describe('numbers beyond bigint', () => {
  it.each(['9223372036854775808', '99999999999999999999999999', '-9223372036854775809'])('startIndex and count %s in a query', async (n) => {
    const result = await scim('GET', `/Users?startIndex=${n}&count=${n}`);
    expect(result.status).toBe(200);
    expect(Number.isSafeInteger(result.body.startIndex)).toBe(true);
  });

  it.each(['1e23', '9223372036854775808', '1e300', '1e400', '-1e400'])('startIndex %s in a .search body', async (n) => {
    const result = await scim('POST', '/.search', `{"schemas":["${SEARCH_URN}"],"startIndex":${n},"count":${n}}`);
    expect(result.status).toBe(200);
    expect(result.body.startIndex).toBeGreaterThanOrEqual(1);
    const users = await scim('POST', '/Users/.search', `{"schemas":["${SEARCH_URN}"],"startIndex":${n}}`);
    expect(users.status).toBe(200);
  });

  it('a fraction is still not an integer', async () => {
    expectScimError(await scim('POST', '/.search', search({ startIndex: 1.5 })), 400, 'invalidValue');
  });
});

describe('nesting is bounded', () => {
  it('10,000 nested parentheses in a .search filter → invalidFilter', async () => {
    const filter = '('.repeat(10_000) + 'userName pr' + ')'.repeat(10_000);
    expectScimError(await scim('POST', '/.search', search({ filter })), 400, 'invalidFilter');
    expectScimError(await scim('POST', '/Users/.search', search({ filter: '('.repeat(33) + 'userName pr' + ')'.repeat(33) })), 400, 'invalidFilter');
  });

  it('a filter of 10,000 or-ed terms → invalidFilter; 32 levels still parse', async () => {
    const filter = Array.from({ length: 10_000 }, () => 'userName eq "x"').join(' or ');
    expectScimError(await scim('POST', '/Users/.search', search({ filter })), 400, 'invalidFilter');
    const fine = await scim('POST', '/Users/.search', search({ filter: '('.repeat(32) + 'userName pr' + ')'.repeat(32) }));
    expect(fine.status).toBe(200);
  });

  it('a 10,000-deep object in a user body → invalidValue', async () => {
    const body = `{"schemas":["${USER_URN}"],"userName":"deep@example.com","urn:x:deep":${deepObject(10_000)}}`;
    expectScimError(await scim('POST', '/Users', body), 400, 'invalidValue');
    expectScimError(await scim('PUT', `/Users/${userId}`, body), 400, 'invalidValue');
  });

  it('a 200,000-deep array in a Bulk body → invalidValue', async () => {
    const body = `{"schemas":["${BULK_URN}"],"Operations":[{"method":"POST","path":"/Users","bulkId":"a","data":${deepArray(200_000)}}]}`;
    expectScimError(await scim('POST', '/Bulk', body), 400, 'invalidValue');
  });

  it('deeply nested PATCH path filters → invalidPath', async () => {
    const path = `emails[${'('.repeat(5_000)}type eq "work"${')'.repeat(5_000)}].value`;
    expectScimError(await scim('PATCH', `/Users/${userId}`, patch({ op: 'replace', path, value: 'x@example.com' })), 400, 'invalidPath');
    const members = `members[${'('.repeat(40)}value eq "x"${')'.repeat(40)}]`;
    expectScimError(await scim('PATCH', `/Groups/${groupId}`, patch({ op: 'remove', path: members })), 400, 'invalidPath');
  });
});

describe('indexed attributes are at most 512 characters', () => {
  const long = 'x'.repeat(513);
  it.each([
    ['userName', { userName: `${long}@example.com` }],
    ['displayName (~1 MB)', { userName: 'long-display@example.com', displayName: 'd'.repeat(1_000_000) }],
    ['externalId', { userName: 'long-external@example.com', externalId: long }],
    ['emails.value', { userName: 'long-email@example.com', emails: [{ value: `${long}@example.com` }] }],
    ['manager.value', { userName: 'long-manager@example.com', [ENTERPRISE_URN]: { manager: { value: long } } }],
  ])('User %s', async (_name, extra) => {
    const result = await scim('POST', '/Users', { schemas: [USER_URN], ...extra });
    expectScimError(result, result.status === 413 ? 413 : 400);
  });

  it('512 emoji are fine; a group displayName of 513 characters is not', async () => {
    const emoji = '😀'.repeat(512);
    const created = await scim('POST', '/Users', { schemas: [USER_URN], userName: 'emoji@example.com', displayName: emoji });
    expect(created.status).toBe(201);
    await scim('DELETE', `/Users/${created.body.id}`);
    expectScimError(await scim('POST', '/Groups', { schemas: [GROUP_URN], displayName: long }), 400, 'invalidValue');
    expectScimError(await scim('PATCH', `/Groups/${groupId}`, patch({ op: 'replace', path: 'displayName', value: long })), 400, 'invalidValue');
  });

  it('/Schemas states the limit in the descriptions', async () => {
    const user = (await scim('GET', `/Schemas/${USER_URN}`)).body;
    const userName = user.attributes.find((a: { name: string }) => a.name === 'userName');
    expect(userName.description).toContain('At most 512 characters');
  });
});

describe('afterwards', () => {
  it('the canary user, group and totals are unchanged byte for byte', async () => {
    expect(await snapshot()).toEqual(before);
  });
});
