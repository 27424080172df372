import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.js';
import { seedCompany } from './seed.js';
import { codes, gql, signIn } from './graphql-helpers.js';
import { insertDirectoryRows, insertEvents } from './graphql-fixtures.js';
import { sql } from '../src/db/sql-tag.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => t?.close());

describe('sign-in and sessions', () => {
  it('signIn sets an HttpOnly SameSite=Lax cookie (not Secure over http) that authenticates, and signOut ends it', async () => {
    const company = await seedCompany(t);
    const response = await gql(t, 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { email kind company { slug } } }', {
      e: company.email,
      p: company.password,
    });
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ signIn: { email: company.email, kind: 'OPERATOR', company: { slug: company.slug } } });
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^roster_session=roster_session_[\w-]{20,};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).not.toContain('Secure');
    const cookie = setCookie.split(';')[0] ?? '';

    const viewer = await gql(t, '{ viewer { email permissions company { id } } }', {}, { cookie });
    expect(viewer.data).toEqual({
      viewer: { email: company.email, permissions: ['IAM_READ', 'IAM_MANAGE', 'USERS_DELETE'], company: { id: company.companyId } },
    });

    const out = await gql(t, 'mutation { signOut }', {}, { cookie });
    expect(out.data).toEqual({ signOut: true });
    expect(out.headers.get('set-cookie')).toMatch(/^roster_session=; .*Max-Age=0/);
    expect((await gql(t, '{ viewer { id } }', {}, { cookie })).data).toEqual({ viewer: null });
  });

  it('only a hash of the session id is stored', async () => {
    const company = await seedCompany(t);
    const cookie = await signIn(t, company.email, company.password);
    const secret = decodeURIComponent(cookie.split('=')[1] ?? '');
    const rows = await t.sql.query<{ token_hash: string }>(sql`select token_hash from operator_session`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => row.token_hash === secret || row.token_hash.includes(secret))).toBe(false);
  });

  it('a wrong password is UNAUTHENTICATED, and repeated failures for one email are throttled', async () => {
    const company = await seedCompany(t);
    const attempt = (password: string) =>
      gql(t, 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }', { e: company.email, p: password });
    const first = await attempt('wrong-password-1');
    expect(codes(first)).toEqual(['UNAUTHENTICATED']);
    expect(first.headers.get('set-cookie')).toBeNull();
    for (let i = 0; i < 4; i += 1) await attempt('wrong-password-x');
    const throttled = await attempt(company.password);
    expect(codes(throttled)).toEqual(['TOO_MANY_REQUESTS']);
    expect(throttled.errors?.[0]?.message).toMatch(/too many/i);
    expect(throttled.headers.get('set-cookie')).toBeNull();
  });

  it('unknown emails are throttled exactly like known ones, so throttling reveals no accounts', async () => {
    const company = await seedCompany(t);
    const failures = async (email: string) => {
      const seen: string[] = [];
      for (let i = 0; i < 6; i += 1) {
        const reply = await gql(t, 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }', { e: email, p: 'wrong-password-x' });
        seen.push(...codes(reply).map(String));
      }
      return seen;
    };
    const expected = [...Array(5).fill('UNAUTHENTICATED'), 'TOO_MANY_REQUESTS'];
    expect(await failures('nobody-here@unknown.test')).toEqual(expected);
    expect(await failures(company.email.toUpperCase())).toEqual(expected);
    // Another address is not affected by the lock-out of the first.
    const other = await seedCompany(t);
    const cookie = await signIn(t, other.email, other.password);
    expect(cookie).toMatch(/^roster_session=/);
  });

  it('a Secure cookie when PUBLIC_URL is https', async () => {
    const secure = await startTestApp({ PUBLIC_URL: 'https://roster.example.com' });
    try {
      const company = await seedCompany(secure);
      const response = await gql(secure, 'mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }', {
        e: company.email,
        p: company.password,
      });
      expect(response.headers.get('set-cookie')).toMatch(/; Secure/);
    } finally {
      await secure.close();
    }
  });
});

