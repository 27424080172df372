import http from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDirectory } from './directory-seed.js';
import { signIn } from './graphql-helpers.js';
import { startTestApp, type TestApp } from './harness.js';
import { scimClient, USER_URN } from './scim-client.js';
import { seedCompany, type SeededCompany } from './seed.js';

let t: TestApp;
let db: pg.Pool;
let acme: SeededCompany;
let other: SeededCompany;
// One socket, kept alive: every download after the first must reuse it.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const FORMULA = `=cmd|' /C calc'!A0`;

interface Download {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  reusedSocket: boolean;
}

function download(path: string, headers: Record<string, string> = {}): Promise<Download> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${t.baseUrl}${path}`, { agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), reusedSocket: req.reusedSocket }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

const bearer = (company: SeededCompany) => ({ authorization: `Bearer ${company.apiToken}` });

/** RFC 4180: quoted cells may hold commas, quotes (doubled) and line breaks; records end in CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      i += 1;
    } else {
      cell += c;
    }
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

/** Rows as objects keyed by the header row. */
function records(body: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(body);
  for (const row of rows) expect(row).toHaveLength(header!.length);
  return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]!])));
}

beforeAll(async () => {
  t = await startTestApp();
  db = new pg.Pool({ connectionString: t.database.url, max: 4 });
  [acme, other] = await Promise.all([seedCompany(t), seedCompany(t)]);
  const scim = scimClient(acme);
  const hostile = [
    { userName: 'formula@example.com', displayName: FORMULA, externalId: '-2+3' },
    { userName: '@at@example.com', displayName: '+SUM(A1:A9)', externalId: '\tTabbed' },
    { userName: 'quoted@example.com', displayName: 'Doe, "Jane"\r\nSecond line', externalId: 'ünïcødé ✓' },
  ];
  for (const user of hostile) expect((await scim('POST', '/Users', { schemas: [USER_URN], ...user })).status).toBe(201);
  await seedDirectory(db, { companyId: acme.companyId, prefix: 'x-', users: 230, groupSize: 2 });
  await seedDirectory(db, { companyId: acme.companyId, prefix: 'm-', users: 10, source: 'MANUAL' });
  await seedDirectory(db, { companyId: other.companyId, prefix: 'o-', users: 3 });
  await db.query(
    `insert into provisioning_event (company_id, occurred_at, token_label, method, operation, status, scim_type, message, duration_ms)
     select $1, timestamptz '2026-11-01T00:00:00Z' + g * interval '1 minute', 'Okta', 'POST', 'Create User',
       case when g % 3 = 0 then 409 else 201 end, case when g % 3 = 0 then 'uniqueness' end,
       case when g % 3 = 0 then '=HYPERLINK("http://x")' end, 2.5
     from generate_series(1, 180) g`,
    [acme.companyId],
  );
}, 120_000);
afterAll(async () => {
  agent.destroy();
  await db?.end();
  await t?.close();
});

describe('GET /export/users.csv', () => {
  it('streams every user with a header row, as an attachment, over a kept-alive connection', async () => {
    const first = await download('/export/users.csv', bearer(acme));
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(first.headers['content-disposition']).toBe('attachment; filename="users.csv"');
    expect(first.body).not.toContain('\u0000');
    const rows = records(first.body);
    expect(Object.keys(rows[0]!)).toEqual(['id', 'userName', 'displayName', 'givenName', 'familyName', 'emails', 'externalId', 'active', 'source', 'createdByToken', 'updatedByToken', 'created', 'lastModified']);
    expect(rows).toHaveLength(243);
    const stored = await db.query<{ id: string }>('select id from directory_user where company_id = $1', [acme.companyId]);
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(stored.rows.map((r) => r.id)));
    expect(rows.filter((r) => r.source === 'MANUAL')).toHaveLength(10);
    const second = await download('/export/users.csv?search=X-U22', bearer(acme));
    expect(second.reusedSocket).toBe(true);
    expect(records(second.body).map((r) => r.userName)).toEqual(['x-u22', ...Array.from({ length: 10 }, (_, i) => `x-u22${i}`)]);
  });

  it('escapes cells a spreadsheet would run as formulas, and quotes commas, quotes and line breaks', async () => {
    const rows = records((await download('/export/users.csv?search=example.com', bearer(acme))).body);
    const byName = Object.fromEntries(rows.map((r) => [r.userName, r]));
    expect(Object.keys(byName).sort()).toEqual(["'@at@example.com", 'formula@example.com', 'quoted@example.com']);
    expect(byName['formula@example.com']).toMatchObject({ displayName: `'${FORMULA}`, externalId: "'-2+3", active: 'true', createdByToken: 'Test IdP' });
    expect(byName["'@at@example.com"]).toMatchObject({ displayName: "'+SUM(A1:A9)", externalId: "'\tTabbed" });
    expect(byName['quoted@example.com']).toMatchObject({ displayName: 'Doe, "Jane"\r\nSecond line', externalId: 'ünïcødé ✓' });
  });

  it('takes the GraphQL filters: SCIM filter, active, and refuses a bad filter with 400', async () => {
    const filtered = records((await download(`/export/users.csv?filter=${encodeURIComponent('userName sw "x-u1"')}&active=true`, bearer(acme))).body);
    expect(filtered).toHaveLength(111); // x-u1, x-u10…19, x-u100…199
    expect((await download('/export/users.csv?active=false', bearer(acme))).body.split('\r\n').filter(Boolean)).toHaveLength(1);
    const bad = await download(`/export/users.csv?filter=${encodeURIComponent('userName eq')}`, bearer(acme));
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ error: { code: 'BAD_USER_INPUT', message: expect.stringMatching(/^Invalid filter: /) } });
    expect((await download('/export/users.csv?active=maybe', bearer(acme))).status).toBe(400);
    expect((await download('/export/users.csv?search=%00', bearer(acme))).status).toBe(400);
  });
});

