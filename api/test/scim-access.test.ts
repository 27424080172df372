/** RFC 7644 §2 authentication and the company states of DESIGN.md: refused requests change nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.js';
import { seedCompany, type SeededCompany } from './seed.js';
import { ERROR_URN, USER_URN, scimClient } from './scim-client.js';

let t: TestApp;
let a: SeededCompany;
let b: SeededCompany;
beforeAll(async () => {
  t = await startTestApp();
  [a, b] = await Promise.all([seedCompany(t), seedCompany(t)]);
});
afterAll(() => t.close());

async function userCount(companyId: string): Promise<number> {
  const rows = await t.orm.em.getConnection().execute('select count(*)::int as n from directory_user where company_id = ?', [companyId]);
  return (rows[0] as { n: number }).n;
}

describe('SCIM authentication', () => {
  it('refuses missing, malformed, wrong, revoked and other-company tokens alike with 401', async () => {
    const revoked = await t.services().tokens.createScimToken(a.companyId, 'Old IdP', 'test');
    await t.services().tokens.revokeScimToken(a.companyId, revoked.token.id, 'test');
    const cases: (string | null)[] = [null, 'Basic abc', `${a.scimToken}x`, revoked.secret, b.scimToken];
    for (const token of cases) {
      const client = scimClient(a, { token });
      const result = token === 'Basic abc'
        ? await client('GET', '/Users', undefined, { authorization: 'Basic abc' })
        : await client('GET', '/Users');
      expect(result.status, String(token)).toBe(401);
      expect(result.body).toMatchObject({ schemas: [ERROR_URN], status: '401' });
      expect(result.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
  });

  it('answers an unknown company exactly like a wrong token', async () => {
    const unknown = await scimClient({ scimBaseUrl: `${t.baseUrl}/pp/scim/v2/no-such-co`, scimToken: a.scimToken })('GET', '/Users');
    const wrong = await scimClient(a, { token: 'roster_scim_wrong' })('GET', '/Users');
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('keeps the token\'s last-used time', async () => {
    await scimClient(a)('GET', '/Users');
    const tokens = await t.services().tokens.listScimTokens(a.companyId);
    expect(tokens.find((token) => token.label === 'Test IdP')?.lastUsedAt).toBeInstanceOf(Date);
  });

  it('accepts the base URL with and without a trailing slash', async () => {
    const scim = scimClient(a);
    expect((await scim('GET', '/Users/')).status).toBe(200);
    expect((await scim('GET', '/ServiceProviderConfig/')).status).toBe(200);
  });
});

describe('SCIM company states', () => {
  it('refuses every request with 403 while SCIM is deactivated, and resumes with data intact', async () => {
    const c = await seedCompany(t);
    const scim = scimClient(c);
    const created = await scim('POST', '/Users', { schemas: [USER_URN], userName: 'kept@example.com' });
    await t.services().companies.deactivateScim(c.companyId, 'test');
    const refused = await scim('POST', '/Users', { schemas: [USER_URN], userName: 'refused@example.com' });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/deactivated/);
    expect((await scim('DELETE', `/Users/${created.body.id}`)).status).toBe(403);
    expect(await userCount(c.companyId)).toBe(1);
    await t.services().companies.activateScim(c.companyId, 'test');
    expect((await scim('GET', `/Users/${created.body.id}`)).status).toBe(200);
  });

  it('refuses with an Entra ID message while the native integration is on', async () => {
    const c = await seedCompany(t);
    await t.services().companies.setEntraId(c.companyId, true, 'test');
    const refused = await scimClient(c)('POST', '/Users', { schemas: [USER_URN], userName: 'x@example.com' });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/Entra ID/);
    expect(await userCount(c.companyId)).toBe(0);
  });

  it('refuses with a deployment message when the platform switch is off', async () => {
    const off = await startTestApp({ SCIM_ENABLED: 'false' });
    try {
      const c = await seedCompany(off);
      const refused = await scimClient(c)('GET', '/Users');
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toMatch(/not available in this deployment/);
    } finally {
      await off.close();
    }
  });
});

describe('tenant isolation over SCIM', () => {
  it('never shows or changes another company\'s users or groups', async () => {
    const scimA = scimClient(a);
    const scimB = scimClient(b);
    const user = await scimA('POST', '/Users', { schemas: [USER_URN], userName: 'only-a@example.com' });
    const group = await scimA('POST', '/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'Only A' });
    expect((await scimB('GET', `/Users/${user.body.id}`)).status).toBe(404);
    expect((await scimB('PUT', `/Users/${user.body.id}`, { schemas: [USER_URN], userName: 'stolen' })).status).toBe(404);
    expect((await scimB('DELETE', `/Users/${user.body.id}`)).status).toBe(404);
    expect((await scimB('GET', `/Users?filter=${encodeURIComponent('userName eq "only-a@example.com"')}`)).body.totalResults).toBe(0);
    expect((await scimB('GET', `/Groups/${group.body.id}`)).status).toBe(404);
    const own = await scimB('POST', '/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName: 'B' });
    const cross = await scimB('PATCH', `/Groups/${own.body.id}`, {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'],
      Operations: [{ op: 'add', path: 'members', value: [{ value: user.body.id }] }],
    });
    expect(cross.status).toBe(400);
    expect((await scimA('GET', `/Users/${user.body.id}`)).body.userName).toBe('only-a@example.com');
    // The same userName may exist in both companies.
    expect((await scimB('POST', '/Users', { schemas: [USER_URN], userName: 'only-a@example.com' })).status).toBe(201);
  });
});
