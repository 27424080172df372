/** RFC 7643 / RFC 7644 behaviour over real HTTP, point by point (issue 3; SCIM-NOTES §1). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './harness.js';
import { gql } from './graphql-helpers.js';
import { seedCompany } from './seed.js';
import { ENTERPRISE_URN, ERROR_URN, GROUP_URN, PATCH_OP, USER_URN, scimClient } from './scim-client.js';

let t: TestApp;
let scim: ReturnType<typeof scimClient>;
let company: Awaited<ReturnType<typeof seedCompany>>;
beforeAll(async () => {
  t = await startTestApp({ SCIM_MAX_BODY_BYTES: '300000', SCIM_MAX_RESULTS: '50', LOG_LEVEL: 'error' });
  company = await seedCompany(t);
  scim = scimClient(company);
});
afterAll(() => t.close());

const user = (userName: string, extra: Record<string, unknown> = {}) => ({ schemas: [USER_URN], userName, ...extra });
const filter = (expression: string) => `filter=${encodeURIComponent(expression)}`;

describe('errors (RFC 7644 §3.12)', () => {
  it('malformed JSON → 400 invalidSyntax', async () => {
    const result = await scim('POST', '/Users', '{"userName": ');
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({ schemas: [ERROR_URN], status: '400', scimType: 'invalidSyntax' });
  });

  it('unknown route → 404, wrong method → 405 with Allow', async () => {
    expect((await scim('GET', '/Widgets')).body).toMatchObject({ status: '404' });
    const wrong = await scim('DELETE', '/Users');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toContain('GET');
    expect(wrong.body.schemas).toEqual([ERROR_URN]);
  });

  it('body over the limit → 413', async () => {
    const result = await scim('POST', '/Users', user('big@example.com', { nickName: 'x'.repeat(400_000) }));
    expect(result.status).toBe(413);
    expect(result.body.status).toBe('413');
  });

  it('a chunked body (no Content-Length) is cut off at the limit → 413, nothing stored', async () => {
    const chunk = new TextEncoder().encode(`"${'x'.repeat(50_000)}",`);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode(`{"schemas":["${USER_URN}"],"userName":"chunked@example.com","x":[`));
        if (sent++ < 20) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(`${company.scimBaseUrl}/Users`, {
      method: 'POST', body, duplex: 'half',
      headers: { authorization: `Bearer ${company.scimToken}`, 'content-type': 'application/scim+json' },
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ schemas: [ERROR_URN], status: '413' });
    expect((await scim('GET', `/Users?${filter('userName eq "chunked@example.com"')}`)).body.totalResults).toBe(0);
  });

  it('missing userName and wrong types → 400 invalidValue, nothing stored', async () => {
    expect((await scim('POST', '/Users', { schemas: [USER_URN] })).body).toMatchObject({ status: '400', scimType: 'invalidValue' });
    expect((await scim('POST', '/Users', user('typed@example.com', { active: 'maybe' }))).body.scimType).toBe('invalidValue');
    expect((await scim('GET', `/Users?${filter('userName eq "typed@example.com"')}`)).body.totalResults).toBe(0);
  });

  it('/Me → 501', async () => {
    expect((await scim('GET', '/Me')).status).toBe(501);
  });
});

describe('resources (RFC 7643 §3–4)', () => {
  it('stores unknown extension schemas verbatim and ignores read-only attributes on create', async () => {
    const custom = 'urn:example:params:scim:schemas:extension:acme:2.0:User';
    const created = await scim('POST', '/Users', {
      schemas: [USER_URN, custom],
      id: 'client-chosen',
      meta: { created: '2000-01-01T00:00:00Z' },
      groups: [{ value: 'x' }],
      userName: 'ext@example.com',
      addresses: null,
      phoneNumbers: null,
      title: null,
      [custom]: { badge: 42, site: { building: 'B7' } },
    });
    expect(created.status).toBe(201);
    expect(created.body.id).not.toBe('client-chosen');
    expect(created.body.meta.created).not.toMatch(/^2000/);
    expect(created.body[custom]).toEqual({ badge: 42, site: { building: 'B7' } });
    expect(created.body).not.toHaveProperty('title');
    expect(created.body.groups ?? []).toEqual([]);
  });

  it('PUT replaces, keeps id immutable and never creates', async () => {
    const created = await scim('POST', '/Users', user('put@example.com', { title: 'Engineer', nickName: 'P' }));
    const put = await scim('PUT', `/Users/${created.body.id}`, user('put@example.com', { title: 'Lead' }));
    expect(put.status).toBe(200);
    expect(put.body.title).toBe('Lead');
    expect(put.body).not.toHaveProperty('nickName');
    expect(put.body.meta.version).not.toBe(created.body.meta.version);
    const missing = await scim('PUT', '/Users/00000000-0000-4000-8000-000000000000', user('nobody@example.com'));
    expect(missing.status).toBe(404);
  });

  it('a deleted userName can be created again (RFC 7644 §3.6)', async () => {
    const created = await scim('POST', '/Users', user('reuse@example.com'));
    await scim('DELETE', `/Users/${created.body.id}`);
    expect((await scim('POST', '/Users', user('reuse@example.com'))).status).toBe(201);
  });

  it('displayName conflicts on groups → 409 uniqueness', async () => {
    await scim('POST', '/Groups', { schemas: [GROUP_URN], displayName: 'Admins' });
    const again = await scim('POST', '/Groups', { schemas: [GROUP_URN], displayName: 'admins' });
    expect(again.status).toBe(409);
    expect(again.body.scimType).toBe('uniqueness');
  });
});

describe('versions (RFC 7644 §3.14)', () => {
  it('If-Match mismatch → 412 and no change; If-None-Match with the current version → 304', async () => {
    const created = await scim('POST', '/Users', user('etag@example.com'));
    const etag = created.headers.get('etag')!;
    const stale = await scim('PUT', `/Users/${created.body.id}`, user('etag@example.com', { title: 'x' }), { 'if-match': 'W/"999"' });
    expect(stale.status).toBe(412);
    expect((await scim('GET', `/Users/${created.body.id}`)).body).not.toHaveProperty('title');
    const fresh = await scim('PUT', `/Users/${created.body.id}`, user('etag@example.com', { title: 'y' }), { 'if-match': etag });
    expect(fresh.status).toBe(200);
    const cached = await scim('GET', `/Users/${created.body.id}`, undefined, { 'if-none-match': fresh.headers.get('etag')! });
    expect(cached.status).toBe(304);
  });
});

describe('filters (RFC 7644 §3.4.2.2)', () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    const people = [
      user('bjensen', { name: { familyName: 'Jensen', givenName: 'Barbara' }, title: 'Tour Guide', userType: 'Employee', emails: [{ value: 'bjensen@example.com', type: 'work' }] }),
      user('jsmith', { name: { familyName: "O'Malley" }, userType: 'Intern', emails: [{ value: 'js@example.org', type: 'home' }] }),
      user('Jdoe', { userType: 'Employee', active: false, emails: [{ value: 'jd@other.net', type: 'work' }], [ENTERPRISE_URN]: { department: 'Sales' }, schemas: [USER_URN, ENTERPRISE_URN] }),
    ];
    for (const person of people) ids[person.userName] = (await scim('POST', '/Users', person)).body.id;
  });

  const cases: [string, string[]][] = [
    ['userName eq "bjensen"', ['bjensen']],
    ['USERNAME EQ "BJENSEN"', ['bjensen']],
    [`name.familyName co "O'Malley"`, ['jsmith']],
    ['userName sw "J"', ['jsmith', 'Jdoe']],
    ['urn:ietf:params:scim:schemas:core:2.0:User:userName sw "J"', ['jsmith', 'Jdoe']],
    ['title pr', ['bjensen']],
    ['title pr and userType eq "Employee"', ['bjensen']],
    ['title pr or userType eq "Intern"', ['bjensen', 'jsmith']],
    [`schemas eq "${ENTERPRISE_URN}"`, ['Jdoe']],
    ['userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")', ['bjensen']],
    ['userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")', []],
    ['userType eq "Employee" and (emails.type eq "work")', ['bjensen', 'Jdoe']],
    ['userType eq "Employee" and emails[type eq "work" and value co "@example.com"]', ['bjensen']],
    ['emails[type eq "work" and value co "@example.com"] or emails[type eq "home" and value co "@example.org"]', ['bjensen', 'jsmith']],
    ['active eq false', ['Jdoe']],
    [`${ENTERPRISE_URN}:department eq "sales"`, ['Jdoe']],
    ['meta.created gt "2011-05-13T04:42:34Z"', ['bjensen', 'jsmith', 'Jdoe']],
    ['meta.lastModified lt "2011-05-13T04:42:34Z"', []],
  ];

  it.each(cases)('%s', async (expression, expected) => {
    const result = await scim('GET', `/Users?${filter(expression)}&count=50`);
    expect(result.status, JSON.stringify(result.body)).toBe(200);
    const names = result.body.Resources.map((r: { userName: string }) => r.userName).filter((n: string) => n in ids);
    expect(names.sort()).toEqual([...expected].sort());
  });

  it.each(['userName eq', 'userName xx "a"', '(userName eq "a"', 'active gt true', 'nosuchattribute eq "x"', 'userName eq "a" and'])(
    'refuses %s with 400 invalidFilter',
    async (expression) => {
      const result = await scim('GET', `/Users?${filter(expression)}`);
      expect(result.status).toBe(400);
      expect(result.body.scimType).toBe('invalidFilter');
    },
  );

  it('POST /Users/.search and POST /.search answer like GET', async () => {
    const search = await scim('POST', '/Users/.search', {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],
      filter: 'userName eq "bjensen"',
      attributes: ['userName'],
    });
    expect(search.status).toBe(200);
    expect(search.body.totalResults).toBe(1);
    expect(search.body.Resources[0]).toMatchObject({ userName: 'bjensen' });
    expect(Object.keys(search.body.Resources[0])).not.toEqual(expect.arrayContaining(['name', 'title', 'emails']));
    const root = await scim('POST', '/.search', { schemas: ['urn:ietf:params:scim:api:messages:2.0:SearchRequest'], filter: 'userName eq "bjensen"' });
    expect(root.body.totalResults).toBe(1);
  });
});

describe('lists (RFC 7644 §3.4.2.3–4)', () => {
  beforeAll(async () => {
    for (let i = 0; i < 7; i += 1) await scim('POST', '/Users', user(`page-${i}@list.example`, { displayName: `Page ${6 - i}` }));
  });

  it('pages with startIndex/count, count=0 gives totals only, count is capped', async () => {
    const f = filter('userName ew "@list.example"');
    const page = await scim('GET', `/Users?${f}&startIndex=3&count=2&sortBy=userName`);
    expect(page.body).toMatchObject({ totalResults: 7, itemsPerPage: 2, startIndex: 3 });
    expect(page.body.Resources.map((r: { userName: string }) => r.userName)).toEqual(['page-2@list.example', 'page-3@list.example']);
    const totals = await scim('GET', `/Users?${f}&count=0`);
    expect(totals.body).toMatchObject({ totalResults: 7, itemsPerPage: 0, Resources: [] });
    const capped = await scim('GET', '/Users?count=100000');
    expect(capped.body.itemsPerPage).toBeLessThanOrEqual(50);
    const below = await scim('GET', `/Users?${f}&startIndex=0&count=-5`);
    expect(below.body).toMatchObject({ startIndex: 1, itemsPerPage: 0 });
  });

  it('sorts by displayName descending and projects attributes', async () => {
    const sorted = await scim('GET', `/Users?${filter('userName ew "@list.example"')}&sortBy=displayName&sortOrder=descending&attributes=displayName`);
    expect(sorted.body.Resources.map((r: { displayName: string }) => r.displayName)).toEqual(
      ['Page 6', 'Page 5', 'Page 4', 'Page 3', 'Page 2', 'Page 1', 'Page 0'],
    );
    expect(sorted.body.Resources[0]).not.toHaveProperty('userName');
    const excluded = await scim('GET', `/Users?${filter('userName eq "page-1@list.example"')}&excludedAttributes=displayName,emails`);
    expect(excluded.body.Resources[0]).not.toHaveProperty('displayName');
    expect(excluded.body.Resources[0].userName).toBe('page-1@list.example');
  });
});

describe('PATCH (RFC 7644 §3.5.2)', () => {
  it('applies all operations atomically or none', async () => {
    const created = await scim('POST', '/Users', user('atomic@example.com', { title: 'Before' }));
    const failed = await scim('PATCH', `/Users/${created.body.id}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: 'replace', path: 'title', value: 'After' },
        { op: 'replace', path: 'id', value: 'nope' },
      ],
    });
    expect(failed.status).toBe(400);
    expect(failed.body.scimType).toBe('mutability');
    expect((await scim('GET', `/Users/${created.body.id}`)).body.title).toBe('Before');
  });

  it('keeps one primary per attribute and merges multi-valued adds', async () => {
    const created = await scim('POST', '/Users', user('primary@example.com', { emails: [{ value: 'a@x.com', type: 'work', primary: true }] }));
    const patched = await scim('PATCH', `/Users/${created.body.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'add', path: 'emails', value: [{ value: 'b@x.com', type: 'home', primary: true }] }],
    });
    expect(patched.status).toBe(200);
    const primaries = patched.body.emails.filter((e: { primary?: boolean }) => e.primary);
    expect(primaries).toEqual([expect.objectContaining({ value: 'b@x.com' })]);
    expect(patched.body.emails).toHaveLength(2);
  });

  it('adds and removes group members in batches of thousands', async () => {
    const group = await scim('POST', '/Groups', { schemas: [GROUP_URN], displayName: 'Everyone' });
    const rows = await t.orm.em.getConnection().execute(
      `insert into directory_user (id, company_id, source, user_name)
       select gen_random_uuid(), c.id, 'SCIM', 'bulk-' || n || '@example.com' from company c, generate_series(1, 3000) n
       where c.id = (select company_id from directory_group where id = ?) returning id`,
      [group.body.id],
    );
    const members = (rows as { id: string }[]).map((row) => ({ value: row.id }));
    const added = await scim('PATCH', `/Groups/${group.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: members }] });
    expect(added.status).toBe(204);
    const removed = await scim('PATCH', `/Groups/${group.body.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'remove', path: 'members', value: members.slice(0, 2000) }],
    });
    expect(removed.status).toBe(204);
    const got = await scim('GET', `/Groups/${group.body.id}`);
    expect(got.body.members).toHaveLength(1000);
  }, 60_000);
});

describe('PATCH on a whole schema (RFC 7644 §3.5.2.1, issue 12)', () => {
  const value = { schemas: [ENTERPRISE_URN], employeeNumber: '7' };
  it.each([
    ['add with the extension URN as path', { op: 'add', path: ENTERPRISE_URN, value }],
    ['replace with the extension URN as path', { op: 'replace', path: ENTERPRISE_URN, value }],
    ['add without a path', { op: 'add', value: { [ENTERPRISE_URN]: value } }],
  ])('%s stores the attribute, not a "…:User:schemas" key', async (_label, operation) => {
    const created = await scim('POST', '/Users', user(`block-${Math.random()}@example.com`));
    const patched = await scim('PATCH', `/Users/${created.body.id}`, { schemas: [PATCH_OP], Operations: [operation] });
    expect(patched.status).toBe(200);
    for (const body of [patched.body, (await scim('GET', `/Users/${created.body.id}`)).body]) {
      expect(Object.keys(body).filter((key) => key.startsWith('urn:'))).toEqual([ENTERPRISE_URN]);
      expect(body[ENTERPRISE_URN]).toEqual({ employeeNumber: '7' });
      expect(body.schemas).toEqual([USER_URN, ENTERPRISE_URN]);
    }
    const rows = await t.orm.em.getConnection().execute('select attributes from directory_user where id = ?', [created.body.id]);
    expect(Object.keys((rows[0] as { attributes: object }).attributes).sort()).toEqual(['active', ENTERPRISE_URN, 'userName']);
  });
});

describe('removing active (RFC 7644 §3.5.2.2, issue 12)', () => {
  it('leaves a suspended user unassigned, never active, in responses, filters and counts', async () => {
    const c = await seedCompany(t);
    const own = scimClient(c);
    const created = await own('POST', '/Users', user('suspended@example.com', { active: false }));
    const patched = await own('PATCH', `/Users/${created.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'remove', path: 'active' }] });
    expect(patched.status).toBe(200);
    expect(patched.body).not.toHaveProperty('active');
    expect((await own('GET', `/Users/${created.body.id}`)).body).not.toHaveProperty('active');
    const total = async (expression: string) => (await own('GET', `/Users?${filter(expression)}`)).body.totalResults;
    const totals = await Promise.all(['active eq true', 'active pr', 'active eq false', 'not (active eq true)'].map(total));
    expect(totals).toEqual([0, 0, 0, 1]);
    const rows = await t.orm.em.getConnection().execute('select active from directory_user where id = ?', [created.body.id]);
    expect(rows[0]).toEqual({ active: null });
    // Another PATCH does not bring the creation default back either.
    const renamed = await own('PATCH', `/Users/${created.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'displayName', value: 'S' }] });
    expect(renamed.body).not.toHaveProperty('active');
    const counts = await gql<{ counts: { users: number } }>(t, '{ counts { users } }', {}, { token: c.apiToken });
    expect(counts.data?.counts.users).toBe(1);
    const reactivated = await own('PATCH', `/Users/${created.body.id}`, { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'active', value: true }] });
    expect(reactivated.body.active).toBe(true);
  });
});

describe('Bulk (RFC 7644 §3.7)', () => {
  const BULK = 'urn:ietf:params:scim:api:messages:2.0:BulkRequest';

  it('resolves bulkId references, also forward ones, and reports each operation', async () => {
    const result = await scim('POST', '/Bulk', {
      schemas: [BULK],
      Operations: [
        { method: 'POST', path: '/Groups', bulkId: 'g1', data: { schemas: [GROUP_URN], displayName: 'Bulk team', members: [{ type: 'User', value: 'bulkId:u1' }] } },
        { method: 'POST', path: '/Users', bulkId: 'u1', data: user('bulk.one@example.com') },
        { method: 'PATCH', path: '/Users/bulkId:u1', data: { schemas: [PATCH_OP], Operations: [{ op: 'replace', path: 'title', value: 'Bulked' }] } },
        { method: 'POST', path: '/Users', bulkId: 'dup', data: user('bulk.one@example.com') },
      ],
    });
    expect(result.status).toBe(200);
    const ops = result.body.Operations;
    expect(ops.map((op: { status: string }) => op.status)).toEqual(['201', '201', '200', '409']);
    expect(ops[3].response).toMatchObject({ scimType: 'uniqueness' });
    const userId = ops[1].location.split('/').pop();
    const group = await scim('GET', ops[0].location.replace(/^.*\/Groups/, '/Groups'));
    expect(group.body.members.map((m: { value: string }) => m.value)).toEqual([userId]);
    expect((await scim('GET', `/Users/${userId}`)).body.title).toBe('Bulked');
  });

  it('stops after failOnErrors errors and refuses more operations than advertised', async () => {
    const failing = await scim('POST', '/Bulk', {
      schemas: [BULK],
      failOnErrors: 1,
      Operations: [
        { method: 'DELETE', path: '/Users/00000000-0000-4000-8000-000000000000' },
        { method: 'POST', path: '/Users', bulkId: 'x', data: user('never@example.com') },
      ],
    });
    expect(failing.body.Operations).toHaveLength(1);
    expect((await scim('GET', `/Users?${filter('userName eq "never@example.com"')}`)).body.totalResults).toBe(0);
    const config = await scim('GET', '/ServiceProviderConfig');
    expect(config.body.bulk).toMatchObject({ supported: true, maxOperations: expect.any(Number) });
    const tooMany = await scim('POST', '/Bulk', {
      schemas: [BULK],
      Operations: Array.from({ length: config.body.bulk.maxOperations + 1 }, () => ({ method: 'DELETE', path: '/Users/x' })),
    });
    expect([413]).toContain(tooMany.status);
  });
});

describe('recent activity', () => {
  it('records every request, refused ones included, with operation, status and error', async () => {
    const c = await seedCompany(t);
    const own = scimClient(c, { userAgent: 'Activity-Probe/2.0' });
    await own('POST', '/Users', user('activity@example.com'));
    await own('GET', '/Users/00000000-0000-4000-8000-000000000000');
    await scimClient(c, { token: 'roster_scim_wrong' })('GET', '/Users');
    await new Promise((resolve) => setTimeout(resolve, 600));
    const rows = (await t.orm.em.getConnection().execute(
      'select operation, status, scim_type, message, token_label, user_agent, resource_type from provisioning_event where company_id = ? order by id',
      [c.companyId],
    )) as { operation: string; status: number; token_label: string | null; user_agent: string; message: string | null }[];
    expect(rows.map((row) => [row.operation, row.status])).toEqual([['Create User', 201], ['Get User', 404], ['List Users', 401]]);
    expect(rows[0]).toMatchObject({ token_label: 'Test IdP', user_agent: 'Activity-Probe/2.0' });
    expect(rows[1]!.message).toMatch(/not found/);
    expect(rows[2]!.token_label).toBeNull();
  });
});