describe('GET /export/groups.csv and /export/activity.csv', () => {
  it('streams 115 groups with their member counts', async () => {
    const rows = records((await download('/export/groups.csv', bearer(acme))).body);
    expect(rows).toHaveLength(115);
    expect(new Set(rows.map((r) => r.id)).size).toBe(115);
    expect(rows.every((r) => r.memberCount === '2')).toBe(true);
    expect(records((await download('/export/groups.csv?search=X-G11', bearer(acme))).body)).toHaveLength(7); // x-g11, x-g110…115
  });

  it('streams activity newest first, failures only and within since/until', async () => {
    const all = await download('/export/activity.csv', bearer(acme));
    expect(all.headers['content-disposition']).toBe('attachment; filename="activity.csv"');
    const rows = records(all.body);
    expect(rows.length).toBeGreaterThanOrEqual(180);
    const times = rows.map((r) => Date.parse(r.occurredAt!));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const failures = records((await download('/export/activity.csv?failuresOnly=true&until=2026-11-02T00:00:00Z', bearer(acme))).body);
    expect(failures).toHaveLength(60);
    expect(failures[0]).toMatchObject({ status: '409', scimType: 'uniqueness', message: `'=HYPERLINK("http://x")` });
    const window = records((await download('/export/activity.csv?since=2026-11-01T01:00:00Z&until=2026-11-01T02:00:00Z', bearer(acme))).body);
    expect(window).toHaveLength(60);
    expect((await download('/export/activity.csv?since=yesterday', bearer(acme))).status).toBe(400);
  });
});

describe('export authentication', () => {
  it('refuses without credentials (401), a wrong token (401), a cookie without the CSRF header (403) and without iam:read (403)', async () => {
    expect((await download('/export/users.csv')).status).toBe(401);
    const badToken = await download('/export/users.csv', { authorization: 'Bearer nope' });
    expect(badToken.status).toBe(401);
    expect(JSON.parse(badToken.body).error).toEqual({ code: 'UNAUTHENTICATED', message: 'The API token is invalid or revoked' });
    const badSession = await download('/export/users.csv', { cookie: 'roster_session=stale', 'x-graphql-csrf': '1' });
    expect(JSON.parse(badSession.body).error.message).toBe('The session has ended or is invalid; sign in again');
    const cookie = await signIn(t, acme.email, acme.password);
    const noCsrf = await download('/export/groups.csv', { cookie });
    expect(noCsrf.status).toBe(403);
    expect(JSON.parse(noCsrf.body).error.code).toBe('FORBIDDEN');
    const withCsrf = await download('/export/groups.csv', { cookie, 'x-graphql-csrf': '1' });
    expect(withCsrf.status).toBe(200);
    expect(records(withCsrf.body)).toHaveLength(115);
    const manager = await seedCompany(t, { permissions: ['iam:manage'] });
    for (const name of ['users', 'groups', 'activity']) {
      expect((await download(`/export/${name}.csv`, bearer(manager))).status, name).toBe(403);
    }
    expect((await download('/export/secrets.csv', bearer(acme))).status).toBe(404);
  });

  it('exports only the caller\'s company', async () => {
    const rows = records((await download('/export/users.csv', bearer(other))).body);
    expect(rows.map((r) => r.userName).sort()).toEqual(['o-u1', 'o-u2', 'o-u3']);
    expect(records((await download('/export/activity.csv', bearer(other))).body).every((r) => r.tokenLabel !== 'Okta')).toBe(true);
  });
});