describe('CSRF prevention', () => {
  it('refuses a cookie request without the x-graphql-csrf header, before running anything', async () => {
    const company = await seedCompany(t);
    const cookie = await signIn(t, company.email, company.password);
    const response = await gql(t, 'mutation { deactivateScim { status } }', {}, { cookie, csrf: false });
    expect(response.status).toBe(403);
    expect(codes(response)).toEqual(['FORBIDDEN']);
    const config = await gql(t, '{ scimConfig { status } }', {}, { cookie });
    expect(config.data).toEqual({ scimConfig: { status: 'ACTIVE' } });
  });

  it('refuses a form-encoded sign-in (login CSRF) and accepts Bearer callers without the header', async () => {
    const company = await seedCompany(t);
    const form = await fetch(`${t.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ query: `mutation { signIn(email: "${company.email}", password: "${company.password}") { id } }` }),
    });
    expect(form.status).toBe(403);
    expect(form.headers.get('set-cookie')).toBeNull();
    const bearer = await gql(t, '{ scimConfig { status } }', {}, { token: company.apiToken, csrf: false });
    expect(bearer.data).toEqual({ scimConfig: { status: 'ACTIVE' } });
  });
});

describe('GraphiQL', () => {
  const page = (headers: Record<string, string>) => fetch(`${t.baseUrl}/graphql`, { headers: { accept: 'text/html', ...headers } });

  it('answers a browser GET on /graphql with GraphiQL, its assets inlined, an Authorization header to fill in', async () => {
    const response = await page({});
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('<title>Roster GraphQL</title>');
    expect(html).toContain('YogaGraphiQL.renderYogaGraphiQL');
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)="?https?:/);
    expect(html).toContain(JSON.stringify(JSON.stringify({ Authorization: 'Bearer <API token>' }, null, 2)));
  });

  it('presets the CSRF header for a signed-in operator, and a GET query without it is still refused', async () => {
    const company = await seedCompany(t);
    const cookie = await signIn(t, company.email, company.password);
    const html = await (await page({ cookie })).text();
    expect(html).toContain(JSON.stringify(JSON.stringify({ 'x-graphql-csrf': '1' }, null, 2)));
    const query = await fetch(`${t.baseUrl}/graphql?query=${encodeURIComponent('{ scimConfig { status } }')}`, { headers: { cookie } });
    expect(query.status).toBe(403);
  });
});

describe('field-level authorisation', () => {
  it('anonymous callers get UNAUTHENTICATED on protected fields and null for viewer', async () => {
    const response = await gql(t, '{ viewer { id } scimConfig { status } }');
    expect(response.data?.viewer).toBeNull();
    expect(response.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['scimConfig', 'UNAUTHENTICATED']]);
  });

  it('FORBIDDEN on one field while the other fields of the same query resolve', async () => {
    const company = await seedCompany(t, { permissions: ['iam:read'] });
    const response = await gql<{ scimConfig: { viewerCanManage: boolean }; counts: { users: number } } & Record<string, unknown>>(
      t,
      '{ scimConfig { status viewerCanManage viewerCanDeleteAllScimUsers } counts { users } scimTokens { id } }',
      {},
      { token: company.apiToken },
    );
    expect(response.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['scimTokens', 'FORBIDDEN']]);
    expect(response.data).toMatchObject({
      scimConfig: { status: 'ACTIVE', viewerCanManage: false, viewerCanDeleteAllScimUsers: false },
      counts: { users: 0 },
    });
  });

  it('an unknown or revoked API token is anonymous, and the error says the token is the problem', async () => {
    const response = await gql(t, '{ viewer { id } counts { users } }', {}, { token: 'roster_api_nope' });
    expect(response.data?.viewer ?? null).toBeNull();
    expect(codes(response)).toEqual(['UNAUTHENTICATED']);
    expect(response.errors?.[0]?.message).toBe('The API token is invalid or revoked');
  });

  it('names the missing or stale credential in UNAUTHENTICATED errors', async () => {
    const anonymous = await gql(t, '{ counts { users } }');
    expect(anonymous.errors?.[0]?.message).toBe('Sign in first, or send Authorization: Bearer <API token>');
    const stale = await gql(t, '{ counts { users } }', {}, { cookie: 'roster_session=ended' });
    expect(stale.errors?.[0]?.message).toBe('The session has ended or is invalid; sign in again');
  });
});

describe('scimConfig, activation and the audit trail', () => {
  it('gives the endpoints from PUBLIC_URL and the slug, exactly as the SCIM server answers on them', async () => {
    const company = await seedCompany(t);
    const response = await gql<{ scimConfig: Record<string, unknown> }>(
      t,
      '{ scimConfig { availability status baseUrl usersEndpoint groupsEndpoint viewerCanManage viewerCanDeleteAllScimUsers } }',
      {},
      { token: company.apiToken },
    );
    const base = `${t.baseUrl}/pp/scim/v2/${company.slug}`;
    expect(response.data?.scimConfig).toEqual({
      availability: 'AVAILABLE',
      status: 'ACTIVE',
      baseUrl: base,
      usersEndpoint: `${base}/Users`,
      groupsEndpoint: `${base}/Groups`,
      viewerCanManage: true,
      viewerCanDeleteAllScimUsers: true,
    });
    const scim = await fetch(`${base}/ServiceProviderConfig`, { headers: { authorization: `Bearer ${company.scimToken}` } });
    expect(scim.status).toBe(200);
  });

  it('deactivate and activate are idempotent, return the new config and are audited', async () => {
    const company = await seedCompany(t);
    const as = { token: company.apiToken };
    for (let i = 0; i < 2; i += 1) {
      expect((await gql(t, 'mutation { deactivateScim { status } }', {}, as)).data).toEqual({ deactivateScim: { status: 'INACTIVE' } });
    }
    expect((await gql(t, 'mutation { activateScim { status availability } }', {}, as)).data).toEqual({
      activateScim: { status: 'ACTIVE', availability: 'AVAILABLE' },
    });
    await gql(t, 'mutation { activateScim { status } }', {}, as);
    const trail = await gql<{ auditTrail: { edges: { node: { actor: string; action: string } }[] } }>(
      t,
      '{ auditTrail(first: 10) { edges { node { actor action occurredAt detail } } } }',
      {},
      as,
    );
    const actions = trail.data?.auditTrail.edges.map((edge) => edge.node.action);
    expect(actions?.slice(0, 3)).toEqual(['scim.activated', 'scim.deactivated', 'scim-token.created']);
    expect(trail.data?.auditTrail.edges[0]?.node.actor).toBe('API token "Test integration"');
  });

  it('refuses activation with CONFLICT while Entra ID is active, and hides the URLs', async () => {
    const company = await seedCompany(t);
    await t.services().companies.setEntraId(company.companyId, true, 'test');
    const config = await gql(t, '{ scimConfig { availability baseUrl usersEndpoint groupsEndpoint } }', {}, { token: company.apiToken });
    expect(config.data).toEqual({ scimConfig: { availability: 'ENTRA_ID_CONFLICT', baseUrl: null, usersEndpoint: null, groupsEndpoint: null } });
    const activate = await gql(t, 'mutation { activateScim { status } }', {}, { token: company.apiToken });
    expect(codes(activate)).toEqual(['CONFLICT']);
    expect(activate.errors?.[0]?.message).toMatch(/Entra ID/);
  });

  it('PLATFORM_DISABLED when SCIM_ENABLED=false, and activation is refused', async () => {
    const off = await startTestApp({ SCIM_ENABLED: 'false' });
    try {
      const company = await seedCompany(off);
      const config = await gql(off, '{ scimConfig { availability baseUrl } }', {}, { token: company.apiToken });
      expect(config.data).toEqual({ scimConfig: { availability: 'PLATFORM_DISABLED', baseUrl: null } });
      const activate = await gql(off, 'mutation { activateScim { status } }', {}, { token: company.apiToken });
      expect(codes(activate)).toEqual(['CONFLICT']);
      expect(activate.errors?.[0]?.extensions?.reason).toBe('SCIM_PLATFORM_DISABLED');
    } finally {
      await off.close();
    }
  });
});

describe('SCIM tokens', () => {
  it('creates (secret once, recognisable prefix), lists and revokes; a revoked token fails on SCIM at once', async () => {
    const company = await seedCompany(t);
    const as = { token: company.apiToken };
    const created = await gql<{ createScimToken: { secret: string; token: { id: string; prefix: string; label: string } } }>(
      t,
      'mutation { createScimToken(label: "Okta production") { secret token { id label prefix createdAt createdBy lastUsedAt revokedAt } } }',
      {},
      as,
    );
    const { secret, token } = created.data!.createScimToken;
    expect(secret).toMatch(/^roster_scim_[\w-]{43}$/);
    expect(secret.startsWith(token.prefix)).toBe(true);
    expect(token.label).toBe('Okta production');

    const users = `${t.baseUrl}/pp/scim/v2/${company.slug}/Users`;
    expect((await fetch(users, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(200);
    const listed = await gql<{ scimTokens: { id: string; label: string; lastUsedAt: string | null }[] }>(
      t,
      '{ scimTokens { id label prefix createdAt lastUsedAt revokedAt } }',
      {},
      as,
    );
    expect(listed.data?.scimTokens.map((row) => row.label)).toEqual(['Okta production', 'Test IdP']);
    expect(listed.data?.scimTokens[0]?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed.data)).not.toContain(secret);

    const revoked = await gql<{ revokeScimToken: { revokedAt: string | null } }>(
      t,
      'mutation($id: ID!) { revokeScimToken(id: $id) { revokedAt } }',
      { id: token.id },
      as,
    );
    expect(revoked.data?.revokeScimToken.revokedAt).not.toBeNull();
    expect((await fetch(users, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(401);
  });

  it('an unknown or malformed id is NOT_FOUND; an empty label is BAD_USER_INPUT', async () => {
    const company = await seedCompany(t);
    const as = { token: company.apiToken };
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      expect(codes(await gql(t, 'mutation($id: ID!) { revokeScimToken(id: $id) { id } }', { id }, as))).toEqual(['NOT_FOUND']);
    }
    expect(codes(await gql(t, 'mutation { createScimToken(label: "  ") { secret } }', {}, as))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('counts and recent activity', () => {
  it('counts only SCIM-provisioned users and groups', async () => {
    const company = await seedCompany(t);
    await insertDirectoryRows(t, company.companyId, { scimUsers: 7, manualUsers: 3, scimGroups: 2, manualGroups: 1 });
    const response = await gql(t, '{ counts { users groups } again: counts { users } }', {}, { token: company.apiToken });
    expect(response.data).toEqual({ counts: { users: 7, groups: 2 }, again: { users: 7 } });
  });

  it('pages newest first with stable cursors, and filters failures', async () => {
    const company = await seedCompany(t);
    const ids = await insertEvents(t, company.companyId, [
      { status: 201 }, { status: 409 }, { status: 200 }, { status: 500 }, { status: 204 },
    ]);
    type Page = { recentActivity: { edges: { cursor: string; node: { id: string; succeeded: boolean } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const query = 'query($after: String, $f: Boolean) { recentActivity(first: 2, after: $after, failuresOnly: $f) { edges { cursor node { id status succeeded scimType message tokenLabel durationMs occurredAt } } pageInfo { hasNextPage endCursor } } }';
    const as = { token: company.apiToken };
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page += 1) {
      const response: { data?: Page | null; errors?: unknown } = await gql<Page>(t, query, { after }, as);
      expect(response.errors).toBeUndefined();
      seen.push(...(response.data?.recentActivity.edges.map((edge) => edge.node.id) ?? []));
      after = response.data?.recentActivity.pageInfo.endCursor ?? null;
      expect(response.data?.recentActivity.pageInfo.hasNextPage).toBe(page < 2);
    }
    expect(seen).toEqual([...ids].reverse());
    const failures = await gql<Page>(t, query, { f: true }, as);
    expect(failures.data?.recentActivity.edges.map((edge) => [edge.node.id, edge.node.succeeded])).toEqual([
      [ids[3], false],
      [ids[1], false],
    ]);
  });

  it('refuses a bad page size or cursor with BAD_USER_INPUT', async () => {
    const company = await seedCompany(t);
    const as = { token: company.apiToken };
    expect(codes(await gql(t, '{ recentActivity(first: 0) { pageInfo { hasNextPage } } }', {}, as))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(t, '{ recentActivity(first: 101) { pageInfo { hasNextPage } } }', {}, as))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await gql(t, '{ recentActivity(after: "garbage") { pageInfo { hasNextPage } } }', {}, as))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('safety', () => {
  it('masks an unexpected error and answers with the request id only', async () => {
    const broken = await startTestApp();
    try {
      const company = await seedCompany(broken);
      await broken.sql.query(sql`alter table audit_entry rename to audit_entry_gone`);
      const response = await gql(broken, '{ auditTrail { edges { cursor } } counts { users } }', {}, { token: company.apiToken });
      const requestId = response.headers.get('x-request-id');
      expect(requestId).toBeTruthy();
      expect(response.data).toMatchObject({ counts: { users: 0 } });
      expect(response.errors).toEqual([
        expect.objectContaining({ message: `Unexpected error (request id ${requestId})`, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }),
      ]);
      expect(JSON.stringify(response)).not.toMatch(/audit_entry|relation|select/i);
    } finally {
      await broken.close();
    }
  });

  it('limits query depth and cost', async () => {
    const company = await seedCompany(t);
    const as = { token: company.apiToken };
    const deep = `{ viewer { ${'...F '.repeat(1)} } } fragment F on Viewer { company { id } }`;
    expect((await gql(t, deep, {}, as)).errors).toBeUndefined();
    const nested = '{ recentActivity { edges { node { id } } } }';
    expect((await gql(t, nested, {}, as)).errors).toBeUndefined();
    const aliases = Array.from({ length: 120 }, (_, i) => `a${i}: counts { users }`).join(' ');
    const costly = await gql(t, `{ ${aliases} }`, {}, as);
    expect(costly.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COSTLY' });
    const twoSignIns = await gql(t, 'mutation { a: signIn(email: "a@b.c", password: "x") { id } b: signIn(email: "a@b.c", password: "y") { id } }');
    expect(twoSignIns.errors?.[0]?.extensions?.reason).toBe('QUERY_TOO_COSTLY');
  });

  it('answers introspection (integrators read descriptions in their tools)', async () => {
    const response = await gql<{ __schema: { queryType: { name: string } } }>(t, '{ __schema { queryType { name } types { name description fields { name type { name ofType { name ofType { name ofType { name } } } } } } } }');
    expect(response.data?.__schema.queryType.name).toBe('Query');
  });
});
